/**
 * Hostile files through a real workstation (issue 16): pixel bombs and page bombs are refused from
 * their headers with their own messages; PDFs lose their active content (the reference backend,
 * which refuses a PDF that still carries any, registers the application) and are stored once
 * however many pages share an image; and a document larger than the backend accepts is refused
 * before the application is accepted, naming it.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendServer } from '../../backend/createBackendServer';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import type { WorkstationApi } from '../../core/contract/workstationApi';
import { HttpLicensingBackend } from '../../main/adapters/backend/HttpLicensingBackend';
import { loadCatalog } from '../../main/app';
import { listAuditRecords } from '../../main/audit/AuditLog';
import { pngBomb, tiffBomb } from '../../main/imaging/testSupport/hostileFixtures';
import { noiseJpeg, pdfWithActiveContent, pdfWithSharedImage } from '../support/hostilePdfs';
import { REPO_ROOT, demoSigning, realPdf, startTestWorkstation, toBase64 } from '../support/workstationHarness';
import { MIGRATIONS } from '../../main/db/migrations';
import { SqlJsDatabase } from '../../main/db/SqlJsDatabase';
import { SQL_WASM } from '../../main/db/testSupport/databaseFilesOnDisk';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function setup(documentLimits?: { maxDocumentBytes: number; maxDocumentPages: number }) {
  const catalog = await loadCatalog(path.join(REPO_ROOT, 'resources'));
  const server = await createBackendServer({
    port: 0,
    stateDir: null,
    serviceIds: new Set(catalog.services.map((s) => s.id)),
    ...(documentLimits ? { documentLimits } : {}),
  });
  closers.push(() => server.close());
  const workstation = await startTestWorkstation({ backend: new HttpLicensingBackend({ baseUrl: server.url, timeoutMs: 10_000 }), sendBudgetMs: 8_000 });
  closers.push(() => workstation.close());
  const { api } = workstation;
  expect((await api.session.login(DEMO_CREDENTIALS.operator)).ok).toBe(true);
  const card = await api.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany });
  if (!card.ok) throw new Error('lookup failed');
  // The casino duplicate's three documents: application, identity, fee receipt.
  const draft = await api.drafts.start({ serviceId: '002-a2-casino-2014', subtype: 'duplicate' });
  if (!draft.ok) throw new Error('draft refused');
  const parties = await api.drafts.setParties(draft.value.draftId, { applicantSnapshotId: card.value.snapshotId, representativeSnapshotId: null });
  if (!parties.ok) throw new Error('parties refused');
  return { api, workstation, draftId: draft.value.draftId, slots: parties.value.missingRequiredSlots };
}

const importInto = (api: WorkstationApi, draftId: string, slotId: string, fileName: string, bytes: Uint8Array) =>
  api.drafts.importFile(draftId, slotId, { fileName, contentBase64: toBase64(bytes) });

async function blobBytes(dataDir: string): Promise<number> {
  let total = 0;
  for (const shard of await readdir(path.join(dataDir, 'blobs'))) {
    for (const name of await readdir(path.join(dataDir, 'blobs', shard))) total += (await stat(path.join(dataDir, 'blobs', shard, name))).size;
  }
  return total;
}

describe('hostile imports', () => {
  it('refuses pixel bombs and page bombs from their headers, each with its own error, and keeps nothing of them', async () => {
    const { api, draftId, slots } = await setup();
    const slot = slots[0]!;
    expect(await importInto(api, draftId, slot, 'bomb.png', await pngBomb(50_000, 50_000))).toEqual({
      ok: false, error: { kind: 'too-many-pixels', page: 1, widthPx: 50_000, heightPx: 50_000, maxPixels: 40_000_000 },
    });
    expect(await importInto(api, draftId, slot, 'big.png', await pngBomb(16_000, 16_000))).toMatchObject({ ok: false, error: { kind: 'too-many-pixels', widthPx: 16_000 } });
    expect(await importInto(api, draftId, slot, 'fax.tif', await tiffBomb(200, 20_000, 20_000))).toMatchObject({ ok: false, error: { kind: 'too-many-pixels', page: 1 } });
    expect(await importInto(api, draftId, slot, 'archive.tif', await tiffBomb(501, 16, 16))).toEqual({ ok: false, error: { kind: 'too-many-pages', pages: 501, maxPages: 500 } });
    const view = await api.drafts.get(draftId);
    expect(view.ok && view.value.slots.flatMap((s) => s.pages)).toEqual([]);
  }, 60_000);

  it('strips active content from imported PDFs (the backend registers them), audits it, and stores a shared image once', async () => {
    const { api, workstation, draftId, slots } = await setup();
    const [application, identity, receipt] = slots as [string, string, string];
    expect((await importInto(api, draftId, application, 'application.pdf', await pdfWithActiveContent('open-action-javascript'))).ok).toBe(true);
    expect((await importInto(api, draftId, identity, 'identity.pdf', await pdfWithActiveContent('link-javascript'))).ok).toBe(true);
    // 300 pages drawing one 1.3 MB image: stored (and assembled) once, not 300 times.
    const image = await noiseJpeg(1200, 1200);
    const before = await blobBytes(workstation.dataDir);
    const imported = await importInto(api, draftId, receipt, 'receipts.pdf', await pdfWithSharedImage(300, image));
    expect(imported.ok && imported.value.slots.find((s) => s.slotId === receipt)?.pages).toHaveLength(300);
    expect((await blobBytes(workstation.dataDir)) - before).toBeLessThan(image.byteLength * 2);

    const submitted = await api.submissions.submitDraft(draftId, demoSigning());
    expect(submitted).toMatchObject({ ok: true, value: { state: 'registered' } });
    await workstation.close();
    closers.pop();
    const db = await SqlJsDatabase.open({ file: path.join(workstation.dataDir, 'workstation.sqlite'), wasmPath: SQL_WASM, migrations: MIGRATIONS });
    const imports = db.read((r) => listAuditRecords(r)).filter((record) => record.action === 'import').map((record) => JSON.parse(record.detail) as Record<string, unknown>);
    expect(imports.map((detail) => detail.activeContentRemoved)).toEqual(['javascript,open-action', 'javascript', undefined]);
    await db.close();
  }, 120_000);

  it('refuses an application whose document is larger than the backend accepts, naming the document, before accepting anything', async () => {
    // The backend publishes a small limit; the workstation learned it at sign-in.
    const { api, draftId, slots } = await setup({ maxDocumentBytes: 40_000, maxDocumentPages: 500 });
    for (const slot of slots.slice(1)) expect((await importInto(api, draftId, slot, `${slot}.pdf`, await realPdf(slot))).ok).toBe(true);
    expect((await importInto(api, draftId, slots[0]!, 'large.pdf', await pdfWithSharedImage(2, await noiseJpeg(400, 400)))).ok).toBe(true);
    const submitted = await api.submissions.submitDraft(draftId, demoSigning());
    expect(submitted).toMatchObject({ ok: false, error: { kind: 'document-too-large', slotId: slots[0], maxBytes: 40_000 } });
    expect(submitted.ok || (submitted.error.kind === 'document-too-large' && submitted.error.sizeBytes > 40_000)).toBe(true);
    // Nothing was accepted: no application, the draft is still open for the operator to fix.
    const list = await api.submissions.list();
    expect(list.ok && list.value).toEqual([]);
    expect((await api.drafts.get(draftId)).ok).toBe(true);
  }, 60_000);
});
