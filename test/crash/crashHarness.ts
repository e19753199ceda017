/**
 * Crash harness (issue 6 item 5): a child workstation process (test/crash/crashChild.ts) accepts and
 * sends applications continuously against the reference backend, which runs here in the harness's
 * process with its state on disk, while the harness kills the child with SIGKILL at random moments
 * and restarts it on the same data directory. A last "drain" life only signs in and waits for the
 * outbox to empty. Then it checks:
 *   (a) the workstation's database opens (SqlJsDatabase + MIGRATIONS) and passes integrity_check;
 *   (b) every application acknowledged to the operator (an ACK line) is in it — also after every kill;
 *   (c) the backend holds no two registrations for one idempotency key or one local number;
 *   (d) after the drain every application in the database, acknowledged or not, is registered, under
 *       its own idempotency key and local number, and the backend holds nothing the workstation did
 *       not store.
 *
 * Kill moments vary widely on purpose (see `choosePlan`): during start-up (opening and migrating the
 * database, creating the blob key, signing in), shortly after a SUBMIT line (assembling, signing, the
 * acceptance transaction and its save, the first send attempt), shortly after an ACK (the background
 * send: blob uploads, the submit, recording the registration), and at longer random delays. After each
 * kill the harness records what the kill interrupted, as evidence that those windows were hit.
 */
import { backendServiceSets } from '../../core/catalog/backendServiceSets';
import { spawn } from 'node:child_process';
import { isBuiltin } from 'node:module';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { createBackendServer } from '../../backend/createBackendServer';
import { seededRandom } from '../../core/random/seededRandom';
import { loadCatalog } from '../../main/app';
import { SqlJsDatabase } from '../../main/db/SqlJsDatabase';
import { MIGRATIONS } from '../../main/db/migrations';
import { resolveAppPaths } from '../../main/host/appPaths';
import { REPO_ROOT } from '../support/workstationHarness';

export interface CrashHarnessOptions {
  /** SIGKILLs to deliver (each followed by a restart). */
  readonly kills: number;
  /** Time bound for the kill phase; the drain and the checks come on top. */
  readonly maxMinutes: number;
  /** Seed of the kill schedule (printed in the summary, so a failing schedule can be replayed). */
  readonly seed?: number;
  /** How long the drain life may wait for the outbox to empty. */
  readonly drainTimeoutMs?: number;
  /** Where the summary is written as JSON; null = nowhere. */
  readonly resultFile?: string | null;
  /** Progress lines (the CLI prints them). */
  readonly log?: (line: string) => void;
  /** Keep the temp folder with the workstation data and backend state even when every check passes. */
  readonly keepWorkDir?: boolean;
}

type Anchor = 'opening' | 'ready' | 'submit' | 'ack' | 'send' | 'registered';

/** When to kill: `delayMs` after the `nth` event of kind `anchor` in this life. */
export interface KillPlan {
  readonly label: 'startup' | 'after-ready' | 'mid-submit' | 'after-ack' | 'request-in-flight' | 'response-not-recorded' | 'long';
  readonly anchor: Anchor;
  readonly nth: number;
  readonly delayMs: number;
}

export interface Violation {
  readonly check: 'db-opens' | 'acked-in-db' | 'no-duplicates' | 'registered-after-drain' | 'backend-orphan' | 'child' | 'drain';
  readonly detail: string;
}

