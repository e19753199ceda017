// Where a checkpoint gets its snapshot bytes. sql.js's export() copies the whole database and blocks
// the thread for as long (0.3–0.7 s at 100 000 applications), so the app keeps a replica of the
// database in a worker thread, fed every committed transaction as the journal records it, and
// exports there (WorkerSnapshotSource); the event loop only posts messages and receives the bytes,
// transferred without a copy. Tests and in-memory use can export in the thread (InThreadSnapshotSource).
import type { Database } from 'sql.js';
import { setSnapshotSeq } from './journalReplay';

export interface SnapshotSource {
  /** Transaction `seq` (journal JSON) was committed; called in sequence order, right after COMMIT. */
  applied(seq: number, json: string): void;
  /** VACUUM ran on the database (not journaled: it changes no row). */
  vacuumed(): void;
  /**
   * The database as of the last transaction passed to `applied` (which must be `seq`), with the
   * snapshot header naming `seq`. Called between commits, never inside a transaction.
   */
  exportAt(seq: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Exports the live database synchronously, in the caller's thread (blocks for the whole copy). */
export class InThreadSnapshotSource implements SnapshotSource {
  constructor(
    private readonly db: Database,
    private readonly isInTransaction: () => boolean,
  ) {}

  applied(): void {}

  vacuumed(): void {}

  exportAt(seq: number): Promise<Uint8Array> {
    if (this.isInTransaction()) throw new Error('export() inside an open transaction would snapshot uncommitted changes');
    setSnapshotSeq(this.db, seq);
    return Promise.resolve(this.db.export());
  }

  async close(): Promise<void> {}
}
