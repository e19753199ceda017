import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkstationApi } from '../../core/contract/workstationApi';
import { FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import type { SigningMethod } from '../../core/contract/signing';
import { createWorkstation, type Workstation, type WorkstationOptions } from '../../main/app';
import { noKeyWrapping } from '../../main/config/blobKey';
import { resolveAppPaths } from '../../main/host/appPaths';
import { SaneScanner } from '../../main/adapters/scanner/SaneScanner';
import { bundleImageWorker } from '../../main/imaging/testSupport/bundleImageWorker';

/** The checkpoint worker's source entry (the app's build bundles the same file to out/db/snapshotWorker.mjs). */
export const SNAPSHOT_WORKER_ENTRY = fileURLToPath(new URL('../../main/db/snapshotWorker.ts', import.meta.url));

/** The image and checkpoint workers, bundled once per test file (tests run from source, the app from out/). */
let workerUrl: Promise<URL> | null = null;
let snapshotWorkerUrl: Promise<URL> | null = null;

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A minimal valid PDF: enough for the type sniffer and the digest, not a real document. */
export function samplePdf(label: string): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** A well-formed PDF of `pages` A4 pages with a line of text each (what a real import looks like). */
export async function realPdf(label: string, pages = 1): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([595.28, 841.89]).drawText(`${label} ${i + 1}`, { x: 72, y: 760, size: 14, font });
  return doc.save();
}

export const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A real workstation (sql.js on disk, encrypted blobs, the embedded reference backend over HTTP) in a temp dir. */
export async function startTestWorkstation(overrides: Partial<WorkstationOptions> = {}, dataDir?: string): Promise<Workstation & { dataDir: string }> {
  const dir = dataDir ?? (await mkdtemp(path.join(tmpdir(), 'psc-ws-')));
  workerUrl ??= bundleImageWorker();
  snapshotWorkerUrl ??= bundleImageWorker(SNAPSHOT_WORKER_ENTRY);
  const paths = { ...resolveAppPaths(REPO_ROOT), imageWorkerUrl: await workerUrl, snapshotWorkerUrl: await snapshotWorkerUrl };
  const workstation = await createWorkstation({
    config: {
      dataDir: dir, backendUrl: null, backendTimeoutMs: 5_000, webPort: 0, blobKeyBase64: null, saneConfigDir: null, watchedFolders: [],
      trustAnchorsDir: null, crlMaxAgeHours: 24, ncaLayerUrl: 'ws://127.0.0.1:9/', ncaLayerCaFile: null, ncaLayerTimestamp: false,
    },
    host: 'browser',
    version: paths.version,
    paths,
    keyWrapper: noKeyWrapping,
    // SANE's `test` device with A4 geometry (test/sane.d), never the machine's own scanners.
    scanner: new SaneScanner({ saneConfigDir: path.join(REPO_ROOT, 'test', 'sane.d') }),
    onUnexpectedError: (error) => {
      throw error;
    },
    agentSigner: null,
    // A test may pass its own `backend` (the reference backend over HTTP, not embedded): the demo keys still sign.
    trustDemoCa: true,
    ...overrides,
  });
  return Object.assign(workstation, { dataDir: dir });
}

/** A folder with a stub index.html, for hosts under test that must serve a renderer. */
export async function stubRendererDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'psc-renderer-'));
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>stub</title>');
  return dir;
}

/**
 * A draft ready to submit: parties set and a one-page PDF imported into every required slot.
 * Returns the draft id for `submissions.submitDraft`.
 */
export async function completeDraft(
  api: WorkstationApi,
  request: { serviceId: string; subtype: 'issue' | 'reissue' | 'duplicate'; applicantSnapshotId: string; representativeSnapshotId: string | null },
): Promise<string> {
  const draft = await api.drafts.start({ serviceId: request.serviceId, subtype: request.subtype });
  if (!draft.ok) throw new Error(`draft refused: ${draft.error.kind}`);
  const withParties = await api.drafts.setParties(draft.value.draftId, {
    applicantSnapshotId: request.applicantSnapshotId,
    representativeSnapshotId: request.representativeSnapshotId,
  });
  if (!withParties.ok) throw new Error(`parties refused: ${withParties.error.kind}`);
  for (const slot of withParties.value.missingRequiredSlots) {
    const imported = await api.drafts.importFile(draft.value.draftId, slot, { fileName: `${slot}.pdf`, contentBase64: toBase64(await realPdf(`${slot} ${draft.value.draftId}`)) });
    if (!imported.ok) throw new Error(`import refused: ${imported.error.kind}`);
  }
  return draft.value.draftId;
}

/**
 * The usual application of the workstation suites: the fixture company's 2014 casino licence
 * (issue), looked up, completed and signed by the demo operator, who must be signed in.
 */
export async function submitCompanyApplication(api: WorkstationApi) {
  const card = await api.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany });
  if (!card.ok) throw new Error(`lookup refused: ${card.error.kind}`);
  const draftId = await completeDraft(api, { serviceId: '002-a2-casino-2014', subtype: 'issue', applicantSnapshotId: card.value.snapshotId, representativeSnapshotId: null });
  const submitted = await api.submissions.submitDraft(draftId, demoSigning());
  if (!submitted.ok) throw new Error(`submit refused: ${submitted.error.kind}`);
  return submitted.value;
}

/** The demo PKI's password (scripts/generateDemoPki.mjs, README). */
export const DEMO_KEY_PASSWORD = 'Demo#2026';

/** A key file of the committed demo PKI (resources/pki/demo-keys): `operator.p12` belongs to fixture login `operator`. */
export function demoKeyFile(name = 'operator.p12'): Uint8Array {
  return new Uint8Array(readFileSync(path.join(REPO_ROOT, 'resources', 'pki', 'demo-keys', name)));
}

/** How the demo operator signs: their key file, picked now, with its password. */
export function demoSigning(name = 'operator.p12', password = DEMO_KEY_PASSWORD): SigningMethod {
  return { kind: 'key-file', key: { kind: 'file', fileName: name, path: null, bytesBase64: toBase64(demoKeyFile(name)) }, password };
}