export interface CrashSummary {
  readonly ok: boolean;
  readonly seed: number;
  readonly killsRequested: number;
  readonly kills: number;
  /** Lives started: one per kill, plus the drain. */
  readonly lives: number;
  readonly acked: number;
  /** Acknowledged and registered with the backend at the end. */
  readonly ackedRegistered: number;
  /** Registrations the backend holds. */
  readonly registered: number;
  /** Applications in the workstation's database at the end (acknowledged or committed before a kill cut off the ACK). */
  readonly inDatabase: number;
  /** Acknowledged, but at the end neither in the database nor registered. Must be 0. */
  readonly lost: number;
  /** Acknowledged but missing from the database at the end or after some kill (even if registered). Must be 0. */
  readonly missingFromDatabase: number;
  /** Idempotency keys or local numbers registered more than once. Must be 0. */
  readonly duplicates: number;
  /** Applications in the database not registered after the drain. Must be 0. */
  readonly notRegisteredAfterDrain: number;
  readonly refusedSubmits: number;
  /** POST /v1/applications attempts by all lives, and the failed ones by reason (409 = key still in flight after a kill). */
  readonly sends: number;
  readonly sendFailures: Readonly<Record<string, number>>;
  readonly unexpectedErrors: number;
  readonly elapsedMs: number;
  /** Where the time went: the work lives (start-up to kill) and the checks after each kill. */
  readonly timeMs: { readonly lives: number; readonly inspections: number };
  readonly timeBoundReached: boolean;
  /** What the kills interrupted (evidence that the windows were hit). */
  readonly interrupted: {
    readonly byPlan: Readonly<Record<KillPlan['label'], number>>;
    /** Kills before the life printed any ACK. */
    readonly beforeFirstAck: number;
    /** Kills after SUBMIT whose ACK never came out. */
    readonly midSubmit: number;
    /** …of which the acceptance had already committed (the application was in the database). */
    readonly committedNotAcked: number;
    /** Kills that left a temp file of an atomic write behind (mid-save of the database, a blob or the key). */
    readonly midAtomicWrite: number;
    /** Kills after which opening the database replayed journal transactions (commits not yet in the snapshot). */
    readonly journalReplayed: number;
    /** Kills that cut a journal append short (a torn tail, ignored on open: never acknowledged). */
    readonly tornJournalAppend: number;
    /** Kills with applications still in the outbox. */
    readonly withPendingOutbox: number;
    /** Kills after the backend registered an application but before the workstation recorded it (the duplicate trap). */
    readonly registeredNotRecorded: number;
  };
  /** Drafts a kill left open (their pages are kept, to be offered back; the child starts a new one). */
  readonly openDrafts: number;
  /** Temp files of interrupted atomic writes still in the data directory after the drain closed it. */
  readonly leftoverTempFiles: number;
  /** The files that made up the database at the end (snapshot, and journal files where the database keeps them). */
  readonly databaseLayout: readonly string[];
  readonly violations: readonly Violation[];
  readonly workDir: string | null;
  readonly environment: { readonly node: string; readonly cpus: number; readonly platform: string };
}

interface AckRecord {
  readonly applicationId: string;
  readonly localNumber: string;
  readonly state: string;
  readonly life: number;
}

interface LifeOutcome {
  readonly acks: AckRecord[];
  readonly submits: number;
  readonly refused: number;
  readonly sends: number;
  readonly sendFailures: string[];
  readonly unexpected: string[];
  readonly exit: { code: number | null; signal: NodeJS.Signals | null };
  readonly killed: boolean;
  /** Drain life: the child closed the workstation cleanly after SIGTERM. */
  readonly closed: boolean;
  readonly stderrTail: string;
}

interface DbApplication {
  readonly id: string;
  readonly localNumber: string;
  readonly state: string;
  readonly idempotencyKey: string;
  readonly registrationNumber: string | null;
}

interface BackendRegistration {
  readonly registrationNumber: string;
  readonly idempotencyKey: string;
  readonly localNumber: string;
  readonly workstationId: string;
}

const CHILD_OUT_DIR = path.join(REPO_ROOT, 'out', 'crash');
/** Longest a life may wait for its kill anchor before it is killed anyway. */
const ANCHOR_TIMEOUT_MS = 30_000;

/**
 * The kill schedule. Squared uniforms favour very short delays, so kills often land inside the
 * acceptance transaction and its save (a few ms after SUBMIT + assembling + signing) and inside the
 * background send (just after an ACK).
 */
