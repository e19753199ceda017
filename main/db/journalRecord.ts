/**
 * The write-ahead journal's on-disk format (see SqlJsDatabase). A journal file is a sequence of
 * records, each one group commit (one append + one fsync):
 *
 *   `#<byte length of body> <seq of its first transaction> <CRC-32 of body> <CRC-32 of the header text before it>\n<body>\n`
 *
 * (CRCs as 8 lower-case hex digits). The header checksum covers the length, so a damaged length can
 * never make a complete record look cut short; the sequence number in the header tells whether a
 * cut-short record can be the last append at all (see journalReplay.ts). The body is UTF-8 JSON
 * `{"db": <database identity>, "from": <seq of the first transaction>, "tx": [<transaction>, …]}`:
 * the identity ties every record to its own snapshot (a journal copied beside another database is
 * refused, not replayed); a transaction is `[[sql, [param, …]], …]` (the statements it ran, in
 * order, with their bound parameters) and a parameter is a JSON number, string or null,
 * `{"b": base64}` for a blob, or `{"n": "NaN" | "Infinity" | "-Infinity"}`. JSON never contains a raw
 * newline, so no header can hide inside a body. Records written before the header checksum
 * (`#<length> <crc>\n`, no identity) are still read, so an upgraded workstation replays its journal.
 *
 * Reading a file: records are taken in order until one does not verify. Then every later byte that
 * could start a record is tried (`#`, anywhere, not only after a newline): if a complete, valid
 * record follows, acknowledged data is damaged and `JournalCorruptError` is thrown — never skipped.
 * Otherwise the bad bytes run to the end of the file, and are told apart:
 * - a torn tail: a header cut short (fewer bytes than a header, no newline), or a valid header whose
 *   record is shorter than its length prefix — the one append whose fsync never returned, never
 *   acknowledged; it may be dropped (the replay also checks that it is the next transaction, so old
 *   bytes a lying truncate left behind are not taken for a torn append);
 * - a damaged tail: anything else (a complete record with a bad checksum, a damaged header, zeros
 *   where records were). It may hold acknowledged transactions — a lying fsync and a power cut, a
 *   disk that lost a block — so it is returned for the caller to quarantine and report, never
 *   silently dropped.
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
  /** The database the record belongs to; null for a record in the format before identities. */
  readonly databaseId: string | null;
}

export interface BadTail {
  readonly offset: number;
  readonly bytes: number;
  readonly reason: string;
}

/** A torn tail, with the first sequence number its header gives (null when the header itself is cut). */
export interface TornTail extends BadTail {
  readonly from: number | null;
}

export interface ParsedJournal {
  readonly records: readonly JournalRecord[];
  /** An append cut short by a crash before its fsync returned (never acknowledged), or null. */
  readonly tornTail: TornTail | null;
  /** Bad bytes at the end that are not a torn append: they may hold acknowledged transactions. */
  readonly damagedTail: (BadTail & { readonly content: Uint8Array }) | null;
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

/** A parameter that the journal cannot record faithfully (a boolean, an array, an object…). */
export class UnsupportedParamError extends TypeError {
  constructor(index: number, value: unknown) {
    super(`SQL parameter ${index + 1} is ${describeValue(value)}: bind only null, numbers, strings and Uint8Array (convert booleans to 0/1, serialise objects to JSON)`);
    this.name = 'UnsupportedParamError';
  }
}

const HASH = 0x23; // '#'
const NEWLINE = 0x0a;
/** Longest header: `#` + 10 digits + space + 10 digits + space + 8 hex + space + 8 hex + newline = 41 bytes; a little slack. */
export const MAX_HEADER_BYTES = 44;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return `an object (${value.constructor?.name ?? 'no prototype'})`;
  return `a ${typeof value}`;
}

/** Throws UnsupportedParamError unless every parameter is one the journal records exactly (checked before the statement runs). */
export function assertSupportedParams(params: readonly unknown[]): asserts params is readonly SqlValue[] {
  params.forEach((value, index) => {
    if (value === null || typeof value === 'number' || typeof value === 'string' || value instanceof Uint8Array) return;
    throw new UnsupportedParamError(index, value);
  });
}

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

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/** Frames transactions `from`, `from + 1`, … (each already JSON from `encodeTransaction`) of database `databaseId` as one record. */
export function frameRecord(databaseId: string, from: number, transactionsJson: readonly string[]): Uint8Array {
  const body = encoder.encode(`{"db":${JSON.stringify(databaseId)},"from":${from},"tx":[${transactionsJson.join(',')}]}`);
  const core = `#${body.byteLength} ${from} ${hex8(crc32(body))}`;
  const header = encoder.encode(`${core} ${hex8(crc32(core))}\n`);
  const record = new Uint8Array(header.byteLength + body.byteLength + 1);
  record.set(header, 0);
  record.set(body, header.byteLength);
  record[record.byteLength - 1] = NEWLINE;
  return record;
}

type Failure =
  | 'no record header'
  | 'incomplete header'
  | 'malformed header'
  | 'header checksum mismatch'
  | 'incomplete record'
  | 'checksum mismatch'
  | 'missing record terminator';

