/**
 * The write-ahead journal's on-disk format (see SqlJsDatabase). A journal file is a sequence of
 * records, each one group commit (one append + one fsync):
 *
 *   `#<byte length of body> <CRC-32 of body, 8 hex digits>\n<body>\n`
 *
 * where the body is UTF-8 JSON `{"from": <seq of the first transaction>, "tx": [<transaction>, …]}`,
 * a transaction is `[[sql, [param, …]], …]` (the statements it ran, in order, with their bound
 * parameters) and a parameter is a JSON number, string or null, `{"b": base64}` for a blob, or
 * `{"n": "NaN" | "Infinity" | "-Infinity"}`. JSON never contains a raw newline, so a record always
 * starts at the beginning of a line.
 *
 * Reading a file: records are taken in order until one does not verify. If a complete, valid
 * record follows the bad one anywhere in the file, acknowledged data is damaged: that is reported
 * as `JournalCorruptError`, never skipped. Otherwise the bad bytes are a torn tail — an append cut
 * short by a crash before its fsync returned, so nothing in it was acknowledged — and are ignored.
 * (A checksum failure in the last record is therefore treated as torn: after a power cut a filesystem
 * may persist a record's later pages before its earlier ones, which looks exactly like bit rot. A
 * group commit is one record, so the torn unit never spans records that were acknowledged.)
 */
import { crc32 } from 'node:zlib';
import type { SqlValue } from 'sql.js';

export type EncodedParam = number | string | null | { readonly b: string } | { readonly n: 'NaN' | 'Infinity' | '-Infinity' };
export type EncodedStatement = readonly [sql: string, params: readonly EncodedParam[]];
export type EncodedTransaction = readonly EncodedStatement[];

export interface JournalRecord {
  /** Byte offset of the record in its file. */
  readonly offset: number;
  /** Sequence number of `transactions[0]`; the others follow consecutively. */
  readonly from: number;
  readonly transactions: readonly EncodedTransaction[];
}

export interface ParsedJournal {
  readonly records: readonly JournalRecord[];
  /** Bytes after the last valid record that form no valid record (a torn append), or null. */
  readonly tornTail: { readonly offset: number; readonly bytes: number; readonly reason: string } | null;
}

export class JournalCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly reason: string,
  ) {
    super(`database journal ${file} is damaged at byte ${offset} (${reason}): acknowledged transactions may be lost; the files were left untouched for recovery`);
    this.name = 'JournalCorruptError';
  }
}

