// What opening the database found, told to everyone who must know (issue 16): the operational log
// (each damaged stretch, the quarantine file, the local numbers that may be lost; a read-only
// start and why), the audit log (one `storage-damage` record per stretch), and the local-number
// counter (moved past every number the lost bytes may have held, so none is issued twice). The
// header and diagnostics read the same facts through `system.storage()`.
import path from 'node:path';
import type { AuditLog } from '../audit/AuditLog';
import { reserveLocalNumbersAfterDamage } from '../db/applications';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import type { Logger } from '../platform/log/Logger';
import type { Clock } from '../ports/Clock';
import { SYSTEM_OPERATOR_ID } from '../retention/RetentionPurger';

export interface StorageStartReport {
  readonly db: SqlJsDatabase;
  readonly audit: AuditLog;
  readonly log: Logger;
  readonly clock: Clock;
}

export async function reportStorageAtStart({ db, audit, log, clock }: StorageStartReport): Promise<void> {
  const recovery = db.recovery;
  const access = db.access;
  if (access.kind === 'read-only') log.error('storage.read-only', { reason: access.reason, detail: access.detail });
  if (recovery && recovery.tempFilesRemoved > 0) log.info('storage.temp-files-removed', { count: recovery.tempFilesRemoved });
  const damage = recovery?.damage ?? [];
  for (const found of damage) {
    log.error('storage.damage', {
      journalFile: path.basename(found.file),
      offset: found.offset,
      bytes: found.bytes,
      reason: found.reason,
      quarantineFile: found.quarantineFile === null ? null : path.basename(found.quarantineFile),
      firstTransaction: found.firstSeq,
      possiblyLostLocalNumbers: found.localNumbers.join(',') || null,
    });
  }
  if (damage.length === 0 || access.kind !== 'writable') return;
  const today = clock.now().toISOString().slice(0, 10);
  await db.write((w) => {
    const skipped = reserveLocalNumbersAfterDamage(w, today, damage);
    for (const found of damage) {
      audit.appendIn(w, {
        operatorId: SYSTEM_OPERATOR_ID,
        action: 'storage-damage',
        subject: null,
        detail: {
          journalFile: path.basename(found.file),
          offset: found.offset,
          bytes: found.bytes,
          reason: found.reason,
          quarantineFile: found.quarantineFile === null ? null : path.basename(found.quarantineFile),
          possiblyLostLocalNumbers: found.localNumbers.join(','),
          localNumbersSkippedToday: skipped,
        },
      });
    }
  });
}