export function choosePlan(random: () => number): KillPlan {
  const r = random();
  const between = (lo: number, hi: number) => Math.round(lo + random() * (hi - lo));
  const short = (max: number) => Math.round(random() ** 2 * max);
  const nth = () => 1 + Math.floor(random() * 2);
  // Start-up: opening the database (journal replay, checkpoint) and migrating it, the blob key, signing in.
  if (r < 0.1) return { label: 'startup', anchor: 'opening', nth: 1, delayMs: short(600) };
  if (r < 0.25) return { label: 'after-ready', anchor: 'ready', nth: 1, delayMs: between(50, 600) };
  // Assembling, signing, the acceptance transaction and its save, the first send attempt.
  if (r < 0.45) return { label: 'mid-submit', anchor: 'submit', nth: nth(), delayMs: short(400) };
  // The background send and the next draft.
  if (r < 0.6) return { label: 'after-ack', anchor: 'ack', nth: nth(), delayMs: short(120) };
  // POST /v1/applications on its way or being processed: the backend may register for a dead client.
  if (r < 0.75) return { label: 'request-in-flight', anchor: 'send', nth: nth(), delayMs: short(15) };
  // Registered by the backend, the answer still on its way (the child's response delay) or being
  // recorded: the classic duplicate trap.
  if (r < 0.9) return { label: 'response-not-recorded', anchor: 'registered', nth: nth(), delayMs: short(30) };
  return { label: 'long', anchor: 'ready', nth: 1, delayMs: between(600, 3_000) };
}

/**
 * Packages bundled into the child instead of loaded from node_modules: pure JavaScript whose many
 * small CommonJS files take ~1.3 s to load at every start (of ~2 s), which is most of what 200
 * restarts cost. Everything else stays external, as in the app's own bundles.
 */
const INLINED_PACKAGES = new Set(['pdf-lib', '@pdf-lib/fontkit']);

