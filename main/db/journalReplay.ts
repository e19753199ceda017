// Replaying the write-ahead journal onto a snapshot (SqlJsDatabase.open) and onto the checkpoint
// worker's replica (snapshotWorker.ts): the same code, so both reach the same state.
import type { Database } from 'sql.js';
import { decodeParams, JournalCorruptError, parseJournal, type BadTail, type EncodedTransaction, type TornTail } from './journalRecord';

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

/** Runs one journaled transaction (its statements with their bound parameters) atomically. */
export function applyTransaction(db: Database, seq: number, tx: EncodedTransaction): void {
  db.run('BEGIN IMMEDIATE');
  try {
    for (const [sql, params] of tx) db.run(sql, decodeParams(params));
    db.run('COMMIT');
  } catch (error) {
    db.run('ROLLBACK');
    throw new JournalReplayError(seq, error);
  }
}

export function readSnapshotSeq(db: Database): number {
  return Number(db.exec('PRAGMA application_id')[0]?.values[0]?.[0] ?? 0) >>> 0;
}

/** `application_id` is a signed 32-bit header field; it holds the sequence as unsigned. */
export function setSnapshotSeq(db: Database, seq: number): void {
  db.run(`PRAGMA application_id = ${seq | 0}`);
}

/** Bad bytes at the end of a journal file that may hold acknowledged transactions (see journalRecord.ts). */
export interface DamagedTail extends BadTail {
  readonly file: string;
  readonly content: Uint8Array;
}

export interface Replay {
  readonly base: number;
  readonly seq: number;
  readonly replayed: number;
  readonly stale: number;
  readonly tornTails: readonly (BadTail & { readonly file: string })[];
  readonly damagedTails: readonly DamagedTail[];
}

/**
 * Applies, in order, every journal transaction after the snapshot's (see SqlJsDatabase). Every
 * record that is applied must carry `databaseId` (null: the snapshot predates identities, and so do
 * its records). A gap in the sequence, a record of another database, or a valid record after damage
 * throws JournalCorruptError; damage that runs to the end of a file is returned, not thrown.
 */
export function replayJournals(db: Database, databaseId: string | null, names: readonly string[], journals: readonly (Uint8Array | null)[]): Replay {
  const base = readSnapshotSeq(db);
  const found = new Map<number, { readonly tx: EncodedTransaction; readonly file: string; readonly offset: number; readonly databaseId: string | null }>();
  const torn: (TornTail & { file: string; content: Uint8Array })[] = [];
  const damagedTails: DamagedTail[] = [];
  journals.forEach((bytes, i) => {
    if (!bytes || bytes.byteLength === 0) return;
    const file = names[i]!;
    const parsed = parseJournal(file, bytes);
    for (const record of parsed.records) {
      record.transactions.forEach((tx, k) => {
        const seq = record.from + k;
        if (found.has(seq)) throw new JournalCorruptError(file, record.offset, `transaction ${seq} appears twice`);
        found.set(seq, { tx, file, offset: record.offset, databaseId: record.databaseId });
      });
    }
    if (parsed.tornTail) torn.push({ file, ...parsed.tornTail, content: bytes.slice(parsed.tornTail.offset) });
    if (parsed.damagedTail) damagedTails.push({ file, ...parsed.damagedTail });
  });
  let seq = base;
  for (let next = found.get(seq + 1); next; next = found.get(seq + 1)) {
    if (next.databaseId !== databaseId) {
      throw new JournalCorruptError(next.file, next.offset, `the record belongs to ${next.databaseId === null ? 'a database without identity' : `database ${next.databaseId}`}, not to this snapshot's ${databaseId ?? '(no identity)'}`);
    }
    seq++;
    applyTransaction(db, seq, next.tx);
  }
  // A torn append is the last one made, after every acknowledged transaction: its header names the
  // next transaction. One that names an older one is stale bytes a truncate (a lying one) left in
  // place, hiding whatever was appended over them — damage, not a torn write.
  const tornTails: (BadTail & { file: string })[] = [];
  for (const { content, from, ...tail } of torn) {
    if (from === null || from === seq + 1) tornTails.push(tail);
    else damagedTails.push({ ...tail, reason: `${tail.reason} of transaction ${from}, not the next one (${seq + 1})`, content });
  }
  const stale = [...found.keys()].filter((s) => s <= base).length;
  const orphans = [...found.keys()].filter((s) => s > seq).sort((a, b) => a - b);
  if (orphans.length > 0) {
    // A transaction is acknowledged only after every earlier one is durable, so a gap cannot come from a crash.
    const first = found.get(orphans[0]!)!;
    throw new JournalCorruptError(first.file, first.offset, `transaction ${seq + 1} is missing but ${orphans[0]} follows`);
  }
  return { base, seq, replayed: seq - base, stale, tornTails, damagedTails };
}
