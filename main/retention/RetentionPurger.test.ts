import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAuditRecords, verifyAuditLog } from '../audit/AuditLog';
import { findApplication, findApplicationsByKey, findApplicationSummary, listApplications } from '../db/applications';
import { findDraft } from '../db/drafts';
import { MIGRATIONS } from '../db/migrations';
import { findRegistrySnapshot } from '../db/registrySnapshots';
import { findRepresentativeSnapshot } from '../db/representativeSnapshots';
import { SqlJsDatabase } from '../db/SqlJsDatabase';
import { BLOB_REFERENCES } from './purgeRecords';
import { RetentionPurger, type RetentionPurgerOptions } from './RetentionPurger';
import { retentionFixture } from './testSupport/retentionFixture';

/** Blob files were all written moments ago; the sweep sees them as if two hours had passed. */
const LATER: Partial<RetentionPurgerOptions> = { fileClock: () => Date.now() + 2 * 3_600_000 };

async function scenario() {
  const f = await retentionFixture();
  const sharedPage = randomBytes(4_000);
  const handedOver31 = await f.addApplication({ kind: 'handed-over', daysAgo: 31 }, { representative: true, sharedPage });
  const handedOver29 = await f.addApplication({ kind: 'handed-over', daysAgo: 29 }, { sharedPage });
  const waiting = await f.addApplication({ kind: 'waiting' });
  const refused = await f.addApplication({ kind: 'refused-uncollected' });
  const withdrawn40 = await f.addApplication({ kind: 'withdrawn', daysAgo: 40 });
  const abandoned = await f.addDraft('open', 31);
  const discarded = await f.addDraft('discarded', 40);
  const fresh = await f.addDraft('open', 1);
  const purger = new RetentionPurger(f.db, f.blobs, f.clock, f.audit, () => 30, LATER);
  return { ...f, sharedPage, handedOver31, handedOver29, waiting, refused, withdrawn40, abandoned, discarded, fresh, purger };
}

