// What opening the database tells about damage it found (and about a read-only start), in terms the
// workstation can show: which file, how many bytes were moved to which quarantine file, which
// transactions may be lost and — when the damaged bytes still show it — the local number of an
// accepted application that may be among them.
import path from 'node:path';
import { errorCode } from './durableFs';
import type { DamagedTail } from './journalReplay';

export interface DamageFound {
  /** The journal file (full path) and where in it the damage starts. */
  readonly file: string;
  readonly offset: number;
  readonly bytes: number;
  /** What did not verify, e.g. `checksum mismatch`. */
  readonly reason: string;
  /** Where the damaged bytes were moved (full path); null while read-only (they were left in place). */
  readonly quarantineFile: string | null;
  /** The first transaction the damage may hold (the one after the last replayed). */
  readonly firstSeq: number;
  /** Local numbers of accepted applications legible in the damaged bytes (they may be lost). */
  readonly localNumbers: readonly string[];
}

/** A local number as allocateLocalNumber writes it: workstation prefix, day, sequence. */
const LOCAL_NUMBER = /\b[0-9A-F]{6}-\d{8}-\d{4,}\b/g;

/** The local numbers legible anywhere in damaged journal bytes, in order of appearance, each once. */
export function legibleLocalNumbers(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return [...new Set(text.match(LOCAL_NUMBER) ?? [])];
}

/** `<database>.quarantine-<UTC time>-<journal suffix>-at-<offset>`: beside the database, never swept. */
export function quarantineFileName(tail: Pick<DamagedTail, 'file' | 'offset'>, databaseFile: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const journal = path.basename(tail.file).slice(path.basename(databaseFile).length + 1) || 'journal';
  return `${databaseFile}.quarantine-${stamp}-${journal}-at-${tail.offset}`;
}

export function describeDamage(tail: DamagedTail, quarantineFile: string | null, lastReplayedSeq: number): DamageFound {
  return {
    file: tail.file,
    offset: tail.offset,
    bytes: tail.bytes,
    reason: tail.reason,
    quarantineFile,
    firstSeq: lastReplayedSeq + 1,
    localNumbers: legibleLocalNumbers(tail.content),
  };
}

/** Why the database opened read-only: the disk refused the writes that opening must make. */
export type ReadOnlyReason = 'disk-full' | 'read-only-file-system' | 'no-permission' | 'io-error';

/** The storage errors that still allow a read-only start (anything else is a bug or damage, and stops the start). */
export function readOnlyReasonOf(error: unknown): ReadOnlyReason | null {
  const code: string = errorCode(error) ?? '';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk-full';
    case 'EROFS':
      return 'read-only-file-system';
    case 'EACCES':
    case 'EPERM':
      return 'no-permission';
    case 'EIO':
      return 'io-error';
    default:
      return null;
  }
}

/** Refused: the database opened read-only (see ReadOnlyReason); nothing can be changed until the cause is fixed and the workstation restarts. */
export class DatabaseReadOnlyError extends Error {
  constructor(readonly reason: ReadOnlyReason) {
    super(`the database is open read-only (${reason}): nothing can be saved until the cause is fixed and the workstation restarts`);
    this.name = 'DatabaseReadOnlyError';
  }
}
