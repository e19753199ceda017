import { createRequire } from 'node:module';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqlJsDatabase } from './SqlJsDatabase';
import { MIGRATIONS } from './migrations';
import { appendPage, closeDraft, deletePage, findDraft, insertDraft, listOpenDrafts, movePage, setPresentedOnPaper, type StoredPage } from './drafts';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
const NOW = '2026-11-23T05:00:00.000Z';

function page(id: string, slotId: string): Omit<StoredPage, 'position' | 'pdfPage'> {
  return { id, slotId, kind: 'image', mediaType: 'image/jpeg', sha256: id.padEnd(64, '0'), thumbnailSha256: null, widthPx: 1240, heightPx: 1754, dpi: 150, blank: false, source: 'scanner', createdAt: NOW };
}

async function withDraft() {
  const db = await SqlJsDatabase.open({ file: null, wasmPath, migrations: MIGRATIONS });
  await db.write((w) => insertDraft(w, { id: 'd1', operatorId: 'op', serviceId: '002-a2-casino-2014', subtype: 'issue', now: NOW }));
  return db;
}


describe('drafts repository', () => {
  it('appends pages in arrival order per slot and reorders, moves between slots and deletes densely', async () => {
    const db = await withDraft();
    await db.write((w) => ['a', 'b', 'c'].forEach((id) => appendPage(w, 'd1', page(id, 'application'))));
    await db.write((w) => appendPage(w, 'd1', page('x', 'identity')));
    expect(db.read((r) => findDraft(r, 'd1'))!.pages.map((p) => p.id)).toEqual(['a', 'b', 'c', 'x']);

    await db.write((w) => movePage(w, 'd1', 'c', 'application', 0, NOW));
    expect(db.read((r) => findDraft(r, 'd1'))?.pages.filter((p) => p.slotId === 'application').map((p) => [p.id, p.position])).toEqual([['c', 0], ['a', 1], ['b', 2]]);

    await db.write((w) => movePage(w, 'd1', 'a', 'identity', 99, NOW));
    const afterMove = db.read((r) => findDraft(r, 'd1'))!;
    expect(afterMove.pages.filter((p) => p.slotId === 'application').map((p) => [p.id, p.position])).toEqual([['c', 0], ['b', 1]]);
    expect(afterMove.pages.filter((p) => p.slotId === 'identity').map((p) => [p.id, p.position])).toEqual([['x', 0], ['a', 1]]);

    expect(await db.write((w) => deletePage(w, 'd1', 'c', NOW))).toBe(true);
    expect(await db.write((w) => deletePage(w, 'd1', 'c', NOW))).toBe(false);
    expect(db.read((r) => findDraft(r, 'd1'))!.pages.filter((p) => p.slotId === 'application').map((p) => [p.id, p.position])).toEqual([['b', 0]]);
  });

  it('records the presented-on-paper mark and lists only open drafts of the operator', async () => {
    const db = await withDraft();
    await db.write((w) => setPresentedOnPaper(w, 'd1', 'identity', true, NOW));
    expect(db.read((r) => findDraft(r, 'd1'))?.presented).toEqual({ identity: true });
    expect(db.read((r) => listOpenDrafts(r, 'op')).map((d) => d.id)).toEqual(['d1']);
    expect(db.read((r) => listOpenDrafts(r, 'someone-else'))).toEqual([]);
    await db.write((w) => closeDraft(w, 'd1', 'discarded', null, NOW));
    expect(db.read((r) => listOpenDrafts(r, 'op'))).toEqual([]);
    expect(db.read((r) => findDraft(r, 'missing'))).toBeNull();
  });
});

describe('migration 0003 (drafts)', () => {
  it('upgrades a populated version-2 database and keeps its applications', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-mig3-')), 'workstation.sqlite');
    const v2 = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    await v2.write((w) => {
      w.run(`INSERT INTO registry_snapshots VALUES ('s', 'op', 'a', '${NOW}', '{}', '${NOW}')`);
      w.run(`INSERT INTO settings(key, value) VALUES ('ui.language', 'ru')`);
    });
    await v2.close();
    const v3 = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    expect(v3.schemaVersion).toBe(MIGRATIONS.length);
    expect(v3.read((r) => r.get(`SELECT value FROM settings WHERE key = 'ui.language'`))).toEqual({ value: 'ru' });
    await v3.write((w) => insertDraft(w, { id: 'd', operatorId: 'op', serviceId: 's', subtype: 'duplicate', now: NOW }));
    await v3.write((w) => w.run(`UPDATE drafts SET applicant_snapshot_id = 's' WHERE id = 'd'`));
    expect(v3.read((r) => findDraft(r, 'd'))).toMatchObject({ applicantSnapshotId: 's', state: 'open', pages: [] });
  });
});
