/**
 * The audit log's hash chain (DESIGN.md §7, issue #8 item 3), pure: how a record is hashed and how a
 * stored log is checked. Each record's hash is SHA-256 over a canonical encoding of its fields and
 * the previous record's hash; the first chains from GENESIS_HASH. The head (count + last hash) is
 * also anchored in the settings table, so removing the newest rows is detected as well as an edited,
 * removed or reordered one. Anyone holding the file can rewrite the whole chain and the anchor
 * consistently: the chain makes tampering evident, it does not make it impossible.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { err, ok, type Result } from '../../core/result';

export const GENESIS_HASH = '0'.repeat(64);

export const AUDIT_ACTIONS = ['login', 'logout', 'lookup', 'lookup-failed', 'scan', 'import', 'sign', 'submit', 'print', 'result-view', 'hand-over', 'settings-change', 'retention-purge', 'storage-damage'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Detail values are flat scalars: kinds, counts, ids of our own records — never an IIN, name or image. */
export type AuditDetail = Readonly<Record<string, string | number | boolean | null>>;

/** One stored record, as read back from the database (every read goes through `auditRecordSchema`). */
export const auditRecordSchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  operator_id: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  /** Canonical JSON of the detail, exactly as hashed. */
  detail: z.string(),
  prev_hash: z.string(),
  hash: z.string(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

/** The settings row that anchors the head: count and last hash after every append. */
export const AUDIT_HEAD_SETTING = 'audit.head';
export const auditHeadSchema = z.object({ count: z.number().int().nonnegative(), hash: z.string() }).strict();
export type AuditHead = z.infer<typeof auditHeadSchema>;

/** Keys sorted, so the same detail always encodes (and hashes) the same. */
export function canonicalDetail(detail: AuditDetail): string {
  const sorted = Object.keys(detail)
    .sort()
    .map((key) => [key, detail[key]] as const);
  return JSON.stringify(Object.fromEntries(sorted));
}

/** SHA-256 (hex) over a JSON array of the fields: unambiguous, since every field is a JSON string or number. */
export function hashAuditRecord(record: Omit<AuditRecord, 'hash'>): string {
  const encoded = JSON.stringify([record.seq, record.at, record.operator_id, record.action, record.subject, record.detail, record.prev_hash]);
  return createHash('sha256').update(encoded, 'utf8').digest('hex');
}

export type AuditBreakKind =
  /** A record's fields no longer hash to its stored hash: it was edited. */
  | 'edited'
  /** The seq does not follow the previous one: a record was removed or the rows were reordered. */
  | 'missing-or-reordered'
  /** The record does not chain from the previous record's hash: a record before it was removed or replaced. */
  | 'broken-link'
  /** The chain is intact but does not end where the anchored head says: the newest records were removed (or added behind the log's back). */
  | 'head-mismatch'
  /** A row or the anchor cannot be read as an audit record. */
  | 'malformed';

export interface AuditBreak {
  readonly kind: AuditBreakKind;
  /** The first record that fails the check; for `head-mismatch`, the seq the anchor says is last. */
  readonly seq: number;
}

export interface AuditSummary {
  readonly count: number;
  readonly head: string;
}

/**
 * Recomputes the chain over `rows` in stored order (by seq) and compares its end with the anchor.
 * No anchor and no rows is a valid empty log; rows without an anchor are a `head-mismatch`.
 */
export function verifyAuditChain(rows: readonly unknown[], anchor: string | null): Result<AuditSummary, AuditBreak> {
  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    const parsed = auditRecordSchema.safeParse(row);
    if (!parsed.success) return err({ kind: 'malformed', seq: expectedSeq });
    const record = parsed.data;
    if (record.seq !== expectedSeq) return err({ kind: 'missing-or-reordered', seq: expectedSeq });
    if (hashAuditRecord(record) !== record.hash) return err({ kind: 'edited', seq: record.seq });
    if (record.prev_hash !== previous) return err({ kind: 'broken-link', seq: record.seq });
    previous = record.hash;
    expectedSeq++;
  }
  const count = expectedSeq - 1;
  let head: AuditHead = { count: 0, hash: GENESIS_HASH };
  if (anchor !== null) {
    let json: unknown;
    try {
      json = JSON.parse(anchor);
    } catch {
      return err({ kind: 'malformed', seq: count });
    }
    const parsed = auditHeadSchema.safeParse(json);
    if (!parsed.success) return err({ kind: 'malformed', seq: count });
    head = parsed.data;
  }
  if (head.count !== count || head.hash !== previous) return err({ kind: 'head-mismatch', seq: head.count });
  return ok({ count, head: previous });
}

/** One line naming the break, for the CLI and logs (no record content). */
export function describeAuditBreak(broken: AuditBreak): string {
  switch (broken.kind) {
    case 'edited':
      return `record ${broken.seq} was edited (its hash does not match its contents)`;
    case 'missing-or-reordered':
      return `record ${broken.seq} is missing or out of order (deleted, or the records were reordered)`;
    case 'broken-link':
      return `record ${broken.seq} does not chain from the record before it (that record was replaced or deleted)`;
    case 'head-mismatch':
      return `the log does not end at record ${broken.seq} where its anchored head says (records at the end were deleted or added)`;
    case 'malformed':
      return `record ${broken.seq} or the anchored head is unreadable`;
  }
}
