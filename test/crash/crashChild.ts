/**
 * The workstation the crash harness kills (test/crash/crashHarness.ts). Bundled by esbuild to
 * out/crash/crashChild.mjs (two levels below the repository root, like every out/ bundle) with the
 * image worker beside it, and run as a plain Node process.
 *
 * `work` mode: opens the workstation on the given data directory against the harness's backend,
 * signs in as the demo operator and accepts applications in a loop (registry lookup, draft with a
 * one-page PDF in every required slot, submit signed with the demo key), leaving the outbox to send
 * in the background. `drain` mode: signs in and lets the outbox send until the harness, which watches
 * the database, sees it empty and sends SIGTERM; then it closes the workstation cleanly.
 *
 * Protocol on stdout, one line per event, each written with one synchronous write(2) (a line is
 * either fully out or not at all when SIGKILL arrives):
 *   OPENING                               modules loaded, about to open the workstation (database recovery, blob key)
 *   READY                                 signed in, about to start work
 *   SUBMIT <n>                            about to call submitDraft for the n-th application of this life
 *   ACK <applicationId> <localNumber> <state>  submitDraft resolved ok: acknowledged to the operator
 *   REFUSED <kind>                        submitDraft resolved with an error (nothing acknowledged)
 *   BLOB                                  a blob check or upload is starting (a send is under way)
 *   SEND                                  POST /v1/applications is starting (foreground or background send)
 *   REGISTERED                            …and answered with a registration; after --response-delay-ms
 *                                         (response latency) the outbox gets it and records it
 *   SEND-FAILED <reason>                  …or failed (e.g. `http 409`: the key is still in flight after a kill)
 *   CLOSED                                drain mode: SIGTERM received and the workstation closed cleanly
 * Unexpected errors go to stderr as `UNEXPECTED <name>: <message>`.
 */
import { readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import type { ApplicantQuery } from '../../core/contract/registry';
import type { SigningMethod } from '../../core/contract/signing';
import type { WorkstationApi } from '../../core/contract/workstationApi';
import type { Result } from '../../core/result';
import { HttpLicensingBackend } from '../../main/adapters/backend/HttpLicensingBackend';
import { FakeScanner } from '../../main/adapters/scanner/FakeScanner';
import { createWorkstation } from '../../main/app';
import { noKeyWrapping } from '../../main/config/blobKey';
import { resolveAppPaths } from '../../main/host/appPaths';
import type { LicensingBackend } from '../../main/ports/LicensingBackend';

/** The bundle sits in out/crash/, two levels below the repository root. */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The demo operator's key (resources/pki/demo-keys, test/support/workstationHarness.ts `demoSigning`). */
const DEMO_KEY = { file: 'operator.p12', password: 'Demo#2026' } as const;

interface ChildArgs {
  readonly mode: 'work' | 'drain';
  readonly dataDir: string;
  readonly backendUrl: string;
  readonly sendBudgetMs: number;
  readonly responseDelayMs: number;
}

/** What the child accepts, in turn: signed services, people and a company. */
const WORK: readonly { serviceId: string; query: ApplicantQuery }[] = [
  { serviceId: '002-a1-lottery-2014', query: { kind: 'individual', iin: FIXTURE_IDS.activeWoman } },
  { serviceId: '002-a2-casino-2014', query: { kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany } },
  { serviceId: '002-a1-lottery-2014', query: { kind: 'individual', iin: FIXTURE_IDS.activeMan } },
  { serviceId: '002-a2-casino-2014', query: { kind: 'individual', iin: FIXTURE_IDS.youngWoman } },
];

function parseArgs(argv: readonly string[]): ChildArgs {
  const named = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!key?.startsWith('--') || value === undefined) throw new Error(`bad argument list near ${key ?? '(end)'}`);
    named.set(key.slice(2), value);
  }
  const required = (key: string) => {
    const value = named.get(key);
    if (value === undefined) throw new Error(`--${key} is required`);
    return value;
  };
  const mode = required('mode');
  if (mode !== 'work' && mode !== 'drain') throw new Error(`--mode must be work or drain, not ${mode}`);
  return {
    mode,
    dataDir: required('data-dir'),
    backendUrl: required('backend-url'),
    sendBudgetMs: Number(named.get('send-budget-ms') ?? '50'),
    responseDelayMs: Number(named.get('response-delay-ms') ?? '0'),
  };
}

/** One whole line with one write(2): pipes write up to PIPE_BUF bytes atomically. */
function emit(line: string): void {
  const bytes = Buffer.from(`${line}\n`, 'utf8');
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(1, bytes, written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

function reportUnexpected(error: unknown): void {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  writeSync(2, `UNEXPECTED ${text.replaceAll('\n', ' ')}\n`);
}

/**
 * The HTTP backend the app would build from `backendUrl`, reporting the outbox's sends on stdout so
 * the harness can aim kills at them (a Proxy: every other member passes through unchanged).
 */
function observedBackend(inner: LicensingBackend, responseDelayMs: number): LicensingBackend {
  return new Proxy(inner, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<Result<unknown, unknown>>;
      if (property === 'hasBlob' || property === 'putBlob') {
        return (...args: unknown[]) => {
          emit('BLOB');
          return method.apply(target, args);
        };
      }
      if (property === 'submitApplication') {
        return async (...args: unknown[]) => {
          emit('SEND');
          const answer = await method.apply(target, args);
          emit(answer.ok ? 'REGISTERED' : `SEND-FAILED ${describeFailure(answer.error)}`);
          // The backend has registered it; the answer is still on its way (a slow network), so a
          // kill now finds it registered there and not here: the duplicate trap.
          if (answer.ok && responseDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, responseDelayMs));
          return answer;
        };
      }
      return method.bind(target);
    },
  });
}

