/**
 * Step 5 of Diagram No. 2 end to end in main, with the real SANE `test` device, the real image
 * pipeline (worker threads, sharp), encrypted blobs on disk and the reference backend over HTTP:
 * scan into slots, survive a jam, reorder, import, assemble one PDF per slot and submit; and a
 * draft with its pages offered back after the process restarts.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendServer, type RunningBackend } from '../../backend/createBackendServer';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import type { ScanJobView } from '../../core/contract/scanning';
import type { WorkstationApi } from '../../core/contract/workstationApi';
import { HttpLicensingBackend } from '../../main/adapters/backend/HttpLicensingBackend';
import { SaneScanner } from '../../main/adapters/scanner/SaneScanner';
import { loadCatalog, type Workstation } from '../../main/app';
import { privateSaneConfig } from '../support/saneTestDevice';
import { demoSigning, REPO_ROOT, realPdf, samplePdf, startTestWorkstation, toBase64 } from '../support/workstationHarness';

let server: RunningBackend;
let backend: HttpLicensingBackend;
let sane: Awaited<ReturnType<typeof privateSaneConfig>>;

beforeAll(async () => {
  const catalog = await loadCatalog(path.join(REPO_ROOT, 'resources'));
  server = await createBackendServer({ port: 0, stateDir: null, serviceIds: new Set(catalog.services.map((s) => s.id)) });
  backend = new HttpLicensingBackend({ baseUrl: server.url, timeoutMs: 10_000 });
  sane = await privateSaneConfig();
});
afterAll(() => server.close());

async function openWorkstation(dataDir?: string): Promise<Workstation & { dataDir: string }> {
  return startTestWorkstation({ backend, scanner: new SaneScanner({ saneConfigDir: sane.dir }), random: () => 0 }, dataDir);
}

async function waitForJob(api: WorkstationApi, job: ScanJobView): Promise<ScanJobView> {
  for (let i = 0; i < 600; i++) {
    const now = await api.scanning.job(job.jobId);
    if (!now.ok) throw new Error(now.error.kind);
    if (now.value.state !== 'running') return now.value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('scan did not finish');
}

async function newDraft(api: WorkstationApi) {
  expect((await api.session.login(DEMO_CREDENTIALS.operator)).ok).toBe(true);
  const company = await api.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany });
  const draft = await api.drafts.start({ serviceId: '002-a2-casino-2014', subtype: 'duplicate' });
  if (!company.ok || !draft.ok) throw new Error('setup failed');
  expect((await api.drafts.setParties(draft.value.draftId, { applicantSnapshotId: company.value.snapshotId, representativeSnapshotId: null })).ok).toBe(true);
  return draft.value.draftId;
}

const ADF = { deviceId: 'test:0', source: 'adf', resolutionDpi: 75, mode: 'gray' } as const;

describe('drafts and scanning', { timeout: 60_000 }, () => {
  it('scans, keeps the pages of a jammed batch, reorders, imports and submits one PDF per slot', async () => {
    const workstation = await openWorkstation();
    const { api } = workstation;
    try {
      const draftId = await newDraft(api);
      expect((await api.scanning.listDevices()).ok && (await api.scanning.listDevices())).toMatchObject({ value: expect.arrayContaining([expect.objectContaining({ deviceId: 'test:0' })]) });

      const started = await api.scanning.start(draftId, 'application', { ...ADF, maxPages: 3 });
      if (!started.ok) throw new Error(started.error.kind);
      expect(await waitForJob(api, started.value)).toMatchObject({ state: 'completed', pagesDone: 3, failure: null });

      await sane.setReadStatus('SANE_STATUS_JAMMED');
      const jammed = await api.scanning.start(draftId, 'identity', { ...ADF, maxPages: 2 });
      if (!jammed.ok) throw new Error(jammed.error.kind);
      expect(await waitForJob(api, jammed.value)).toMatchObject({ state: 'failed', failure: 'paper-jam', pagesDone: 0 });
      await sane.setReadStatus('Default');

      let draft = await api.drafts.get(draftId);
      if (!draft.ok) throw new Error('draft lost');
      const application = draft.value.slots.find((s) => s.slotId === 'application')!;
      expect(application.pages).toHaveLength(3);
      expect(draft.value.missingRequiredSlots).toEqual(['identity', 'fee-receipt']);

      // Move the third scanned page into the identity slot and delete the second one.
      const [first, second, third] = application.pages;
      expect((await api.drafts.movePage(draftId, third!.pageId, 'identity', 0)).ok).toBe(true);
      expect((await api.drafts.deletePage(draftId, second!.pageId)).ok).toBe(true);
      expect((await api.drafts.rotatePage(draftId, first!.pageId, 90)).ok).toBe(true);
      const thumbnail = await api.drafts.pageThumbnail(draftId, first!.pageId);
      expect(thumbnail.ok && thumbnail.value).toMatch(/^data:image\/jpeg;base64,\/9j\//);

      expect(await api.submissions.submitDraft(draftId, demoSigning())).toEqual({ ok: false, error: { kind: 'missing-documents', slotIds: ['fee-receipt'] } });
      // A PDF without a page tree is refused as corrupt and nothing already in the draft is touched.
      expect(await api.drafts.importFile(draftId, 'fee-receipt', { fileName: 'broken.pdf', contentBase64: toBase64(samplePdf('no page tree')) })).toEqual({
        ok: false,
        error: { kind: 'corrupt-file' },
      });
      const imported = await api.drafts.importFile(draftId, 'fee-receipt', { fileName: 'түбіртек.pdf', contentBase64: toBase64(await realPdf('fee')) });
      expect(imported.ok && imported.value.missingRequiredSlots).toEqual([]);
      expect((await api.drafts.setPresentedOnPaper(draftId, 'fee-receipt', true)).ok).toBe(true);
      draft = await api.drafts.get(draftId);
      if (!draft.ok) throw new Error('draft lost');
      expect(draft.value.slots.find((s) => s.slotId === 'fee-receipt')?.presentedOnPaper).toBe(true);

      const submitted = await api.submissions.submitDraft(draftId, demoSigning());
      if (!submitted.ok) throw new Error(submitted.error.kind);
      expect(submitted.value.state).toBe('registered');
      expect(submitted.value.documents.map((d) => d.fileName)).toEqual(['Лицензия алуға өтініш.pdf', 'Жеке басын куәландыратын құжат.pdf', 'Лицензиялық алымның төленгенін растайтын құжат.pdf']);

      // The backend holds exactly the PDFs whose digests are in the registered payload.
      const session = await backend.createSession({ ...DEMO_CREDENTIALS.operator, workstationId: 'verifier' });
      if (!session.ok) throw new Error('login failed');
      for (const document of submitted.value.documents) {
        expect(await backend.hasBlob(session.value.token, document.sha256)).toEqual({ ok: true, value: true });
      }
      // The draft is closed with the application.
      expect(await api.drafts.get(draftId)).toEqual({ ok: false, error: { kind: 'draft-not-found' } });
      expect((await api.drafts.listOpen()).ok && (await api.drafts.listOpen())).toMatchObject({ value: [] });
    } finally {
      await workstation.close();
    }
  });

  it('assembles each slot into one PDF with its pages in order, and the backend holds exactly those bytes', async () => {
    const workstation = await openWorkstation();
    const { api } = workstation;
    try {
      const draftId = await newDraft(api);
      for (const slot of ['application', 'identity', 'fee-receipt']) {
        const file = await realPdf(`slot ${slot}`, slot === 'identity' ? 2 : 1);
        expect((await api.drafts.importFile(draftId, slot, { fileName: `${slot}.pdf`, contentBase64: toBase64(file) })).ok).toBe(true);
      }
      // Swap the two identity pages, so the assembled order is observable.
      const draft = await api.drafts.get(draftId);
      if (!draft.ok) throw new Error('draft lost');
      const identityPages = draft.value.slots.find((s) => s.slotId === 'identity')!.pages;
      expect(identityPages).toHaveLength(2);
      expect((await api.drafts.movePage(draftId, identityPages[1]!.pageId, 'identity', 0)).ok).toBe(true);

      const submitted = await api.submissions.submitDraft(draftId, demoSigning());
      if (!submitted.ok) throw new Error(submitted.error.kind);
      const identity = submitted.value.documents[1]!;
      const session = await backend.createSession({ ...DEMO_CREDENTIALS.operator, workstationId: 'verifier' });
      if (!session.ok) throw new Error('login failed');
      expect(await backend.hasBlob(session.value.token, identity.sha256)).toEqual({ ok: true, value: true });

      // The stored blob is the assembled PDF: decrypt it from this workstation's store and read it back.
      const { EncryptedBlobStore } = await import('../../main/blobs/EncryptedBlobStore');
      const { readFile } = await import('node:fs/promises');
      const key = new Uint8Array(await readFile(path.join(workstation.dataDir, 'blob.key')));
      const bytes = await new EncryptedBlobStore(path.join(workstation.dataDir, 'blobs'), key).get(identity.sha256);
      if (!bytes.ok) throw new Error('assembled PDF missing');
      expect(createHash('sha256').update(bytes.value).digest('hex')).toBe(identity.sha256);
      const pdf = await PDFDocument.load(bytes.value);
      expect(pdf.getPageCount()).toBe(2);
      expect(pdf.getTitle()).toBe('Жеке басын куәландыратын құжат');
      const { execFileSync } = await import('node:child_process');
      const { writeFile, mkdtemp } = await import('node:fs/promises');
      const file = path.join(await mkdtemp(path.join((await import('node:os')).tmpdir(), 'psc-order-')), 'identity.pdf');
      await writeFile(file, bytes.value);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text.indexOf('slot identity 2')).toBeGreaterThanOrEqual(0);
      expect(text.indexOf('slot identity 2')).toBeLessThan(text.indexOf('slot identity 1'));
    } finally {
      await workstation.close();
    }
  });

  it('offers an unfinished draft back, with every stored page, after the process restarts', async () => {
    const first = await openWorkstation();
    const draftId = await newDraft(first.api);
    const started = await first.api.scanning.start(draftId, 'application', { ...ADF, maxPages: 2 });
    if (!started.ok) throw new Error(started.error.kind);
    await waitForJob(first.api, started.value);
    // No logout, no discard: the process just goes away (the E2E suite does this with SIGKILL).
    await first.close();

    const second = await openWorkstation(first.dataDir);
    try {
      expect((await second.api.session.login(DEMO_CREDENTIALS.operator)).ok).toBe(true);
      const open = await second.api.drafts.listOpen();
      if (!open.ok) throw new Error('listOpen failed');
      expect(open.value).toHaveLength(1);
      expect(open.value[0]).toMatchObject({ draftId, applicantDisplayName: expect.stringMatching(/\S/) });
      expect(open.value[0]!.slots.find((s) => s.slotId === 'application')?.pages).toHaveLength(2);
      expect((await second.api.drafts.pageThumbnail(draftId, open.value[0]!.slots[0]!.pages[0]!.pageId)).ok).toBe(true);
    } finally {
      await second.close();
    }
  });
});