const HASH = 0x23; // '#'
const NEWLINE = 0x0a;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeParams(params: readonly SqlValue[]): EncodedParam[] {
  return params.map((value): EncodedParam => {
    if (value instanceof Uint8Array) return { b: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
    if (typeof value === 'number' && !Number.isFinite(value)) return { n: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' };
    return value;
  });
}

export function decodeParams(params: readonly EncodedParam[]): SqlValue[] {
  return params.map((value): SqlValue => {
    if (value === null || typeof value === 'number' || typeof value === 'string') return value;
    if ('b' in value) return new Uint8Array(Buffer.from(value.b, 'base64'));
    return Number(value.n);
  });
}

/** One transaction as JSON, serialised at commit so later changes to bound buffers cannot alter it. */
export function encodeTransaction(statements: readonly EncodedStatement[]): string {
  return JSON.stringify(statements);
}

/** Frames transactions `from`, `from + 1`, … (each already JSON from `encodeTransaction`) as one record. */
export function frameRecord(from: number, transactionsJson: readonly string[]): Uint8Array {
  const body = encoder.encode(`{"from":${from},"tx":[${transactionsJson.join(',')}]}`);
  const header = encoder.encode(`#${body.byteLength} ${crc32(body).toString(16).padStart(8, '0')}\n`);
  const record = new Uint8Array(header.byteLength + body.byteLength + 1);
  record.set(header, 0);
  record.set(body, header.byteLength);
  record[record.byteLength - 1] = NEWLINE;
  return record;
}

type Attempt = { ok: true; end: number; from: number; transactions: EncodedTransaction[] } | { ok: false; reason: string; verified: boolean };

/** Parses the record at `offset`. `verified` failures passed the checksum yet are malformed: never torn. */
function readRecord(bytes: Uint8Array, offset: number): Attempt {
  if (bytes[offset] !== HASH) return { ok: false, reason: 'no record header', verified: false };
  const headerEnd = bytes.indexOf(NEWLINE, offset);
  if (headerEnd < 0 || headerEnd - offset > 32) return { ok: false, reason: 'incomplete header', verified: false };
  const match = /^#(\d{1,10}) ([0-9a-f]{8})$/.exec(String.fromCharCode(...bytes.subarray(offset, headerEnd)));
  if (!match) return { ok: false, reason: 'malformed header', verified: false };
  const length = Number(match[1]);
  const bodyStart = headerEnd + 1;
  const end = bodyStart + length + 1;
  if (end > bytes.byteLength) return { ok: false, reason: 'incomplete record', verified: false };
  const body = bytes.subarray(bodyStart, bodyStart + length);
  if (crc32(body) !== Number.parseInt(match[2]!, 16)) return { ok: false, reason: 'checksum mismatch', verified: false };
  if (bytes[end - 1] !== NEWLINE) return { ok: false, reason: 'missing record terminator', verified: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(body));
  } catch {
    return { ok: false, reason: 'checksum verifies but the body is not JSON', verified: true };
  }
  if (!isRecordBody(parsed)) return { ok: false, reason: 'checksum verifies but the body has the wrong shape', verified: true };
  return { ok: true, end, from: parsed.from, transactions: parsed.tx };
}

function isRecordBody(value: unknown): value is { from: number; tx: EncodedTransaction[] } {
  if (typeof value !== 'object' || value === null) return false;
  const { from, tx } = value as { from?: unknown; tx?: unknown };
  return (
    typeof from === 'number' && Number.isSafeInteger(from) && from > 0 && Array.isArray(tx) && tx.length > 0 &&
    tx.every((t) => Array.isArray(t) && t.every((s) => Array.isArray(s) && s.length === 2 && typeof s[0] === 'string' && Array.isArray(s[1]) && (s[1] as unknown[]).every(isEncodedParam)))
  );
}

function isEncodedParam(value: unknown): value is EncodedParam {
  if (value === null || typeof value === 'number' || typeof value === 'string') return true;
  if (typeof value !== 'object') return false;
  const v = value as { b?: unknown; n?: unknown };
  return typeof v.b === 'string' || v.n === 'NaN' || v.n === 'Infinity' || v.n === '-Infinity';
}

/** Reads one journal file; throws `JournalCorruptError` when damage is followed by valid data. */
export function parseJournal(file: string, bytes: Uint8Array): ParsedJournal {
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset < bytes.byteLength) {
    const attempt = readRecord(bytes, offset);
    if (attempt.ok) {
      records.push({ offset, from: attempt.from, transactions: attempt.transactions });
      offset = attempt.end;
      continue;
    }
    if (attempt.verified) throw new JournalCorruptError(file, offset, attempt.reason);
    // Is there a valid record anywhere after the bad bytes? Records start at line starts.
    for (let next = bytes.indexOf(NEWLINE, offset); next >= 0 && next + 1 < bytes.byteLength; next = bytes.indexOf(NEWLINE, next + 1)) {
      if (bytes[next + 1] === HASH && readRecord(bytes, next + 1).ok) {
        throw new JournalCorruptError(file, offset, `${attempt.reason}, and a valid record follows at byte ${next + 1}`);
      }
    }
    return { records, tornTail: { offset, bytes: bytes.byteLength - offset, reason: attempt.reason } };
  }
  return { records, tornTail: null };
}
