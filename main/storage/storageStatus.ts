// The database's health as the header and diagnostics show it (contract: core/contract/system.ts).
import path from 'node:path';
import type { StorageDamage, StorageStatus } from '../../core/contract/system';
import type { DamageFound, SqlJsDatabase } from '../db/SqlJsDatabase';

export function storageDamageView(found: DamageFound): StorageDamage {
  return {
    journalFile: path.basename(found.file),
    offset: found.offset,
    bytes: found.bytes,
    reason: found.reason,
    quarantineFile: found.quarantineFile === null ? null : path.basename(found.quarantineFile),
    possiblyLostLocalNumbers: found.localNumbers,
  };
}

/** What `system.storage()` answers: never reads the database (it may have failed). */
export function storageStatusOf(db: Pick<SqlJsDatabase, 'access' | 'recovery'>, openedAt: string): StorageStatus {
  const access = db.access;
  const state: StorageStatus['state'] = access.kind === 'writable' ? { kind: 'ok' } : access.kind === 'read-only' ? { kind: 'read-only', reason: access.reason } : { kind: 'failed' };
  return { state, damage: (db.recovery?.damage ?? []).map(storageDamageView), openedAt };
}