/** esbuild plugin: project imports of packages are external unless listed; what a listed package imports is bundled with it. */
function inlineOnly(inlined: ReadonlySet<string>): Plugin {
  return {
    name: 'inline-only',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, (args) => {
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0]!;
        return inlined.has(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/** Bundles the child and the workers it starts by URL into out/crash/ (two levels deep, like every out/ bundle). */
export async function bundleCrashChild(): Promise<string> {
  const { outputFiles } = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: { crashChild: 'test/crash/crashChild.ts', imageWorker: 'main/imaging/imageWorker.ts', snapshotWorker: 'main/db/snapshotWorker.ts' },
    outdir: CHILD_OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    plugins: [inlineOnly(INLINED_PACKAGES)],
  });
  await mkdir(CHILD_OUT_DIR, { recursive: true });
  for (const file of outputFiles) {
    const current = existsSync(file.path) ? await readFile(file.path) : null;
    if (current && Buffer.compare(current, file.contents) === 0) continue;
    // Temp + rename: a harness running at the same time never starts a half-written bundle.
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
  return path.join(CHILD_OUT_DIR, 'crashChild.mjs');
}

export async function runCrashHarness(options: CrashHarnessOptions): Promise<CrashSummary> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? (Date.now() ^ (process.pid << 16)) >>> 0;
  const random = seededRandom(seed);
  const childScript = await bundleCrashChild();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'psc-crash-'));
  const dataDir = path.join(workDir, 'workstation');
  const stateDir = path.join(workDir, 'backend');
  const dbFile = path.join(dataDir, 'workstation.sqlite');
  const wasmPath = resolveAppPaths(REPO_ROOT).sqlWasm;

  const catalog = await loadCatalog(path.join(REPO_ROOT, 'resources'));
  const server = await createBackendServer({
    port: 0,
    stateDir,
    ...backendServiceSets(catalog),
  });

  const violations: Violation[] = [];
  const acked = new Map<string, AckRecord>();
  /** Acknowledged applications found missing after some kill (reported once each). */
  const missingSeen = new Set<string>();
  const seenInDb = new Set<string>();
  const byPlan: Record<KillPlan['label'], number> = { startup: 0, 'after-ready': 0, 'mid-submit': 0, 'after-ack': 0, 'request-in-flight': 0, 'response-not-recorded': 0, long: 0 };
  const interrupted = { beforeFirstAck: 0, midSubmit: 0, committedNotAcked: 0, midAtomicWrite: 0, journalReplayed: 0, tornJournalAppend: 0, withPendingOutbox: 0, registeredNotRecorded: 0 };
  let kills = 0;
  let lives = 0;
  let refusedSubmits = 0;
  let sends = 0;
  const sendFailures: Record<string, number> = {};
  const countSends = (life: LifeOutcome) => {
    sends += life.sends;
    for (const reason of life.sendFailures) sendFailures[reason] = (sendFailures[reason] ?? 0) + 1;
  };
  let unexpectedErrors = 0;
  let tempFilesSeen = 0;
  let inspectMs = 0;
  let lifeMs = 0;
  const deadline = started + options.maxMinutes * 60_000;
  let timeBoundReached = false;

  const childArgs = (mode: 'work' | 'drain', sendBudgetMs: number, responseDelayMs: number) => [
    '--mode', mode, '--data-dir', dataDir, '--backend-url', server.url, '--send-budget-ms', String(sendBudgetMs), '--response-delay-ms', String(responseDelayMs),
  ];

  try {
    while (kills < options.kills) {
      if (Date.now() > deadline) {
        timeBoundReached = true;
        break;
      }
      const plan = choosePlan(random);
      const sendBudgetMs = [0, 10, 50, 200][Math.floor(random() * 4)]!;
      // Response latency after the backend registered: long enough to aim at in the trap plan, else mostly none.
      const responseDelayMs = plan.label === 'response-not-recorded' ? 40 : [0, 0, 0, 15][Math.floor(random() * 4)]!;
      lives++;
      const lifeStarted = Date.now();
      const life = await runLife(childScript, childArgs('work', sendBudgetMs, responseDelayMs), plan, lives);
      lifeMs += Date.now() - lifeStarted;
      refusedSubmits += life.refused;
      countSends(life);
      unexpectedErrors += life.unexpected.length;
      for (const ack of life.acks) acked.set(ack.applicationId, ack);
      if (!life.killed) {
        violations.push({ check: 'child', detail: `life ${lives} ended by itself (exit ${life.exit.code ?? life.exit.signal}): ${life.stderrTail}` });
        continue;
      }
      kills++;
      byPlan[plan.label]++;
      if (life.acks.length === 0) interrupted.beforeFirstAck++;

      // What did this kill interrupt, and does everything acknowledged so far survive it?
      const inspectStarted = Date.now();
      const snapshot = await inspectDatabase(dbFile, wasmPath, workDir);
      if (!snapshot.ok) {
        violations.push({ check: 'db-opens', detail: `after kill ${kills} (${describePlan(plan)}): ${snapshot.error}` });
      } else {
        const inDb = new Map(snapshot.applications.map((a) => [a.id, a]));
        for (const ack of acked.values()) {
          if (!inDb.has(ack.applicationId) && !missingSeen.has(ack.applicationId)) {
            missingSeen.add(ack.applicationId);
            violations.push({ check: 'acked-in-db', detail: `after kill ${kills} (${describePlan(plan)}): acknowledged ${ack.applicationId} ${ack.localNumber} (life ${ack.life}) is not in the database` });
          }
        }
        const fresh = snapshot.applications.filter((a) => !seenInDb.has(a.id));
        for (const a of fresh) seenInDb.add(a.id);
        const ackedThisLife = new Set(life.acks.map((a) => a.applicationId));
        const committedNotAcked = fresh.filter((a) => !ackedThisLife.has(a.id)).length;
        if (life.submits > life.acks.length + life.refused) {
          interrupted.midSubmit++;
          if (committedNotAcked > 0) interrupted.committedNotAcked++;
        }
        if (snapshot.outboxSize > 0) interrupted.withPendingOutbox++;
        if (snapshot.recovery && snapshot.recovery.replayed > 0) interrupted.journalReplayed++;
        if (snapshot.recovery && snapshot.recovery.tornTails > 0) interrupted.tornJournalAppend++;
        const backendKeys = new Set((await readBackendRegistrations(stateDir)).map((r) => r.idempotencyKey));
        if (snapshot.applications.some((a) => a.state === 'accepted' && backendKeys.has(a.idempotencyKey))) interrupted.registeredNotRecorded++;
      }
      const tempFiles = await countTempFiles(dataDir);
      if (tempFiles > tempFilesSeen) interrupted.midAtomicWrite++;
      tempFilesSeen = tempFiles;
      inspectMs += Date.now() - inspectStarted;

      if (kills % 10 === 0 || kills === options.kills) {
        log(`kill ${kills}/${options.kills}: acked ${acked.size}, in database ${seenInDb.size}, ${Math.round((Date.now() - started) / 1000)} s`);
      }
    }

    // The drain: one more life that only signs in and lets the outbox empty.
    lives++;
    log('drain: waiting for the outbox to empty');
    const drainTimeoutMs = options.drainTimeoutMs ?? 120_000;
    let remaining: number | null = null;
    const drain = await runLife(childScript, childArgs('drain', 0, 0), null, lives, async (stop, alive) => {
      const until = Date.now() + drainTimeoutMs;
      while (alive()) {
        // A copy taken while the child writes may be mid-checkpoint: such a read only errs or shows more waiting, never less.
        const seen = await inspectDatabase(dbFile, wasmPath, workDir);
        if (seen.ok) remaining = seen.outboxSize;
        if (remaining === 0 || Date.now() > until) break;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      stop();
    });
    unexpectedErrors += drain.unexpected.length;
    countSends(drain);
    if (!drain.closed || drain.exit.code !== 0) {
      violations.push({ check: 'drain', detail: `drain life did not close cleanly (exit ${drain.exit.code ?? drain.exit.signal}): ${drain.stderrTail}` });
    }
    if (remaining !== 0) violations.push({ check: 'drain', detail: `${remaining ?? 'unknown'} application(s) still in the outbox after ${drainTimeoutMs} ms` });

    // (a) the database opens — the real file this time, as the next start would.
    let applications: DbApplication[] = [];
    let openDrafts = 0;
    const leftoverTempFiles = await countTempFiles(dataDir);
    const databaseLayout = (await readdir(dataDir)).filter((name) => name.startsWith(path.basename(dbFile)) && !name.endsWith('.tmp')).sort();
    try {
      const db = await SqlJsDatabase.open({ file: dbFile, wasmPath, migrations: MIGRATIONS });
      try {
        const integrity = db.read((r) => r.all('PRAGMA integrity_check'));
        if (integrity.length !== 1 || Object.values(integrity[0]!)[0] !== 'ok') {
          violations.push({ check: 'db-opens', detail: `integrity_check: ${JSON.stringify(integrity).slice(0, 300)}` });
        }
        applications = db.read((r) => readApplications(r.all.bind(r)));
        // The acceptance transaction closes the draft with the application: never one without the other.
        const orphans = db.read((r) => ({
          applicationsWithoutDraft: Number(r.get(`SELECT COUNT(*) AS n FROM applications WHERE id NOT IN (SELECT application_id FROM drafts WHERE state = 'submitted' AND application_id IS NOT NULL)`)?.n),
          submittedDraftsWithoutApplication: Number(r.get(`SELECT COUNT(*) AS n FROM drafts WHERE state = 'submitted' AND (application_id IS NULL OR application_id NOT IN (SELECT id FROM applications))`)?.n),
        }));
        if (orphans.applicationsWithoutDraft > 0 || orphans.submittedDraftsWithoutApplication > 0) {
          violations.push({ check: 'db-opens', detail: `acceptance not atomic: ${JSON.stringify(orphans)}` });
        }
        openDrafts = db.read((r) => Number(r.get(`SELECT COUNT(*) AS n FROM drafts WHERE state = 'open'`)?.n));
      } finally {
        await db.close();
      }
    } catch (error) {
      violations.push({ check: 'db-opens', detail: `final open: ${error instanceof Error ? error.message : String(error)}` });
    }

    const registrations = await readBackendRegistrations(stateDir);
    const inDb = new Map(applications.map((a) => [a.id, a]));
    const byKey = groupBy(registrations, (r) => r.idempotencyKey);
    const byLocalNumber = groupBy(registrations, (r) => `${r.workstationId} ${r.localNumber}`);

    // (b) every acknowledged application is in the database (checked after every kill too).
    let lost = 0;
    for (const ack of acked.values()) {
      if (inDb.has(ack.applicationId)) continue;
      missingSeen.add(ack.applicationId);
      const registered = registrations.some((r) => r.localNumber === ack.localNumber);
      if (!registered) lost++;
      violations.push({ check: 'acked-in-db', detail: `acknowledged ${ack.applicationId} ${ack.localNumber} (life ${ack.life}) is not in the final database${registered ? ' (the backend has its local number)' : ''}` });
    }

    // (c) no duplicate registrations.
    let duplicates = 0;
    for (const [key, group] of byKey) {
      if (group.length < 2) continue;
      duplicates++;
      violations.push({ check: 'no-duplicates', detail: `idempotency key ${key} registered ${group.length} times: ${group.map((r) => r.registrationNumber).join(', ')}` });
    }
    for (const [number, group] of byLocalNumber) {
      if (group.length < 2) continue;
      duplicates++;
      violations.push({ check: 'no-duplicates', detail: `local number ${number} registered ${group.length} times: ${group.map((r) => r.registrationNumber).join(', ')}` });
    }

    // (d) after the drain everything stored is registered, under its own key and number; nothing else is.
    let notRegisteredAfterDrain = 0;
    let ackedRegistered = 0;
    for (const app of applications) {
      const registration = byKey.get(app.idempotencyKey)?.[0];
      const problem =
        app.state !== 'registered'
          ? `state ${app.state}`
          : !registration
            ? 'registered locally but the backend has no registration with its key'
            : registration.localNumber !== app.localNumber || registration.registrationNumber !== app.registrationNumber
              ? `backend registration ${registration.registrationNumber} ${registration.localNumber} does not match ${app.registrationNumber} ${app.localNumber}`
              : null;
      if (problem) {
        notRegisteredAfterDrain++;
        violations.push({ check: 'registered-after-drain', detail: `${acked.has(app.id) ? 'acknowledged' : 'unacknowledged'} ${app.id} ${app.localNumber}: ${problem}` });
      } else if (acked.has(app.id)) {
        ackedRegistered++;
      }
      const ack = acked.get(app.id);
      if (ack && ack.localNumber !== app.localNumber) {
        violations.push({ check: 'acked-in-db', detail: `${app.id} was acknowledged as ${ack.localNumber} but is stored as ${app.localNumber}` });
      }
    }
    const storedKeys = new Set(applications.map((a) => a.idempotencyKey));
    for (const r of registrations) {
      if (!storedKeys.has(r.idempotencyKey)) violations.push({ check: 'backend-orphan', detail: `backend registration ${r.registrationNumber} ${r.localNumber} has no application in the database` });
    }

    const ok = violations.length === 0;
    const keep = !ok || options.keepWorkDir === true;
    const summary: CrashSummary = {
      ok,
      seed,
      killsRequested: options.kills,
      kills,
      lives,
      acked: acked.size,
      ackedRegistered,
      registered: registrations.length,
      inDatabase: applications.length,
      lost,
      missingFromDatabase: missingSeen.size,
      duplicates,
      notRegisteredAfterDrain,
      refusedSubmits,
      sends,
      sendFailures,
      unexpectedErrors,
      elapsedMs: Date.now() - started,
      timeMs: { lives: lifeMs, inspections: inspectMs },
      timeBoundReached,
      interrupted: { byPlan, ...interrupted },
      openDrafts,
      leftoverTempFiles,
      databaseLayout,
      violations,
      workDir: keep ? workDir : null,
      environment: { node: process.version, cpus: os.cpus().length, platform: `${process.platform}-${process.arch}` },
    };
    if (options.resultFile) {
      await mkdir(path.dirname(options.resultFile), { recursive: true });
      await writeFile(options.resultFile, `${JSON.stringify(summary, null, 2)}\n`);
    }
    if (!keep) await rm(workDir, { recursive: true, force: true });
    return summary;
  } finally {
    await server.close();
  }
}