function describeFailure(failure: unknown): string {
  const f = failure as { kind?: string; status?: number; code?: string };
  return f.kind === 'http' ? `http ${f.status} ${f.code}` : String(f.kind);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const paths = { ...resolveAppPaths(REPO_ROOT), imageWorkerUrl: new URL('./imageWorker.mjs', import.meta.url), snapshotWorkerUrl: new URL('./snapshotWorker.mjs', import.meta.url) };
  emit('OPENING');
  const workstation = await createWorkstation({
    config: {
      dataDir: args.dataDir,
      backendUrl: args.backendUrl,
      backendTimeoutMs: 5_000,
      webPort: 0,
      // The key file created on first start (atomically), as in the browser host.
      blobKeyBase64: null,
      saneConfigDir: null,
      watchedFolders: [],
      trustAnchorsDir: null,
      crlMaxAgeHours: 24,
      ncaLayerUrl: 'ws://127.0.0.1:9/',
      ncaLayerCaFile: null,
      ncaLayerTimestamp: false,
    },
    host: 'browser',
    version: paths.version,
    paths,
    keyWrapper: noKeyWrapping,
    // What the app builds from `backendUrl`, observed.
    backend: observedBackend(new HttpLicensingBackend({ baseUrl: args.backendUrl, timeoutMs: 5_000 }), args.responseDelayMs),
    // File import only: never scanimage.
    scanner: new FakeScanner(),
    agentSigner: null,
    // The reference backend runs on its own here, not embedded: its demo CA is trusted explicitly.
    trustDemoCa: true,
    sendBudgetMs: args.sendBudgetMs,
    onUnexpectedError: reportUnexpected,
  });
  const { api } = workstation;

  const login = await api.session.login(DEMO_CREDENTIALS.operator);
  if (!login.ok) throw new Error(`login failed: ${login.error.kind}`);

  if (args.mode === 'drain') {
    // The outbox sends in the background (its timers do not hold the process): stay up until the
    // harness, watching the database, sends SIGTERM.
    const keepAlive = setInterval(() => undefined, 60_000);
    process.once('SIGTERM', () => {
      clearInterval(keepAlive);
      workstation.close().then(
        () => {
          emit('CLOSED');
          process.exit(0);
        },
        (error: unknown) => {
          reportUnexpected(error);
          process.exit(1);
        },
      );
    });
    emit('READY');
    return;
  }

  emit('READY');
  const signing: SigningMethod = {
    kind: 'key-file',
    key: { kind: 'file', fileName: DEMO_KEY.file, path: null, bytesBase64: readFileSync(path.join(REPO_ROOT, 'resources', 'pki', 'demo-keys', DEMO_KEY.file)).toString('base64') },
    password: DEMO_KEY.password,
  };
  for (let n = 1; ; n++) {
    const work = WORK[(n + process.pid) % WORK.length]!;
    const card = await api.registry.lookupApplicant(work.query);
    if (!card.ok) throw new Error(`lookup failed: ${card.error.kind}`);
    const draftId = await completeDraft(api, work.serviceId, card.value.snapshotId);
    emit(`SUBMIT ${n}`);
    const submitted = await api.submissions.submitDraft(draftId, signing);
    if (submitted.ok) emit(`ACK ${submitted.value.applicationId} ${submitted.value.localNumber} ${submitted.value.state}`);
    else emit(`REFUSED ${submitted.error.kind}`);
  }
}

/**
 * A draft ready to submit: applicant set and a one-page PDF imported into every required slot (as
 * test/support/workstationHarness.ts `completeDraft`, without pulling that module's esbuild import
 * into every start of the child).
 */
async function completeDraft(api: WorkstationApi, serviceId: string, applicantSnapshotId: string): Promise<string> {
  const draft = await api.drafts.start({ serviceId, subtype: 'issue' });
  if (!draft.ok) throw new Error(`draft refused: ${draft.error.kind}`);
  const withParties = await api.drafts.setParties(draft.value.draftId, { applicantSnapshotId, representativeSnapshotId: null });
  if (!withParties.ok) throw new Error(`parties refused: ${withParties.error.kind}`);
  for (const slot of withParties.value.missingRequiredSlots) {
    const imported = await api.drafts.importFile(draft.value.draftId, slot, { fileName: `${slot}.pdf`, contentBase64: Buffer.from(await onePagePdf(`${slot} ${draft.value.draftId}`)).toString('base64') });
    if (!imported.ok) throw new Error(`import refused: ${imported.error.kind}`);
  }
  return draft.value.draftId;
}

/** A well-formed one-page A4 PDF with a line of text (what a real import looks like). */
async function onePagePdf(label: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595.28, 841.89]).drawText(label, { x: 72, y: 760, size: 14, font });
  return doc.save();
}

main().catch((error: unknown) => {
  reportUnexpected(error);
  process.exit(1);
});
