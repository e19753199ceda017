import { readFile } from 'node:fs/promises';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import { nodeDbStorage, type DbStorage, type JournalHandle } from './dbStorage';
import { decodeParams, encodeParams, encodeTransaction, JournalCorruptError, parseJournal, type EncodedStatement, type EncodedTransaction } from './journalRecord';
import { WriteJournal } from './WriteJournal';
import type { Migration } from './migrations';

export { JournalCorruptError } from './journalRecord';
export { DatabaseDurabilityError } from './WriteJournal';
export type { DbStorage, JournalHandle } from './dbStorage';

export type SqlParams = readonly SqlValue[];
export type Row = Record<string, SqlValue>;

/** Read access; values are always bound as parameters, never spliced into SQL. */
export interface ReadableDb {
  all(sql: string, params?: SqlParams): Row[];
  get(sql: string, params?: SqlParams): Row | undefined;
}

export interface WritableDb extends ReadableDb {
  run(sql: string, params?: SqlParams): void;
}

/** When the journal is folded into a new snapshot (a checkpoint). */
export interface JournalPolicy {
  /** Checkpoint as soon as the active journal file holds this many bytes, even while writes go on… */
  readonly checkpointBytes: number;
  /** …or this fraction of the last snapshot's size, if larger. */
  readonly checkpointSnapshotFraction: number;
  /** After `idleMs` without a write, checkpoint if the journal holds at least this many bytes… */
  readonly idleCheckpointBytes: number;
  /** …or this fraction of the last snapshot's size, if larger. */
  readonly idleSnapshotFraction: number;
  readonly idleMs: number;
  /** After a failed background checkpoint, the next one waits at least this long. */
  readonly retryAfterFailureMs: number;
}

/**
 * A checkpoint's `export()` blocks the event loop for a time proportional to the database (about
 * 30 ms at 10k applications, 0.7 s at 100k here), so checkpoints are spaced by journal growth
 * relative to the snapshot: the stall per byte written stays constant, and so does the replay
 * at start relative to loading the snapshot. 16 MiB of journal is ~7 000 accepted applications,
 * replayed in well under a second. A quiet counter folds its journal in after 5 s without writes
 * once it passes 1 MiB (or 5 % of the snapshot); `close` always does.
 */
export const DEFAULT_JOURNAL_POLICY: JournalPolicy = {
  checkpointBytes: 16 * 1024 * 1024,
  checkpointSnapshotFraction: 0.25,
  idleCheckpointBytes: 1024 * 1024,
  idleSnapshotFraction: 0.05,
  idleMs: 5_000,
  retryAfterFailureMs: 30_000,
};

export interface DatabaseOptions {
  /** Database file; null keeps it in memory (tests). */
  readonly file: string | null;
  readonly wasmPath: string;
  readonly migrations: readonly Migration[];
  readonly journal?: Partial<JournalPolicy>;
  /** File operations; tests substitute storage that crashes at a chosen step. */
  readonly storage?: DbStorage;
  /** A background checkpoint failed (nothing is lost: the journal still holds every commit). Default: console.warn. */
  readonly onBackgroundError?: (error: unknown) => void;
}

export interface CheckpointStats {
  /** Sequence number of the last transaction the snapshot contains. */
  readonly seq: number;
  readonly bytes: number;
  /** Synchronous part: `export()` of the whole database (blocks the event loop). */
  readonly exportMs: number;
  /** Asynchronous part: temp file, fsync, rename, fsync of the directory, emptying the old journal file. */
  readonly writeMs: number;
  readonly totalMs: number;
}

export interface RecoveryReport {
  /** Last transaction in the snapshot file as found. */
  readonly snapshotSeq: number;
  readonly replayedTransactions: number;
  /** Journal records already contained in the snapshot (a crash after its rename, before the journal was emptied). */
  readonly staleTransactions: number;
  /** Torn appends ignored: a crash during an append whose fsync never returned, so never acknowledged. */
  readonly tornTails: readonly { readonly file: string; readonly offset: number; readonly bytes: number; readonly reason: string }[];
  /** Whether opening wrote a new snapshot and emptied the journal. */
  readonly checkpointed: boolean;
}

