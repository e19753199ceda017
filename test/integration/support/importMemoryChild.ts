// Child process of importMemory.test.ts: a real workstation (embedded reference backend, sql.js on
// disk, the image workers) that imports files into a draft one after another (smallest expected
// footprint first) and reports, after each, the outcome and the process's peak RSS so far — the
// peak after the last one bounds every single import. Bundled with esbuild by the test
// (bundleImageWorker), which passes the worker bundles' URLs.
//   node importMemoryChild.mjs <repoRoot> <dataDir> <imageWorkerUrl> <snapshotWorkerUrl> <file>...
import { readFile } from 'node:fs/promises';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../../backend/fixtures/fixtureIds';
import { FakeScanner } from '../../../main/adapters/scanner/FakeScanner';
import { createWorkstation } from '../../../main/app';
import { noKeyWrapping } from '../../../main/config/blobKey';
import { resolveAppPaths } from '../../../main/host/appPaths';

const [repoRoot, dataDir, imageWorkerUrl, snapshotWorkerUrl, ...files] = process.argv.slice(2);
if (!repoRoot || !dataDir || !imageWorkerUrl || !snapshotWorkerUrl || files.length === 0) throw new Error('usage: importMemoryChild <repoRoot> <dataDir> <imageWorkerUrl> <snapshotWorkerUrl> <file>...');
const paths = { ...resolveAppPaths(repoRoot), imageWorkerUrl: new URL(imageWorkerUrl), snapshotWorkerUrl: new URL(snapshotWorkerUrl) };
const workstation = await createWorkstation({
  config: {
    dataDir, backendUrl: null, backendTimeoutMs: 5_000, webPort: 0, blobKeyBase64: null, saneConfigDir: null, watchedFolders: [],
    trustAnchorsDir: null, crlMaxAgeHours: 24, ncaLayerUrl: 'ws://127.0.0.1:9/', ncaLayerCaFile: null, ncaLayerTimestamp: false,
  },
  host: 'browser',
  version: paths.version,
  paths,
  keyWrapper: noKeyWrapping,
  scanner: new FakeScanner(),
  agentSigner: null,
  onUnexpectedError: (error) => {
    throw error;
  },
});
const { api } = workstation;
if (!(await api.session.login(DEMO_CREDENTIALS.operator)).ok) throw new Error('login failed');
const draft = await api.drafts.start({ serviceId: '002-a2-casino-2014', subtype: 'duplicate' });
if (!draft.ok) throw new Error('draft refused');
const card = await api.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany });
if (!card.ok) throw new Error('lookup failed');
const parties = await api.drafts.setParties(draft.value.draftId, { applicantSnapshotId: card.value.snapshotId, representativeSnapshotId: null });
if (!parties.ok) throw new Error('parties refused');
const slots = parties.value.missingRequiredSlots;
for (const [i, file] of files.entries()) {
  const bytes = await readFile(file);
  const beforeKb = process.resourceUsage().maxRSS;
  const started = performance.now();
  const slot = slots[i % slots.length]!;
  const result = await api.drafts.importFile(draft.value.draftId, slot, { fileName: 'file', contentBase64: bytes.toString('base64') });
  const ms = performance.now() - started;
  const pages = result.ok ? (result.value.slots.find((s) => s.slotId === slot)?.pages ?? []) : [];
  process.stdout.write(
    `${JSON.stringify({
      file: i,
      ok: result.ok,
      error: result.ok ? null : result.error,
      pages: pages.length,
      ms: Math.round(ms),
      peakBeforeMb: Math.round(beforeKb / 1024),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
  // The next file into this slot starts from an empty slot (the page cap counts the slot's pages).
  for (const page of pages) await api.drafts.deletePage(draft.value.draftId, page.pageId);
}
await workstation.close();
process.exit(0);