describe('RetentionPurger', () => {
  it('purges applications handed over or withdrawn 30 days ago and abandoned drafts, keeping the rest, their blobs and the audit chain intact', async () => {
    const s = await scenario();
    const purgedBlobs = [...s.handedOver31.ownBlobs, ...s.withdrawn40.ownBlobs, ...s.abandoned.blobs, ...s.discarded.blobs];

    const report = await s.purger.purgeDue();

    expect(report).toMatchObject({ applications: 2, drafts: 2, blobsDeleted: purgedBlobs.length });
    expect(report.bytesFreed).toBeGreaterThan(purgedBlobs.length * 100);
    for (const digest of purgedBlobs) expect(await s.blobs.has(digest)).toBe(false);
    // Kept: the shared page (the application handed over 29 days ago still uses it), and everything of the kept ones.
    expect(await s.blobs.get(await s.blobs.put(s.sharedPage))).toEqual({ ok: true, value: new Uint8Array(s.sharedPage) });
    for (const kept of [s.handedOver29, s.waiting, s.refused]) {
      for (const digest of kept.ownBlobs) expect((await s.blobs.get(digest)).ok).toBe(true);
      expect(s.db.read((r) => findApplication(r, kept.id))?.summary.purgedAt).toBeNull();
    }
    for (const digest of s.fresh.blobs) expect((await s.blobs.get(digest)).ok).toBe(true);
    expect(s.db.read((r) => findDraft(r, s.fresh.id))?.pages).toHaveLength(1);
    expect(s.db.read((r) => findDraft(r, s.abandoned.id))).toBeNull();
    expect(s.db.read((r) => findDraft(r, s.discarded.id))).toBeNull();

    // The purged application still lists, with its numbers, status and hand-over, but nobody's data.
    const listed = s.db.read((r) => listApplications(r)).find((a) => a.applicationId === s.handedOver31.id);
    expect(listed).toMatchObject({
      localNumber: s.handedOver31.localNumber,
      registrationNumber: s.handedOver31.registrationNumber,
      state: 'registered',
      purgedAt: s.clock.at.toISOString(),
      applicant: { kind: 'individual', iin: '', displayName: '' },
      representative: null,
      documents: [],
      handOver: { operatorName: 'ҚАСЫМОВА Әйгерім' },
      tracking: { status: 'ready-for-handover', resultAvailable: false, resultStored: false, nextCheckAt: null, decision: { outcome: 'issued', licenceNumber: expect.any(String) } },
    });
    expect(listed?.tracking?.history.map((e) => e.status)).toEqual(['registered', 'issued', 'ready-for-handover']);
    expect(s.db.read((r) => findApplicationSummary(r, s.withdrawn40.id))).toMatchObject({ state: 'withdrawn', purgedAt: expect.any(String), applicant: { iin: '' } });
    // Nothing can act on it any more (send, print, fetch the result back), and its IIN no longer finds it.
    expect(s.db.read((r) => findApplication(r, s.handedOver31.id))).toBeNull();
    expect(s.db.read((r) => findApplicationsByKey(r, s.handedOver31.registrationNumber!)).map((a) => a.purgedAt)).toEqual([expect.any(String)]);
    expect(s.db.read((r) => findApplicationsByKey(r, s.handedOver31.personal[0]!))).toEqual([]);
    expect(s.db.read((r) => findRegistrySnapshot(r, 'snap-001'))).toBeNull();
    expect(s.db.read((r) => findRepresentativeSnapshot(r, 'rep-001'))).toBeNull();
    // The kept application's lookup stays, though it is older than 30 days: it is still in use.
    expect(s.db.read((r) => findRegistrySnapshot(r, 'snap-002'))).not.toBeNull();

    expect(s.audit.verify()).toMatchObject({ ok: true });
    const records = s.db.read((r) => listAuditRecords(r));
    expect(records.at(-1)).toEqual({
      seq: records.length, operatorId: 'system', action: 'retention-purge', subject: null,
      detail: JSON.stringify({ applications: 2, drafts: 2, retentionDays: 30, snapshots: 5 }),
    });

    expect(await s.purger.purgeDue()).toEqual({ applications: 0, drafts: 0, blobsDeleted: 0, bytesFreed: 0 });
    expect(s.db.read((r) => listAuditRecords(r))).toHaveLength(records.length);
    expect(s.db.read((r) => verifyAuditLog(r))).toMatchObject({ ok: true });
  });

  it('leaves no IIN, name or power-of-attorney number of a purged applicant in the database file or its journal files', async () => {
    const s = await scenario();
    const gone = [...s.handedOver31.personal, ...s.withdrawn40.personal, ...s.abandoned.personal, ...s.discarded.personal];
    const bytesBefore = await s.databaseBytes();
    for (const text of gone) expect(bytesBefore.includes(Buffer.from(text)), text).toBe(true);

    await s.purger.purgeDue();

    const bytesAfter = await s.databaseBytes();
    for (const text of gone) expect(bytesAfter.includes(Buffer.from(text)), text).toBe(false);
    // The check can see them: the applicants still kept are there.
    for (const text of [...s.handedOver29.personal, ...s.refused.personal, ...s.waiting.personal, ...s.fresh.personal]) {
      expect(bytesAfter.includes(Buffer.from(text)), text).toBe(true);
    }
    // The refusal of the kept application keeps its reasons; the purged data survive no reopen either.
    await s.db.close();
    const reopened = await SqlJsDatabase.open({ file: s.file, wasmPath: createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'), migrations: MIGRATIONS });
    expect(reopened.read((r) => findApplicationSummary(r, s.handedOver31.id))?.purgedAt).not.toBeNull();
    expect(reopened.read((r) => findApplicationSummary(r, s.refused.id))?.tracking?.decision).toMatchObject({ outcome: 'refused' });
    await reopened.close();
  });

  it('after a crash between the commit and the blob deletion, the next pass sweeps the orphans', async () => {
    const s = await scenario();
    expect(await s.purger.purgeRecords()).toEqual({ applications: 2, drafts: 2, snapshots: 5 });
    // The process dies here: rows purged, blobs still on disk.
    for (const digest of s.handedOver31.ownBlobs) expect(await s.blobs.has(digest)).toBe(true);

    const restarted = new RetentionPurger(s.db, s.blobs, s.clock, s.audit, () => 30, LATER);
    const report = await restarted.purgeDue();
    expect(report).toMatchObject({ applications: 0, drafts: 0 });
    expect(report.blobsDeleted).toBe(s.handedOver31.ownBlobs.length + s.withdrawn40.ownBlobs.length + s.abandoned.blobs.length + s.discarded.blobs.length);
    for (const digest of [...s.handedOver31.ownBlobs, ...s.withdrawn40.ownBlobs]) expect(await s.blobs.has(digest)).toBe(false);
    for (const digest of s.handedOver29.ownBlobs) expect(await s.blobs.has(digest)).toBe(true);
  });

  it('sweeps only unreferenced blob files older than the grace period, and never a file that is not a blob', async () => {
    const s = await scenario();
    const orphan = await s.blobs.put(randomBytes(100));
    const stranger = path.join(s.blobRoot, 'README.txt');
    await writeFile(stranger, 'not a blob');
    const shard = s.waiting.ownBlobs[0]!.slice(0, 2);
    const temp = path.join(s.blobRoot, shard, `.${'0'.repeat(62)}.0123456789ab.tmp`);
    await writeFile(temp, 'half-written');

    // Just put: its reference may be on the way, so the default grace keeps it.
    const now = new RetentionPurger(s.db, s.blobs, s.clock, s.audit, () => 30);
    expect(await now.sweepOrphans()).toEqual({ blobsDeleted: 0, bytesFreed: 0 });
    expect(await s.blobs.has(orphan)).toBe(true);

    expect((await s.purger.sweepOrphans()).blobsDeleted).toBe(1);
    expect(await s.blobs.has(orphan)).toBe(false);
    expect(await readFile(stranger, 'utf8')).toBe('not a blob');
    expect(await readdir(path.join(s.blobRoot, shard))).toContain(path.basename(temp));
    // Drafts and applications not purged keep every blob they refer to.
    for (const digest of [...s.waiting.ownBlobs, ...s.refused.ownBlobs, ...s.fresh.blobs, ...s.handedOver31.ownBlobs]) expect(await s.blobs.has(digest)).toBe(true);
  });

  it('refuses a retention period outside the settings range instead of purging', async () => {
    const s = await scenario();
    for (const days of [0, -5, Number.NaN, 2.5]) {
      const purger = new RetentionPurger(s.db, s.blobs, s.clock, s.audit, () => days, LATER);
      await expect(purger.purgeDue()).rejects.toThrow(/outside the allowed range/);
    }
    expect(s.db.read((r) => findApplication(r, s.handedOver31.id))).not.toBeNull();
  });

  it('follows the setting at each pass: a longer period keeps what a shorter one purges', async () => {
    const s = await scenario();
    let days = 60;
    const purger = new RetentionPurger(s.db, s.blobs, s.clock, s.audit, () => days, LATER);
    expect(await purger.purgeDue()).toMatchObject({ applications: 0, drafts: 0 });
    days = 35;
    expect(await purger.purgeDue()).toMatchObject({ applications: 1, drafts: 1 });
    expect(s.db.read((r) => findApplicationSummary(r, s.withdrawn40.id))?.purgedAt).not.toBeNull();
    expect(s.db.read((r) => findApplicationSummary(r, s.handedOver31.id))?.purgedAt).toBeNull();
  });

  it('purges in bounded transactions and writes one audit record for each', async () => {
    const s = await scenario();
    const purger = new RetentionPurger(s.db, s.blobs, s.clock, s.audit, () => 30, { ...LATER, batchSize: 1 });
    expect(await purger.purgeDue()).toMatchObject({ applications: 2, drafts: 2 });
    const purges = s.db.read((r) => listAuditRecords(r)).filter((r) => r.action === 'retention-purge');
    expect(purges.map((r) => JSON.parse(r.detail) as { applications: number; drafts: number })).toMatchObject([
      { applications: 1, drafts: 0 }, { applications: 1, drafts: 0 }, { applications: 0, drafts: 1 }, { applications: 0, drafts: 1 },
    ]);
    expect(s.audit.verify()).toMatchObject({ ok: true });
  });

  it('knows every column that stores a blob digest (a new one must be added to the references, or the sweep would delete its blobs)', async () => {
    const s = await scenario();
    const tables = s.db.read((r) => r.all(`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((t) => String(t.name));
    const columns = tables.flatMap((table) =>
      s.db.read((r) => r.all(`SELECT name FROM pragma_table_info(?)`, [table])).map((c) => `${table}.${String(c.name)}`),
    );
    const digestColumns = columns.filter((c) => /sha256|blob/i.test(c.split('.')[1]!));
    expect(digestColumns.sort()).toEqual(BLOB_REFERENCES.filter((ref) => !ref.includes('→')).sort());
  });
});
