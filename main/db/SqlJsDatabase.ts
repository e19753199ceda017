import { readFile } from 'node:fs/promises';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import { createDatabaseIdentity, readDatabaseIdentity } from './databaseIdentity';
import { nodeDbStorage, type DbStorage, type JournalHandle } from './dbStorage';
import { assertSupportedParams, encodeParams, encodeTransaction, type EncodedStatement } from './journalRecord';
import { replayJournals, setSnapshotSeq, type Replay } from './journalReplay';
import { InThreadSnapshotSource, type SnapshotSource } from './snapshotSource';
import { DatabaseReadOnlyError, describeDamage, quarantineFileName, readOnlyReasonOf, type DamageFound, type ReadOnlyReason } from './storageDamage';
import { WriteJournal, type DatabaseDurabilityError } from './WriteJournal';
import { WorkerSnapshotSource } from './WorkerSnapshotSource';
import type { Migration } from './migrations';

export { JournalCorruptError, UnsupportedParamError } from './journalRecord';
export { JournalReplayError } from './journalReplay';
export { DatabaseDurabilityError } from './WriteJournal';
export { DatabaseReadOnlyError, type DamageFound, type ReadOnlyReason } from './storageDamage';
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
 * With the checkpoint worker a checkpoint costs the event loop nothing but the asynchronous file
 * write; without it (tests) `export()` blocks for a time proportional to the database (about 30 ms
 * at 10k applications, 0.4–0.7 s at 100k). Either way checkpoints are spaced by journal growth
 * relative to the snapshot, so the write cost per byte stays constant, and so does the replay at
 * start relative to loading the snapshot. 16 MiB of journal is ~7 000 accepted applications,
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
  /**
   * The checkpoint worker (snapshotWorker.ts bundled, e.g. out/db/snapshotWorker.mjs). Without it
   * checkpoints export in the caller's thread. Should it fail to start, the same, reported through
   * `onBackgroundError`.
   */
  readonly snapshotWorkerUrl?: URL | null;
  /**
   * When the writes that opening must make (quarantine, snapshot, emptying the journal, migrations)
   * fail because the disk is full, read-only, not ours or failing, open read-only instead of
   * throwing: everything on disk is readable, nothing can be written (`access`). Default false.
   */
  readonly readOnlyFallback?: boolean;
  /** Time for quarantine file names; default the system clock. */
  readonly now?: () => Date;
}

export interface CheckpointStats {
  /** Sequence number of the last transaction the snapshot contains. */
  readonly seq: number;
  readonly bytes: number;
  /** Until the snapshot bytes were ready: export() in the worker (or, without one, blocking this thread). */
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
  /**
   * Damage at the end of a journal file that is not a torn append: acknowledged transactions may be
   * lost. Its bytes were moved to a quarantine file (unless read-only); the workstation reports it.
   */
  readonly damage: readonly DamageFound[];
  /** Whether opening wrote a new snapshot and emptied the journal. */
  readonly checkpointed: boolean;
  /** Stale temp files of earlier atomic writes removed at open. */
  readonly tempFilesRemoved: number;
}

/** Whether the database takes writes; see SqlJsDatabase. */
export type DatabaseAccess =
  | { readonly kind: 'writable' }
  | { readonly kind: 'read-only'; readonly reason: ReadOnlyReason; readonly detail: string }
  | { readonly kind: 'failed'; readonly error: DatabaseDurabilityError };

/** The journal files beside a database file (see SqlJsDatabase). */
export function journalFiles(file: string): readonly [string, string] {
  return [`${file}.journal-a`, `${file}.journal-b`];
}

/** Every file that together holds the database: copy all of them (with the process stopped) to copy it. */
export function databaseFiles(file: string): readonly string[] {
  return [file, ...journalFiles(file)];
}

const MAX_SEQ = 0xffff_ffff;

