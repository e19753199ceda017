import type { JournalHandle } from './dbStorage';
import { frameRecord } from './journalRecord';

/**
 * A journal append, fsync or truncate failed: the write was not acknowledged (whether it survives a
 * restart is unknown, as after any failed fsync) and the database takes no more writes — and answers
 * no more reads, since its memory holds commits that may never reach the disk — until it is reopened.
 */
export class DatabaseDurabilityError extends Error {
  constructor(cause: unknown) {
    super(`database journal write failed, so recent commits are not known to be durable; no further reads or writes are accepted until the workstation restarts: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DatabaseDurabilityError';
  }
}

export type JournalSlot = 0 | 1;

interface Pending {
  readonly seq: number;
  readonly slot: JournalSlot;
  readonly json: string;
}

interface Waiter {
  readonly seq: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * Group commit over two journal files. Committed transactions queue here; one append + fsync is
 * in flight at a time and takes every transaction queued meanwhile as one record, so concurrent
 * writers share an fsync. A transaction is durable once its record and every earlier one are.
 *
 * Two files so a checkpoint never stops writers: the checkpoint switches new transactions to the
 * other file, writes its snapshot, then empties the old file, which by then holds only
 * transactions the snapshot contains. A failed append or fsync is fatal (after a failed fsync the
 * file's state is unknown): every waiting and later write is rejected.
 */
export class WriteJournal {
  private slot: JournalSlot = 0;
  private pending: Pending[] = [];
  private flushing = false;
  private durable: number;
  private waiters: Waiter[] = [];
  private failure: DatabaseDurabilityError | null = null;
  private readonly sizes: [number, number] = [0, 0];
  /** Appends (one per group commit) and fsyncs so far; for tests and diagnostics. */
  readonly counters = { records: 0, syncs: 0, transactions: 0 };

  private readonly failureListeners: ((error: DatabaseDurabilityError) => void)[] = [];

  constructor(
    private readonly handles: readonly [JournalHandle, JournalHandle],
    durableSeq: number,
    /** Written into every record: the journal replays only onto its own database. */
    private readonly databaseId: string,
  ) {
    this.durable = durableSeq;
  }

  /** Called once, when the journal fails (the database then refuses writes and reads until reopened). */
  onFailure(listener: (error: DatabaseDurabilityError) => void): void {
    this.failureListeners.push(listener);
  }

  get failed(): DatabaseDurabilityError | null {
    return this.failure;
  }

  get activeSlot(): JournalSlot {
    return this.slot;
  }

  /** Bytes appended to the active file since it was last emptied. */
  get activeBytes(): number {
    return this.sizes[this.slot];
  }

  get durableSeq(): number {
    return this.durable;
  }

  /** Queues transaction `seq` (JSON from `encodeTransaction`); call right after its COMMIT. */
  append(seq: number, json: string): void {
    if (this.failure) throw this.failure;
    this.pending.push({ seq, slot: this.slot, json });
    if (!this.flushing) void this.flush();
  }

  /** Resolves once transaction `seq` and every earlier one are durable. */
  waitDurable(seq: number): Promise<void> {
    if (seq <= this.durable) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  /** Sends later transactions to the other file; returns the previous one. */
  switchSlot(): JournalSlot {
    const previous = this.slot;
    this.slot = previous === 0 ? 1 : 0;
    return previous;
  }

  /**
   * Empties a file. Only for a file no queued or in-flight transaction goes to. A failed truncate or
   * its fsync fails the journal like a failed append: the file's state is unknown, and appending
   * after bytes that may or may not still be there could put stale records before new ones.
   */
  async truncate(slot: JournalSlot): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pending.some((p) => p.slot === slot)) throw new Error('journal file still has queued transactions');
    try {
      await this.handles[slot].truncate();
    } catch (error) {
      this.fail(error);
      throw this.failure;
    }
    this.sizes[slot] = 0;
  }

  async close(): Promise<void> {
    await Promise.all(this.handles.map((h) => h.close()));
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length > 0 && !this.failure) {
        const batch = this.pending;
        this.pending = [];
        // At most two runs: transactions queued before a checkpoint's switch go to the old file first.
        for (let start = 0; start < batch.length; ) {
          const slot = batch[start]!.slot;
          let end = start;
          while (end < batch.length && batch[end]!.slot === slot) end++;
          const record = frameRecord(this.databaseId, batch[start]!.seq, batch.slice(start, end).map((p) => p.json));
          const handle = this.handles[slot];
          await handle.append(record);
          this.sizes[slot] += record.byteLength;
          await handle.sync();
          this.counters.records++;
          this.counters.syncs++;
          this.counters.transactions += end - start;
          this.durable = batch[end - 1]!.seq;
          this.release();
          start = end;
        }
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.flushing = false;
    }
  }

  private release(): void {
    const ready = this.waiters.filter((w) => w.seq <= this.durable);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.seq > this.durable);
    for (const waiter of ready) waiter.resolve();
  }

  private fail(cause: unknown): void {
    if (this.failure) return;
    const failure = new DatabaseDurabilityError(cause);
    this.failure = failure;
    this.pending = [];
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(failure);
    for (const listener of this.failureListeners) listener(failure);
  }
}