type Attempt =
  | { readonly ok: true; readonly end: number; readonly record: Omit<JournalRecord, 'offset'> }
  | { readonly ok: false; readonly reason: Failure; readonly from?: number }
  /** Passed the checksums yet is malformed: a bug or a forgery, never a torn write. */
  | { readonly ok: false; readonly reason: string; readonly verified: true };

const V2_HEADER = /^#(\d{1,10}) (\d{1,10}) ([0-9a-f]{8}) ([0-9a-f]{8})$/;
const V1_HEADER = /^#(\d{1,10}) ([0-9a-f]{8})$/;

/** Parses the record at `offset`. */
function readRecord(bytes: Uint8Array, offset: number): Attempt {
  if (bytes[offset] !== HASH) return { ok: false, reason: 'no record header' };
  const window = bytes.subarray(offset, Math.min(bytes.byteLength, offset + MAX_HEADER_BYTES));
  const newline = window.indexOf(NEWLINE);
  if (newline < 0) return { ok: false, reason: window.byteLength < MAX_HEADER_BYTES ? 'incomplete header' : 'malformed header' };
  const text = String.fromCharCode(...window.subarray(0, newline));
  const v2 = V2_HEADER.exec(text);
  const v1 = v2 ? null : V1_HEADER.exec(text);
  const match = v2 ?? v1;
  if (!match) return { ok: false, reason: 'malformed header' };
  if (v2 && crc32(text.slice(0, text.lastIndexOf(' '))) !== Number.parseInt(v2[4]!, 16)) return { ok: false, reason: 'header checksum mismatch' };
  const length = Number(match[1]);
  const headerFrom = v2 ? Number(v2[2]) : null;
  const bodyCrc = v2 ? v2[3]! : match[2]!;
  const bodyStart = offset + newline + 1;
  const end = bodyStart + length + 1;
  if (end > bytes.byteLength) return headerFrom === null ? { ok: false, reason: 'incomplete record' } : { ok: false, reason: 'incomplete record', from: headerFrom };
  const body = bytes.subarray(bodyStart, bodyStart + length);
  if (crc32(body) !== Number.parseInt(bodyCrc, 16)) return { ok: false, reason: 'checksum mismatch' };
  // With both checksums verified a wrong terminator byte carries no information; the old format has no header checksum, so there it still counts.
  if (!v2 && bytes[end - 1] !== NEWLINE) return { ok: false, reason: 'missing record terminator' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(body));
  } catch {
    return { ok: false, reason: 'checksum verifies but the body is not JSON', verified: true };
  }
  if (!isRecordBody(parsed, v2 !== null)) return { ok: false, reason: 'checksum verifies but the body has the wrong shape', verified: true };
  if (headerFrom !== null && parsed.from !== headerFrom) return { ok: false, reason: 'checksums verify but the header and body disagree on the sequence', verified: true };
  return { ok: true, end, record: { from: parsed.from, transactions: parsed.tx, databaseId: parsed.db ?? null } };
}

function isRecordBody(value: unknown, withIdentity: boolean): value is { db?: string; from: number; tx: EncodedTransaction[] } {
  if (typeof value !== 'object' || value === null) return false;
  const { db, from, tx } = value as { db?: unknown; from?: unknown; tx?: unknown };
  if (withIdentity ? typeof db !== 'string' || db.length === 0 : db !== undefined) return false;
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

/** A bad region running to the end of the file is torn only when it cannot be a complete record. */
function isTorn(reason: string, offset: number, length: number): boolean {
  if (reason === 'incomplete record') return true;
  // Fewer bytes than any header, no newline: a header (or the zeros of a size update) cut short.
  return length - offset < MAX_HEADER_BYTES && reason !== 'header checksum mismatch' && reason !== 'malformed header';
}

/** Reads one journal file; throws `JournalCorruptError` when damage is followed by valid data or a record is malformed. */
export function parseJournal(file: string, bytes: Uint8Array): ParsedJournal {
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset < bytes.byteLength) {
    const attempt = readRecord(bytes, offset);
    if (attempt.ok) {
      records.push({ offset, ...attempt.record });
      offset = attempt.end;
      continue;
    }
    if ('verified' in attempt) throw new JournalCorruptError(file, offset, attempt.reason);
    // Resync: a valid record anywhere after the bad bytes means acknowledged data was damaged.
    for (let next = bytes.indexOf(HASH, offset + 1); next >= 0; next = bytes.indexOf(HASH, next + 1)) {
      if (readRecord(bytes, next).ok) throw new JournalCorruptError(file, offset, `${attempt.reason}, and a valid record follows at byte ${next}`);
    }
    const tail = { offset, bytes: bytes.byteLength - offset, reason: attempt.reason };
    return isTorn(attempt.reason, offset, bytes.byteLength)
      ? { records, tornTail: { ...tail, from: attempt.from ?? null }, damagedTail: null }
      : { records, tornTail: null, damagedTail: { ...tail, content: bytes.slice(offset) } };
  }
  return { records, tornTail: null, damagedTail: null };
}