/** The journal files beside a database file (see SqlJsDatabase). */
export function journalFiles(file: string): readonly [string, string] {
  return [`${file}.journal-a`, `${file}.journal-b`];
}

/** Every file that together holds the database: copy all of them (with the process stopped) to copy it. */
export function databaseFiles(file: string): readonly string[] {
  return [file, ...journalFiles(file)];
}

/** A journal transaction failed to replay onto the snapshot: the SQL is not deterministic, or the files do not belong together. */
export class JournalReplayError extends Error {
  constructor(
    readonly seq: number,
    cause: unknown,
  ) {
    super(`database journal transaction ${seq} does not replay onto the snapshot: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'JournalReplayError';
  }
}

const MAX_SEQ = 0xffff_ffff;

/**
 * sql.js owned by main, made durable by a write-ahead journal.
 *
 * `write` runs its (synchronous) body in one transaction, recording each statement the body runs
 * with its bound parameters; after COMMIT the transaction is appended to the journal and the
 * returned promise resolves only once it is fsynced — an operator action is acknowledged only when
 * it is durable. Concurrent writes share one append + fsync (group commit). The cost no longer
 * grows with the database: no export on the write path.
 *
 * On disk: `<file>` is a plain SQLite snapshot whose header field `application_id` holds the
 * sequence number of the last transaction it contains; `<file>.journal-a`/`-b` hold the
 * transactions after it (format: journalRecord.ts). A checkpoint (export + atomic replace + empty
 * the journal) runs in the background when the journal passes a size threshold, after a quiet
 * spell once it passes a smaller one (JournalPolicy), and at `close`; writes never wait for it.
 * Its only synchronous part is `export()`, which is never called inside a transaction: write bodies
 * are synchronous, so no transaction is open at any await point, and exports are guarded.
 *
 * Opening loads the snapshot, replays the journal's transactions after it in order (SQL in this
 * project is deterministic: values come from bound parameters, never from now() or random()),
 * ignores a torn last append, refuses a journal damaged before valid data (JournalCorruptError,
 * files left untouched), then checkpoints. A failed journal append or fsync rejects that write and
 * every later one (DatabaseDurabilityError) until the process restarts and reopens from disk.
 */
export class SqlJsDatabase {
  private commitSeq: number;
  private snapshotSeq: number;
  private inTransaction = false;
  private closed = false;
  private checkpointing: Promise<CheckpointStats> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private sizeCheckpointQueued = false;
  private nextBackgroundCheckpointAt = 0;
  /** Size of the snapshot last written or loaded, which scales the checkpoint thresholds. */
  private snapshotBytes: number;

  private constructor(
    private readonly db: Database,
    private readonly file: string | null,
    private readonly journal: WriteJournal | null,
    private readonly storage: DbStorage,
    private readonly policy: JournalPolicy,
    private readonly onBackgroundError: (error: unknown) => void,
    seq: number,
    snapshotBytes: number,
    /** What opening found and did; null for an in-memory database. */
    readonly recovery: RecoveryReport | null,
  ) {
    this.commitSeq = seq;
    this.snapshotSeq = seq;
    this.snapshotBytes = snapshotBytes;
  }

  static async open(options: DatabaseOptions): Promise<SqlJsDatabase> {
    const SQL = await initSqlJs({ wasmBinary: new Uint8Array(await readFile(options.wasmPath)).buffer });
    const policy = { ...DEFAULT_JOURNAL_POLICY, ...options.journal };
    const storage = options.storage ?? nodeDbStorage;
    const onBackgroundError = options.onBackgroundError ?? ((error: unknown) => console.warn('database checkpoint failed; the journal keeps every commit, retrying later', error));
    let database: SqlJsDatabase;
    if (options.file === null) {
      const db = new SQL.Database();
      db.run('PRAGMA foreign_keys = ON');
      database = new SqlJsDatabase(db, null, null, storage, policy, onBackgroundError, 0, 0, null);
    } else {
      const file = options.file;
      const names = journalFiles(file);
      const [snapshot, ...journals] = await Promise.all(databaseFiles(file).map((f) => storage.read(f)));
      const db = new SQL.Database(snapshot ?? undefined);
      const handles: JournalHandle[] = [];
      try {
        db.run('PRAGMA foreign_keys = ON');
        const replay = replayJournals(db, names, journals);
        const journalEmpty = journals.every((bytes) => !bytes || bytes.byteLength === 0);
        for (const name of names) handles.push(await storage.openJournal(name));
        const mustCheckpoint = snapshot === null || replay.replayed > 0 || replay.tornTails.length > 0;
        let snapshotBytes = snapshot?.byteLength ?? 0;
        if (mustCheckpoint) {
          setSnapshotSeq(db, replay.seq);
          const bytes = db.export();
          await storage.replaceAtomically(file, bytes);
          snapshotBytes = bytes.byteLength;
        }
        // Now every journal record is in the snapshot (or torn): start both files empty.
        if (!journalEmpty) await Promise.all(handles.map((h) => h.truncate()));
        const recovery: RecoveryReport = {
          snapshotSeq: replay.base, replayedTransactions: replay.replayed, staleTransactions: replay.stale, tornTails: replay.tornTails, checkpointed: mustCheckpoint,
        };
        database = new SqlJsDatabase(db, file, new WriteJournal([handles[0]!, handles[1]!], replay.seq), storage, policy, onBackgroundError, replay.seq, snapshotBytes, recovery);
      } catch (error) {
        await Promise.allSettled(handles.map((h) => h.close()));
        db.close();
        throw error;
      }
    }
    await database.migrate(options.migrations);
    return database;
  }

  get schemaVersion(): number {
    return Number(this.db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
  }

  /** Group-commit counters (records appended, fsyncs, transactions), for tests and benchmarks. */
  get journalCounters(): Readonly<{ records: number; syncs: number; transactions: number }> | null {
    return this.journal ? { ...this.journal.counters } : null;
  }

  read<T>(body: (db: ReadableDb) => T): T {
    this.assertOpen();
    return body(this.accessor(null));
  }

  async write<T>(body: (db: WritableDb) => T): Promise<T> {
    this.assertOpen();
    if (this.journal?.failed) throw this.journal.failed;
    if (this.commitSeq >= MAX_SEQ) throw new Error('database transaction sequence exhausted');
    const statements: EncodedStatement[] | null = this.journal ? [] : null;
    let json: string | null = null;
    let result: T;
    this.db.run('BEGIN IMMEDIATE');
    this.inTransaction = true;
    try {
      result = body(this.accessor(statements));
      if (result instanceof Promise) throw new Error('SqlJsDatabase.write body must be synchronous');
      if (statements && statements.length > 0) json = encodeTransaction(statements);
      this.db.run('COMMIT');
    } catch (error) {
      this.db.run('ROLLBACK');
      throw error;
    } finally {
      this.inTransaction = false;
    }
    if (!this.journal) return result;
    if (json !== null) {
      this.journal.append(++this.commitSeq, json);
      this.afterAppend();
    }
    // A body that changed nothing still waits for earlier commits it may have read.
    await this.journal.waitDurable(this.commitSeq);
    return result;
  }

  /**
   * Writes a snapshot containing every commit so far and empties the journal behind it. Runs in the
   * background on its own; callable directly (benchmarks, tests). Never called inside a transaction.
   */
  async checkpoint(): Promise<CheckpointStats> {
    this.assertOpen();
    return this.startCheckpoint();
  }

  /**
   * Rewrites the database without free space (VACUUM), then checkpoints, so content deleted or
   * overwritten earlier (personal data removed by the retention purge) survives neither in free
   * pages or cell gaps of the snapshot nor in the journal files that recorded the statements which
   * wrote it. Not journaled: VACUUM changes no row (rowids included, checked in the tests), so a
   * replay onto the older snapshot after a crash yields the same data. Blocks the event loop about
   * as long as an export does; never called inside a transaction. Null for an in-memory database.
   */
  async compact(): Promise<CheckpointStats | null> {
    this.assertOpen();
    if (this.inTransaction) throw new Error('VACUUM inside an open transaction');
    this.db.run('VACUUM');
    return this.journal ? this.startCheckpoint() : null;
  }

  /** Size of the exported database in bytes (diagnostics, benchmarks). */
  exportSize(): number {
    this.assertOpen();
    return this.exportNow().byteLength;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    let failure: unknown = null;
    if (this.journal) {
      try {
        await this.journal.waitDurable(this.commitSeq);
        while (this.checkpointing) await this.checkpointing.catch(() => undefined);
        if (this.commitSeq > this.snapshotSeq) await this.startCheckpoint();
      } catch (error) {
        failure = error;
      }
      await this.journal.close();
    }
    this.db.close();
    if (failure !== null) throw failure;
  }

  private async migrate(migrations: readonly Migration[]): Promise<void> {
    const ordered = [...migrations].sort((a, b) => a.version - b.version);
    for (const migration of ordered) {
      if (migration.version <= this.schemaVersion) continue;
      await this.write((db) => {
        migration.up(db);
        db.run(`PRAGMA user_version = ${Number(migration.version)}`);
      });
    }
  }

  private afterAppend(): void {
    const journal = this.journal!;
    const { checkpointBytes, checkpointSnapshotFraction, idleCheckpointBytes, idleSnapshotFraction } = this.policy;
    const hardLimit = Math.max(checkpointBytes, checkpointSnapshotFraction * this.snapshotBytes);
    if (journal.activeBytes >= hardLimit && !this.checkpointing && !this.sizeCheckpointQueued) {
      this.sizeCheckpointQueued = true;
      setImmediate(() => {
        this.sizeCheckpointQueued = false;
        void this.backgroundCheckpoint();
      });
    }
    if (this.idleTimer) {
      this.idleTimer.refresh();
    } else {
      this.idleTimer = setTimeout(() => {
        if (journal.activeBytes >= Math.max(idleCheckpointBytes, idleSnapshotFraction * this.snapshotBytes)) void this.backgroundCheckpoint();
      }, this.policy.idleMs);
      this.idleTimer.unref();
    }
  }

  private async backgroundCheckpoint(): Promise<void> {
    if (this.closed || this.checkpointing || this.journal?.failed || Date.now() < this.nextBackgroundCheckpointAt) return;
    try {
      await this.startCheckpoint();
    } catch (error) {
      this.nextBackgroundCheckpointAt = Date.now() + this.policy.retryAfterFailureMs;
      if (!this.closed) this.onBackgroundError(error);
    }
  }

  private async startCheckpoint(): Promise<CheckpointStats> {
    while (this.checkpointing) await this.checkpointing.catch(() => undefined);
    const run = this.runCheckpoint();
    this.checkpointing = run;
    try {
      return await run;
    } finally {
      if (this.checkpointing === run) this.checkpointing = null;
    }
  }

  private async runCheckpoint(): Promise<CheckpointStats> {
    const journal = this.journal;
    const file = this.file;
    if (!journal || file === null) throw new Error('an in-memory database has no checkpoint');
    // Called from inside a write body, this continues only after that body's COMMIT.
    await Promise.resolve();
    if (journal.failed) throw journal.failed;
    const started = performance.now();
    const seq = this.commitSeq;
    // Transactions after `seq` go to the other file; this one is emptied once the snapshot is durable.
    const previous = journal.switchSlot();
    setSnapshotSeq(this.db, seq);
    const bytes = this.exportNow();
    const exported = performance.now();
    // Only a snapshot of journaled commits is written: one whose fsync failed (its write rejected)
    // must not come back through the snapshot. By now `previous` receives no more appends.
    await journal.waitDurable(seq);
    await this.storage.replaceAtomically(file, bytes);
    this.snapshotSeq = Math.max(this.snapshotSeq, seq);
    this.snapshotBytes = bytes.byteLength;
    await journal.truncate(previous);
    const finished = performance.now();
    return { seq, bytes: bytes.byteLength, exportMs: exported - started, writeMs: finished - exported, totalMs: finished - started };
  }

  private exportNow(): Uint8Array {
    if (this.inTransaction) throw new Error('export() inside an open transaction would snapshot uncommitted changes');
    return this.db.export();
  }

  private accessor(capture: EncodedStatement[] | null): WritableDb {
    const db = this.db;
    const all = (sql: string, params: SqlParams = []): Row[] => {
      const statement = db.prepare(sql);
      try {
        statement.bind([...params]);
        const rows: Row[] = [];
        while (statement.step()) rows.push(statement.getAsObject() as Row);
        return rows;
      } finally {
        statement.free();
      }
    };
    return {
      all,
      get: (sql, params) => all(sql, params)[0],
      run: (sql, params = []) => {
        // Only write bodies may change the database: anything else would bypass the journal.
        if (capture === null && this.journal !== null) throw new Error('run() is only available inside write()');
        db.run(sql, [...params]);
        // Recorded only once it succeeded: a statement that failed changed nothing.
        capture?.push([sql, encodeParams(params)]);
      },
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('database is closed');
  }
}

function readSnapshotSeq(db: Database): number {
  return Number(db.exec('PRAGMA application_id')[0]?.values[0]?.[0] ?? 0) >>> 0;
}

/** `application_id` is a signed 32-bit header field; it holds the sequence as unsigned. */
function setSnapshotSeq(db: Database, seq: number): void {
  db.run(`PRAGMA application_id = ${seq | 0}`);
}

interface Replay {
  readonly base: number;
  readonly seq: number;
  readonly replayed: number;
  readonly stale: number;
  readonly tornTails: RecoveryReport['tornTails'];
}

/** Applies, in order, every journal transaction after the snapshot's; see SqlJsDatabase. */
function replayJournals(db: Database, names: readonly string[], journals: readonly (Uint8Array | null)[]): Replay {
  const base = readSnapshotSeq(db);
  const found = new Map<number, { readonly tx: EncodedTransaction; readonly file: string; readonly offset: number }>();
  const tornTails: { file: string; offset: number; bytes: number; reason: string }[] = [];
  journals.forEach((bytes, i) => {
    if (!bytes || bytes.byteLength === 0) return;
    const file = names[i]!;
    const parsed = parseJournal(file, bytes);
    for (const record of parsed.records) {
      record.transactions.forEach((tx, k) => {
        const seq = record.from + k;
        if (found.has(seq)) throw new JournalCorruptError(file, record.offset, `transaction ${seq} appears twice`);
        found.set(seq, { tx, file, offset: record.offset });
      });
    }
    if (parsed.tornTail) tornTails.push({ file, ...parsed.tornTail });
  });
  let seq = base;
  for (let next = found.get(seq + 1); next; next = found.get(seq + 1)) {
    seq++;
    db.run('BEGIN IMMEDIATE');
    try {
      for (const [sql, params] of next.tx) db.run(sql, decodeParams(params));
      db.run('COMMIT');
    } catch (error) {
      db.run('ROLLBACK');
      throw new JournalReplayError(seq, error);
    }
  }
  const stale = [...found.keys()].filter((s) => s <= base).length;
  const orphans = [...found.keys()].filter((s) => s > seq).sort((a, b) => a - b);
  if (orphans.length > 0) {
    // A transaction is acknowledged only after every earlier one is durable, so a gap cannot come from a crash.
    const first = found.get(orphans[0]!)!;
    throw new JournalCorruptError(first.file, first.offset, `transaction ${seq + 1} is missing but ${orphans[0]} follows`);
  }
  return { base, seq, replayed: seq - base, stale, tornTails };
}
