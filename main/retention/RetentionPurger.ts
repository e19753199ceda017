// The retention purge (issue #8 item 4, DESIGN.md §7): personal data and scans leave this workstation
// a configured number of days after the applicant was done with it (core/retention/retentionRules.ts).
import { isValidRetentionDays } from '../../core/retention/retentionRules';
import type { AuditLog } from '../audit/AuditLog';
import type { EncryptedBlobStore } from '../blobs/EncryptedBlobStore';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import type { Clock } from '../ports/Clock';
import {
  blankUnusedSnapshots, deleteAbandonedDraft, listApplicationsDueForPurge, listDraftsDueForPurge, listReferencedBlobs, purgeApplication,
} from './purgeRecords';

export interface RetentionReport {
  /** Applications whose personal data were removed in this pass. */
  readonly applications: number;
  /** Abandoned drafts deleted in this pass. */
  readonly drafts: number;
  /** Blob files deleted: those the purged rows used, and orphans an earlier pass or a crash left. */
  readonly blobsDeleted: number;
  readonly bytesFreed: number;
}

/** What the database part of a pass changed (`purgeRecords`). */
export interface PurgedRecords {
  readonly applications: number;
  readonly drafts: number;
  /** Registry and representative lookups emptied. */
  readonly snapshots: number;
}

export interface RetentionPurgerOptions {
  /** Applications plus drafts purged per write transaction, so one transaction stays short. */
  readonly batchSize: number;
  /**
   * A blob written, or put again, less than this long ago is never deleted, referenced or not: a
   * caller puts a blob and records its digest in a later transaction, and the sweep must not fall
   * into that gap.
   */
  readonly blobGraceMs: number;
  /**
   * The file system's wall clock in ms, compared with blob modification times. Not the injected
   * business clock: file times are real even when a test (or a wrong system date) moves that one.
   */
  readonly fileClock: () => number;
}

export const DEFAULT_RETENTION_PURGER: RetentionPurgerOptions = { batchSize: 50, blobGraceMs: 3_600_000, fileClock: () => Date.now() };

/** The audit log's operator for what the workstation does on its own. */
export const SYSTEM_OPERATOR_ID = 'system';

/**
 * One pass (`purgeDue`): in write transactions of at most `batchSize` applications and drafts, each
 * due application is emptied of personal data and marked purged, each abandoned draft deleted, the
 * lookups no one uses any more emptied, and one audit record (counts only) appended with them.
 * Then the database is compacted (VACUUM + checkpoint: nothing deleted lingers in free pages or in
 * the journal files), and every blob file no remaining row refers to is deleted. Blob deletion comes
 * after the commit, so a crash in between leaves only orphans, which the next pass sweeps; a blob a
 * draft or a kept application refers to is never deleted, and neither is a file that is not a blob.
 *
 * SQLite keeps overwritten content in free space: the first transaction turns `secure_delete` on for
 * the connection (it stays on), and the compaction removes what was freed before that.
 */
export class RetentionPurger {
  private readonly options: RetentionPurgerOptions;
  private secureDelete = false;
  private running: Promise<RetentionReport> | null = null;

  constructor(
    private readonly db: SqlJsDatabase,
    private readonly blobs: EncryptedBlobStore,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    /** The supervisor's setting, read at every pass. */
    private readonly retentionDays: () => number,
    options: Partial<RetentionPurgerOptions> = {},
  ) {
    this.options = { ...DEFAULT_RETENTION_PURGER, ...options };
    if (!(this.options.batchSize >= 1)) throw new Error('retention batch size must be at least 1');
  }

  /** One pass; a call while one runs gets that pass's report. */
  purgeDue(): Promise<RetentionReport> {
    if (this.running) return this.running;
    const pass = this.pass().finally(() => {
      this.running = null;
    });
    this.running = pass;
    return pass;
  }

  /**
   * The database part of a pass alone, committed batch by batch; blobs are left on disk (the next
   * `sweepOrphans` deletes them). A retention period outside the settings' range throws: a damaged
   * setting must never purge everything.
   */
  async purgeRecords(): Promise<PurgedRecords> {
    const days = this.retentionDays();
    if (!isValidRetentionDays(days)) throw new Error(`retention period of ${String(days)} days is outside the allowed range`);
    const now = this.clock.now();
    const purgedAt = now.toISOString();
    // Durable: what is purged was handed over (or withdrawn) for good, not in a commit a power cut could undo.
    const { applications, drafts } = await this.db.readDurable((r) => ({ applications: listApplicationsDueForPurge(r, now, days), drafts: listDraftsDueForPurge(r, now, days) }));
    const total = { applications: 0, drafts: 0, snapshots: 0 };
    // At least one transaction: lookups that aged out are emptied even when nothing else is due.
    do {
      const applicationBatch = applications.splice(0, this.options.batchSize);
      const draftBatch = drafts.splice(0, this.options.batchSize - applicationBatch.length);
      const done = await this.db.write((w) => {
        if (!this.secureDelete) w.run('PRAGMA secure_delete = ON');
        const counts = {
          applications: applicationBatch.filter((id) => purgeApplication(w, id, purgedAt)).length,
          drafts: draftBatch.filter((id) => deleteAbandonedDraft(w, id)).length,
          snapshots: blankUnusedSnapshots(w, now, days),
        };
        if (counts.applications + counts.drafts + counts.snapshots > 0) {
          this.audit.appendIn(w, { operatorId: SYSTEM_OPERATOR_ID, action: 'retention-purge', subject: null, detail: { ...counts, retentionDays: days } });
        }
        return counts;
      });
      this.secureDelete = true;
      total.applications += done.applications;
      total.drafts += done.drafts;
      total.snapshots += done.snapshots;
    } while (applications.length > 0 || drafts.length > 0);
    return total;
  }

  /**
   * Deletes every blob file that no row refers to (listReferencedBlobs) and that was not written or
   * put again within the grace period. The files are listed before the references are read, so a
   * blob referenced in between counts as referenced. Read, await durable, act: the references are
   * those a power cut cannot take back — a removal of the last reference that is not yet durable
   * could still be undone, and its blob must then still be there.
   */
  async sweepOrphans(): Promise<Pick<RetentionReport, 'blobsDeleted' | 'bytesFreed'>> {
    const onDisk = await this.blobs.listDigests();
    const referenced = await this.db.readDurable((r) => listReferencedBlobs(r));
    const keepIfModifiedAfter = this.options.fileClock() - this.options.blobGraceMs;
    let blobsDeleted = 0;
    let bytesFreed = 0;
    for (const digest of onDisk) {
      if (referenced.has(digest)) continue;
      const removal = await this.blobs.remove(digest, { keepIfModifiedAfter });
      if (removal.kind === 'removed') {
        blobsDeleted += 1;
        bytesFreed += removal.bytes;
      }
    }
    return { blobsDeleted, bytesFreed };
  }

  private async pass(): Promise<RetentionReport> {
    const records = await this.purgeRecords();
    if (records.applications + records.drafts + records.snapshots > 0) await this.db.compact();
    const swept = await this.sweepOrphans();
    return { applications: records.applications, drafts: records.drafts, ...swept };
  }
}