function describePlan(plan: KillPlan): string {
  return `${plan.label}: ${plan.delayMs} ms after ${plan.anchor} #${plan.nth}`;
}

/** Runs one life of the child; with a plan, kills it by SIGKILL at the planned moment. */
/**
 * Runs one life of the child. With a plan, kills it by SIGKILL at the planned moment; without one
 * (the drain), calls `onReady` once it has signed in, with `stop` to end it by SIGTERM.
 */
function runLife(script: string, args: readonly string[], plan: KillPlan | null, life: number, onReady?: (stop: () => void, alive: () => boolean) => Promise<void>): Promise<LifeOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: AckRecord[] = [];
    const unexpected: string[] = [];
    const counts: Record<Anchor, number> = { opening: 0, ready: 0, submit: 0, ack: 0, send: 0, registered: 0 };
    const sendFailures: string[] = [];
    let submits = 0;
    let refused = 0;
    let closed = false;
    let stopTimer: NodeJS.Timeout | null = null;
    const stop = () => {
      if (exit) return;
      child.kill('SIGTERM');
      // A child that cannot close within a minute is stuck: end it (the drain check then fails).
      stopTimer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    };
    let killed = false;
    let killTimer: NodeJS.Timeout | null = null;
    let pending = '';
    let stderr = '';
    let exit: LifeOutcome['exit'] | null = null;
    let stdoutClosed = false;
    let stderrClosed = false;

    const kill = () => {
      if (killed || exit) return;
      killed = true;
      child.kill('SIGKILL');
    };
    const arm = (anchor: Anchor) => {
      if (!plan || killTimer || plan.anchor !== anchor || counts[anchor] < plan.nth) return;
      killTimer = setTimeout(kill, plan.delayMs);
    };
    // Never wait forever for an anchor (a child that stopped making progress is killed too).
    const guard = plan ? setTimeout(kill, ANCHOR_TIMEOUT_MS + plan.delayMs) : null;

    const onLine = (line: string) => {
      const [word = '', ...rest] = line.split(' ');
      switch (word) {
        case 'OPENING':
          counts.opening++;
          arm('opening');
          break;
        case 'READY':
          counts.ready++;
          arm('ready');
          if (onReady && counts.ready === 1) onReady(stop, () => exit === null).catch(reject);
          break;
        case 'SUBMIT':
          submits++;
          counts.submit++;
          arm('submit');
          break;
        case 'ACK': {
          const [applicationId, localNumber, state] = rest;
          if (applicationId && localNumber && state) acks.push({ applicationId, localNumber, state, life });
          counts.ack++;
          arm('ack');
          break;
        }
        case 'REFUSED':
          refused++;
          break;
        case 'SEND':
          counts.send++;
          arm('send');
          break;
        case 'REGISTERED':
          counts.registered++;
          arm('registered');
          break;
        case 'SEND-FAILED':
          sendFailures.push(rest.join(' '));
          break;
        case 'CLOSED':
          closed = true;
          break;
        default:
          break;
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        onLine(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4_000);
      for (const line of chunk.split('\n')) if (line.startsWith('UNEXPECTED ')) unexpected.push(line);
    });
    const finish = () => {
      if (!exit || !stdoutClosed || !stderrClosed) return;
      if (killTimer) clearTimeout(killTimer);
      if (guard) clearTimeout(guard);
      if (stopTimer) clearTimeout(stopTimer);
      // A partial last line cannot be an acknowledgment: ACK lines are written whole.
      resolve({ acks, submits, refused, sendFailures, sends: counts.send, unexpected, exit, killed, closed, stderrTail: stderr.trim().split('\n').slice(-5).join(' | ') });
    };
    child.stdout.on('close', () => {
      stdoutClosed = true;
      finish();
    });
    child.stderr.on('close', () => {
      stderrClosed = true;
      finish();
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      finish();
    });
    child.on('error', reject);
  });
}