/**
 * sql.js owned by main, made durable by a write-ahead journal.
 *
 * `write` runs its (synchronous) body in one transaction, recording each statement the body runs
 * with its bound parameters (checked before each statement runs: only what the journal records
 * exactly); after COMMIT the transaction is appended to the journal and the returned promise
 * resolves only once it is fsynced — an operator action is acknowledged only when it is durable.
 * Concurrent writes share one append + fsync (group commit).
 *
 * Reads see every commit at once, durable or not. Whatever acts outside the database on what it read
 * (sending, purging, deleting blobs) uses `readDurable`: read, await durable, act — so nothing leaves
 * the workstation that a power cut could still take back. When a journal append, fsync or truncate
 * fails, the commits in memory may never reach the disk: the database fails (`access`), every
 * waiting and later write rejects with DatabaseDurabilityError, so do reads (they would show the
 * rejected state), and `onDurabilityFailure` listeners stop whatever acts on the database, until the
 * workstation restarts and reopens from disk.
 *
 * On disk: `<file>` is a plain SQLite snapshot whose header field `application_id` holds the
 * sequence number of the last transaction it contains and whose table `database_identity` names the
 * database; `<file>.journal-a`/`-b` hold the transactions after it (format: journalRecord.ts). A
 * checkpoint (export + atomic replace + empty the journal) runs in the background when the journal
 * passes a size threshold, after a quiet spell once it passes a smaller one (JournalPolicy), and at
 * `close`; writes never wait for it. Its export runs on a replica in a worker thread when one is
 * configured, otherwise in this thread, and is never taken inside a transaction.
 *
 * Opening removes stale temp files of the database, loads the snapshot, replays the journal's
 * transactions after it in order (SQL in this project is deterministic: values come from bound
 * parameters, never from now() or random()), ignores a torn last append, moves damage at the end
 * of a journal file to a quarantine file and reports it (`recovery.damage`), refuses a journal
 * damaged before valid data or belonging to another database (JournalCorruptError, files left
 * untouched), then checkpoints. If the disk refuses those writes and `readOnlyFallback` is set, it
 * opens read-only instead (`access`): the queue can still be shown, and nothing is changed.
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
  private readonly durabilityListeners: ((error: DatabaseDurabilityError) => void)[] = [];

  private constructor(
    private readonly db: Database,
    private readonly file: string | null,
    private readonly journal: WriteJournal | null,
    private snapshots: SnapshotSource | null,
    private readonly storage: DbStorage,
    private readonly policy: JournalPolicy,
    private readonly onBackgroundError: (error: unknown) => void,
    seq: number,
    snapshotBytes: number,
    /** What opening found and did; null for an in-memory database. */
    readonly recovery: RecoveryReport | null,
    private readonly readOnly: { readonly reason: ReadOnlyReason; readonly detail: string } | null,
  ) {
    this.commitSeq = seq;
    this.snapshotSeq = seq;
    this.snapshotBytes = snapshotBytes;
    journal?.onFailure((error) => {
      for (const listener of this.durabilityListeners) listener(error);
    });
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
      database = new SqlJsDatabase(db, null, null, null, storage, policy, onBackgroundError, 0, 0, null, null);
    } else {
      database = await openFile(SQL.Database, options.file, options, storage, policy, onBackgroundError);
    }
    await database.migrate(options.migrations);
    return database;
  }

  get schemaVersion(): number {
    return Number(this.db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
  }

  /** Whether writes are taken: writable, read-only since opening (and why), or failed (restart). */
  get access(): DatabaseAccess {
    if (this.journal?.failed) return { kind: 'failed', error: this.journal.failed };
    if (this.readOnly) return { kind: 'read-only', ...this.readOnly };
    return { kind: 'writable' };
  }

  /** Called once when the journal fails (see the class comment); stop whatever acts on the database. */
  onDurabilityFailure(listener: (error: DatabaseDurabilityError) => void): void {
    this.durabilityListeners.push(listener);
  }

  /** Group-commit counters (records appended, fsyncs, transactions), for tests and benchmarks. */
  get journalCounters(): Readonly<{ records: number; syncs: number; transactions: number }> | null {
    return this.journal ? { ...this.journal.counters } : null;
  }

  /** Reads the current state, durable or not: for showing it. To act outside the database on it, use `readDurable`. */
  read<T>(body: (db: ReadableDb) => T): T {
    this.assertReadable();
    return body(this.accessor(null));
  }

  /**
   * Reads, then resolves once everything the read could have seen is durable: "read, await
   * durable, act". Rejects with DatabaseDurabilityError if that state never becomes durable.
   */
  async readDurable<T>(body: (db: ReadableDb) => T): Promise<T> {
    const seq = this.commitSeq;
    const result = this.read(body);
    if (this.journal) await this.journal.waitDurable(seq);
    return result;
  }

  async write<T>(body: (db: WritableDb) => T): Promise<T> {
    this.assertOpen();
    if (this.journal?.failed) throw this.journal.failed;
    if (this.readOnly) throw new DatabaseReadOnlyError(this.readOnly.reason);
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
      const seq = ++this.commitSeq;
      this.journal.append(seq, json);
      this.snapshots?.applied(seq, json);
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
   * replay onto the older snapshot after a crash yields the same data; the checkpoint replica runs it
   * too. Blocks the event loop about as long as an export does; never called inside a transaction.
   * Null for an in-memory database.
   */
  async compact(): Promise<CheckpointStats | null> {
    this.assertOpen();
    if (this.inTransaction) throw new Error('VACUUM inside an open transaction');
    if (this.readOnly) throw new DatabaseReadOnlyError(this.readOnly.reason);
    if (this.journal?.failed) throw this.journal.failed;
    this.db.run('VACUUM');
    this.snapshots?.vacuumed();
    return this.journal ? this.startCheckpoint() : null;
  }

  /** Size of the exported database in bytes (tests; blocks the thread for a whole export). */
  exportSize(): number {
    this.assertOpen();
    if (this.inTransaction) throw new Error('export() inside an open transaction would snapshot uncommitted changes');
    return this.db.export().byteLength;
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
    await this.snapshots?.close();
    this.db.close();
    if (failure !== null) throw failure;
  }

  private async migrate(migrations: readonly Migration[]): Promise<void> {
    const ordered = [...migrations].sort((a, b) => a.version - b.version);
    for (const migration of ordered) {
      if (migration.version <= this.schemaVersion) continue;
      if (this.readOnly) {
        // Nothing may be written: bring the schema up to date in memory only, so the app can read.
        this.db.run('BEGIN IMMEDIATE');
        try {
          migration.up(this.accessor([]));
          this.db.run(`PRAGMA user_version = ${Number(migration.version)}`);
          this.db.run('COMMIT');
        } catch (error) {
          this.db.run('ROLLBACK');
          throw error;
        }
        continue;
      }
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
    const snapshots = this.snapshots;
    if (!journal || !snapshots || file === null) throw new Error(this.readOnly ? `the database is read-only (${this.readOnly.reason})` : 'an in-memory database has no checkpoint');
    // Called from inside a write body, this continues only after that body's COMMIT.
    await Promise.resolve();
    if (journal.failed) throw journal.failed;
    const started = performance.now();
    const seq = this.commitSeq;
    // Transactions after `seq` go to the other file; this one is emptied once the snapshot is durable.
    // The export is requested now, before any later commit, so it holds exactly the commits up to `seq`.
    const previous = journal.switchSlot();
    let exportedSeq = seq;
    let bytes: Uint8Array;
    try {
      bytes = await snapshots.exportAt(seq);
    } catch (error) {
      if (snapshots instanceof InThreadSnapshotSource) throw error;
      // The replica no longer follows (it could not replay a transaction, or its thread died): export
      // here from now on. What it exports is the state as of now, a later sequence number than asked
      // for, which is just as good a snapshot once it is durable; the newer journal records it holds
      // become stale and are skipped at the next open.
      this.onBackgroundError(new Error(`checkpoint worker failed, exporting on the main thread from now on: ${error instanceof Error ? error.message : String(error)}`, { cause: error }));
      void snapshots.close();
      const inThread = new InThreadSnapshotSource(this.db, () => this.inTransaction);
      this.snapshots = inThread;
      exportedSeq = this.commitSeq;
      bytes = await inThread.exportAt(exportedSeq);
    }
    const exported = performance.now();
    // Only a snapshot of journaled commits is written: one whose fsync failed (its write rejected)
    // must not come back through the snapshot. By now `previous` receives no more appends.
    await journal.waitDurable(exportedSeq);
    await this.storage.replaceAtomically(file, bytes);
    this.snapshotSeq = Math.max(this.snapshotSeq, exportedSeq);
    this.snapshotBytes = bytes.byteLength;
    await journal.truncate(previous);
    const finished = performance.now();
    return { seq: exportedSeq, bytes: bytes.byteLength, exportMs: exported - started, writeMs: finished - exported, totalMs: finished - started };
  }

  private accessor(capture: EncodedStatement[] | null): WritableDb {
    const db = this.db;
    const all = (sql: string, params: SqlParams = []): Row[] => {
      assertSupportedParams(params);
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
        // Checked before the statement runs: a value the journal cannot record exactly (a boolean
        // sql.js would store as 1, an array it would store as a blob) must never be acknowledged.
        assertSupportedParams(params);
        db.run(sql, [...params]);
        // Recorded only once it succeeded: a statement that failed changed nothing.
        capture?.push([sql, encodeParams(params)]);
      },
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('database is closed');
  }

  private assertReadable(): void {
    this.assertOpen();
    if (this.journal?.failed) throw this.journal.failed;
  }

  /** For openFile only (the constructor is private); `in-thread` makes an InThreadSnapshotSource guarded by this instance's transaction state. */
  static fromParts(parts: DatabaseParts): SqlJsDatabase {
    const { db, file, journal, snapshots, storage, policy, onBackgroundError, seq, snapshotBytes, recovery, readOnly } = parts;
    let instance: SqlJsDatabase | null = null;
    const source = snapshots === 'in-thread' ? new InThreadSnapshotSource(db, () => instance?.inTransaction ?? false) : snapshots;
    instance = new SqlJsDatabase(db, file, journal, source, storage, policy, onBackgroundError, seq, snapshotBytes, recovery, readOnly);
    return instance;
  }
}

interface DatabaseParts {
  readonly db: Database;
  readonly file: string;
  readonly journal: WriteJournal | null;
  readonly snapshots: SnapshotSource | 'in-thread' | null;
  readonly storage: DbStorage;
  readonly policy: JournalPolicy;
  readonly onBackgroundError: (error: unknown) => void;
  readonly seq: number;
  readonly snapshotBytes: number;
  readonly recovery: RecoveryReport;
  readonly readOnly: { readonly reason: ReadOnlyReason; readonly detail: string } | null;
}

type DatabaseConstructor = new (data?: ArrayLike<number> | Buffer | null) => Database;

/** Opens a database on disk: recovery, quarantine, the opening checkpoint — or a read-only start. */
async function openFile(
  Db: DatabaseConstructor,
  file: string,
  options: DatabaseOptions,
  storage: DbStorage,
  policy: JournalPolicy,
  onBackgroundError: (error: unknown) => void,
): Promise<SqlJsDatabase> {
  const names = journalFiles(file);
  let tempFilesRemoved = 0;
  try {
    tempFilesRemoved = await storage.removeStaleTemp(file);
  } catch (error) {
    onBackgroundError(error);
  }
  const [snapshot, ...journals] = await Promise.all(databaseFiles(file).map((f) => storage.read(f)));
  const db = new Db(snapshot ?? undefined);
  const handles: JournalHandle[] = [];
  let snapshots: SnapshotSource | 'in-thread' | null = null;
  try {
    db.run('PRAGMA foreign_keys = ON');
    let databaseId = readDatabaseIdentity(db);
    const replay = replayJournals(db, databaseId, names, journals);
    const journalEmpty = journals.every((bytes) => !bytes || bytes.byteLength === 0);
    const now = options.now?.() ?? new Date();
    const quarantine = replay.damagedTails.map((tail) => ({ tail, to: quarantineFileName(tail, file, now) }));
    const report = (checkpointed: boolean, quarantined: boolean): RecoveryReport => ({
      snapshotSeq: replay.base,
      replayedTransactions: replay.replayed,
      staleTransactions: replay.stale,
      tornTails: replay.tornTails,
      damage: quarantine.map(({ tail, to }) => describeDamage(tail, quarantined ? to : null, replay.seq)),
      checkpointed,
      tempFilesRemoved,
    });
    try {
      // A full disk is found now, before anything is acknowledged, not at the first write.
      await storage.probeWritable(file);
      const mustCheckpoint = snapshot === null || databaseId === null || replay.replayed > 0 || replay.tornTails.length > 0 || replay.damagedTails.length > 0;
      databaseId ??= createDatabaseIdentity(db);
      // The damaged bytes go aside, durably, before anything could empty the journal files.
      for (const { tail, to } of quarantine) await storage.replaceAtomically(to, tail.content);
      let snapshotBytes = snapshot?.byteLength ?? 0;
      let current: Uint8Array | null = snapshot ?? null;
      if (mustCheckpoint) {
        setSnapshotSeq(db, replay.seq);
        current = db.export();
        await storage.replaceAtomically(file, current);
        snapshotBytes = current.byteLength;
      }
      for (const name of names) handles.push(await storage.openJournal(name));
      // Now every journal record is in the snapshot (or torn, or quarantined): start both files empty.
      if (!journalEmpty) await Promise.all(handles.map((h) => h.truncate()));
      snapshots = await startSnapshotSource(db, options, current, replay, onBackgroundError);
      const journal = new WriteJournal([handles[0]!, handles[1]!], replay.seq, databaseId);
      return SqlJsDatabase.fromParts({ db, file, journal, snapshots, storage, policy, onBackgroundError, seq: replay.seq, snapshotBytes, recovery: report(mustCheckpoint, true), readOnly: null });
    } catch (error) {
      const reason = readOnlyReasonOf(error);
      if (!options.readOnlyFallback || reason === null) throw error;
      await closeAll(handles, snapshots);
      handles.length = 0;
      snapshots = null;
      // Everything on disk was read and replayed; nothing more is written until a restart.
      const detail = error instanceof Error ? error.message : String(error);
      return SqlJsDatabase.fromParts({
        db, file, journal: null, snapshots: null, storage, policy, onBackgroundError, seq: replay.seq, snapshotBytes: snapshot?.byteLength ?? 0, recovery: report(false, false), readOnly: { reason, detail },
      });
    }
  } catch (error) {
    await closeAll(handles, snapshots);
    db.close();
    throw error;
  }
}

async function startSnapshotSource(db: Database, options: DatabaseOptions, current: Uint8Array | null, replay: Replay, onBackgroundError: (error: unknown) => void): Promise<SnapshotSource | 'in-thread'> {
  if (!options.snapshotWorkerUrl) return 'in-thread';
  try {
    return await WorkerSnapshotSource.start(options.snapshotWorkerUrl, options.wasmPath, current ?? db.export(), replay.seq);
  } catch (error) {
    onBackgroundError(new Error(`checkpoint worker did not start, exporting in the main thread instead: ${error instanceof Error ? error.message : String(error)}`, { cause: error }));
    return 'in-thread';
  }
}

async function closeAll(handles: readonly JournalHandle[], snapshots: SnapshotSource | 'in-thread' | null): Promise<void> {
  await Promise.allSettled([...handles.map((h) => h.close()), typeof snapshots === 'object' ? snapshots?.close() : undefined]);
}