type SnapshotResult =
  | { ok: true; applications: DbApplication[]; outboxSize: number; recovery: { replayed: number; tornTails: number } | null }
  | { ok: false; error: string };

/**
 * Opens a copy of the database as the next start would (SqlJsDatabase + MIGRATIONS: snapshot plus
 * whatever files beside it belong to it, e.g. a write-ahead journal, replayed on open). The copy
 * keeps the child's files untouched: opening may checkpoint or migrate.
 */
async function inspectDatabase(file: string, wasmPath: string, workDir: string): Promise<SnapshotResult> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  if (!existsSync(dir)) return { ok: true, applications: [], outboxSize: 0, recovery: null };
  const names = (await readdir(dir)).filter((name) => (name === base || name.startsWith(`${base}.`)) && !name.endsWith('.tmp'));
  if (!names.includes(base) && names.length === 0) return { ok: true, applications: [], outboxSize: 0, recovery: null };
  const copyDir = await mkdtemp(path.join(workDir, 'inspect-'));
  try {
    for (const name of names) await copyFile(path.join(dir, name), path.join(copyDir, name)).catch(ignoreMissing);
    const db = await SqlJsDatabase.open({ file: path.join(copyDir, base), wasmPath, migrations: MIGRATIONS });
    try {
      const integrity = db.read((r) => r.all('PRAGMA integrity_check'));
      if (integrity.length !== 1 || Object.values(integrity[0]!)[0] !== 'ok') return { ok: false, error: `integrity_check: ${JSON.stringify(integrity).slice(0, 300)}` };
      const applications = db.read((r) => readApplications(r.all.bind(r)));
      const outboxSize = db.read((r) => Number(r.get('SELECT COUNT(*) AS n FROM outbox')?.n ?? 0));
      return { ok: true, applications, outboxSize, recovery: recoveryOf(db) };
    } finally {
      await db.close();
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  } finally {
    await rm(copyDir, { recursive: true, force: true });
  }
}

/** What opening had to repair, where the database reports it (a journaled SqlJsDatabase does). */
function recoveryOf(db: SqlJsDatabase): { replayed: number; tornTails: number } | null {
  const report = (db as unknown as { recovery?: { replayedTransactions?: unknown; tornTails?: unknown } | null }).recovery;
  if (!report) return null;
  return {
    replayed: typeof report.replayedTransactions === 'number' ? report.replayedTransactions : 0,
    tornTails: Array.isArray(report.tornTails) ? report.tornTails.length : 0,
  };
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

function readApplications(all: (sql: string) => Record<string, unknown>[]): DbApplication[] {
  return all('SELECT id, local_number, state, idempotency_key, registration_number FROM applications').map((row) => ({
    id: String(row.id),
    localNumber: String(row.local_number),
    state: String(row.state),
    idempotencyKey: String(row.idempotency_key),
    registrationNumber: row.registration_number === null ? null : String(row.registration_number),
  }));
}

/** The backend's registrations as its state file holds them (written atomically, so always whole). */
async function readBackendRegistrations(stateDir: string): Promise<BackendRegistration[]> {
  const file = path.join(stateDir, 'state.json');
  if (!existsSync(file)) return [];
  const state = JSON.parse(await readFile(file, 'utf8')) as {
    registrations: { applicationId: string; registrationNumber: string; submission: { idempotencyKey?: string; localNumber: string; workstationId: string } }[];
    idempotency: { key: string; applicationId: string }[];
  };
  // The key signed into the body; bodies without one fall back to the backend's idempotency records.
  const keyOf = new Map(state.idempotency.map((r) => [r.applicationId, r.key]));
  return state.registrations.map((r) => ({
    registrationNumber: r.registrationNumber,
    idempotencyKey: r.submission.idempotencyKey ?? keyOf.get(r.applicationId) ?? `(no key: ${r.applicationId})`,
    localNumber: r.submission.localNumber,
    workstationId: r.submission.workstationId,
  }));
}

/** Temp files of interrupted atomic writes (`.<name>.<hex>.tmp`) anywhere under the data directory. */
async function countTempFiles(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((name) => name.endsWith('.tmp')).length;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
