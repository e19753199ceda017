/**
 * The fake queue area: main's outbox over the fake journal (FakeMain.applications). Its sender does
 * nothing by itself; a test moves it on as the network and the backend would: `goOffline()` /
 * `goOnline()` flip the health check, `startSending(id)` marks an application in flight,
 * `register(id)` / `refuse(id, code)` are the backend's answers, `drain()` sends every waiting
 * application the way main's sender does when online and not paused. The backend keeps refusing an
 * application for the same reason on every retry, except that a signature refusal is cured by
 * re-signing with a good key (resign signs through the signing fake, so wrong passwords, expired
 * or revoked keys fail as at the counter).
 */
import type {
  ApplicationSummary,
  Connectivity,
  QueueActionError,
  QueueApi,
  QueueStatus,
  SigningMethod,
  SigningProblem,
  SigningRefusal,
  CertificateCardView,
  TlsFailureReason,
} from '../../core/contract';
import type { ApplicationSubtype, RegistryRecord } from '../../core/backendApi/wire';
import { err, ok, type Result } from '../../core/result';
import { isResignable } from '../../core/submission/resignable';
import { ACTIVE_PERSON, CASINO_2014 } from './fakeFixtures';
import { NOT_SIGNED_IN, type FakeMain } from './fakeMain';
import { acceptApplication } from './fakeSubmissions';


export interface FakeQueueOptions {
  /** The health check's state at start; online (since 09:00, last sync 09:05) by default. */
  readonly connectivity?: Connectivity['state'];
  readonly paused?: boolean;
}

/** An application that was accepted at this workstation earlier (for tests of the queue panel). */
export interface FakeEarlierApplication {
  readonly state: ApplicationSummary['state'];
  /** The backend's refusal for needs-attention; validation-failed by default. */
  readonly problemCode?: string;
  readonly record?: RegistryRecord;
  readonly serviceId?: string;
  readonly subtype?: ApplicationSubtype;
  /** 'HH:MM' on the fake's today, Kazakhstan time. */
  readonly acceptedAt?: string;
}

export interface FakeQueueController {
  /** The journal as main holds it, newest first. */
  readonly applications: readonly ApplicationSummary[];
  readonly isPaused: boolean;
  /** Adds an application accepted earlier, as if it had gone through submitDraft; returns it. */
  addApplication(earlier: FakeEarlierApplication): ApplicationSummary;
  /** A health check answered: online from now (or `since`), and that counts as a sync. */
  goOnline(since?: string): void;
  /** Health checks fail: offline since `since`, next check at `nextCheckAt` (30 s from now by default); `tlsProblem` when TLS refused the server. */
  goOffline(times?: { readonly since?: string; readonly nextCheckAt?: string; readonly tlsProblem?: TlsFailureReason }): void;
  /** As after a restart, before the first health check finishes. */
  forgetConnectivity(): void;
  /** The sender picked these waiting applications up; they stay in sendingIds until the backend answers. */
  startSending(...applicationIds: string[]): void;
  /** The backend registered it (whether or not it was marked as sending). */
  register(applicationId: string): ApplicationSummary;
  /** The backend refused it with `code` and will refuse it again on every retry (see the file comment). */
  refuse(applicationId: string, code: string): ApplicationSummary;
  /** Sends every waiting application, oldest first, when online and not paused; returns how many left the queue. */
  drain(): number;
}

export interface FakeQueue {
  readonly api: QueueApi;
  readonly controller: FakeQueueController;
}

type ResignError = QueueActionError | SigningRefusal | { readonly kind: 'not-signed-payload' };

const NOT_FOUND = { kind: 'not-found' } as const;
const NOT_PENDING = { kind: 'not-pending' } as const;
const HEALTH_CHECK_BACKOFF_MS = 30_000;

function registrationNumberOf(application: ApplicationSummary): string {
  const sequence = application.localNumber.slice(application.localNumber.lastIndexOf('-') + 1);
  return `KZ-LIC-2025-${sequence.slice(-5)}`;
}

export function createFakeQueue(
  main: FakeMain,
  sign: (method: SigningMethod) => Result<null, { readonly problem: SigningProblem; readonly card: CertificateCardView | null }>,
  options: FakeQueueOptions = {},
): FakeQueue {
  const at = (time: string) => `${main.today}T${time}+05:00`;
  const initialConnectivity = options.connectivity ?? 'online';
  let connectivity: Connectivity =
    initialConnectivity === 'online'
      ? { state: 'online', since: at('09:00:00') }
      : initialConnectivity === 'offline'
        ? { state: 'offline', since: at('09:00:00'), nextCheckAt: at('09:00:30') }
        : { state: 'unknown' };
  let lastSyncAt: string | null = initialConnectivity === 'online' ? at('09:05:00') : null;
  let paused = options.paused ?? false;
  const sending = new Set<string>();
  /** What the backend answers for an application: the problem code it refuses with. */
  const refusals = new Map<string, string>();
  /** Applications waiting since the queue was last empty (the progress bar's total). */
  const backlog = new Set<string>();

  const indexOf = (applicationId: string) => main.applications.findIndex((application) => application.applicationId === applicationId);

  function find(applicationId: string): ApplicationSummary | null {
    return main.applications[indexOf(applicationId)] ?? null;
  }

  function replace(next: ApplicationSummary): ApplicationSummary {
    main.applications[indexOf(next.applicationId)] = next;
    if (next.state !== 'accepted') sending.delete(next.applicationId);
    return next;
  }

  function mustFind(applicationId: string): ApplicationSummary {
    const application = find(applicationId);
    if (!application) throw new Error(`fake queue: no application ${applicationId}`);
    return application;
  }

  /** An application that came back from submitDraft refused keeps being refused for that reason. */
  function refusalOf(application: ApplicationSummary): string | null {
    if (!refusals.has(application.applicationId) && application.state === 'needs-attention' && application.problemCode !== null) {
      refusals.set(application.applicationId, application.problemCode);
    }
    return refusals.get(application.applicationId) ?? null;
  }

  function markSynced(): void {
    lastSyncAt = main.now();
  }

  /** One attempt of main's sender: the backend registers it or refuses it; offline, nothing happens. */
  function send(application: ApplicationSummary): ApplicationSummary {
    if (connectivity.state !== 'online') {
      sending.delete(application.applicationId);
      return application;
    }
    const code = refusalOf(application);
    markSynced();
    if (code !== null) return replace({ ...application, state: 'needs-attention', problemCode: code });
    return replace({
      ...application,
      state: 'registered',
      registrationNumber: registrationNumberOf(application),
      registeredAt: main.now(),
      problemCode: null,
    });
  }

  function status(): QueueStatus {
    const count = (state: ApplicationSummary['state']) => main.applications.filter((application) => application.state === state).length;
    const waiting = main.applications.filter((application) => application.state === 'accepted');
    if (waiting.length === 0) backlog.clear();
    for (const application of waiting) backlog.add(application.applicationId);
    const sendingIds = waiting.map((application) => application.applicationId).filter((id) => sending.has(id));
    const registeredAt = main.applications.map((application) => application.registeredAt).filter((time): time is string => time !== null);
    const latestSync = [lastSyncAt, ...registeredAt].filter((time): time is string => time !== null).sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1);
    return {
      connectivity,
      lastSyncAt: latestSync ?? null,
      paused,
      counts: {
        accepted: waiting.length,
        sending: sendingIds.length,
        registered: count('registered'),
        needsAttention: count('needs-attention'),
        withdrawn: count('withdrawn'),
      },
      sendingIds,
      backlog: { total: backlog.size, remaining: waiting.length },
    };
  }

  /** The application if it exists and is still the outbox's business (waiting or refused). */
  function pending(applicationId: string): Result<ApplicationSummary, QueueActionError> {
    if (!main.operator()) return err(NOT_SIGNED_IN);
    const application = find(applicationId);
    if (!application) return err(NOT_FOUND);
    if (application.state === 'registered' || application.state === 'withdrawn') return err(NOT_PENDING);
    refusalOf(application);
    return ok(application);
  }

  const api: QueueApi = {
    async status() {
      return main.operator() ? ok(status()) : err(NOT_SIGNED_IN);
    },
    async retryNow(applicationId) {
      const found = pending(applicationId);
      if (!found.ok) return found;
      // Back in the outbox, then sent at once whatever its backoff (paused or not: the operator asked).
      const waiting = replace({ ...found.value, state: 'accepted', problemCode: null });
      return ok(send(waiting));
    },
    async pause() {
      if (!main.operator()) return err(NOT_SIGNED_IN);
      paused = true;
      sending.clear();
      return ok(status());
    },
    async resume() {
      if (!main.operator()) return err(NOT_SIGNED_IN);
      paused = false;
      return ok(status());
    },
    async withdraw(applicationId) {
      const found = pending(applicationId);
      if (!found.ok) return found;
      return ok(replace({ ...found.value, state: 'withdrawn', problemCode: null }));
    },
    async resign(applicationId, method): Promise<Result<ApplicationSummary, ResignError>> {
      const found = pending(applicationId);
      if (!found.ok) return found;
      if (found.value.state !== 'needs-attention') return err(NOT_PENDING);
      if (main.serviceById(found.value.serviceId)?.operatorEdsRequired !== true) return err({ kind: 'not-signed-payload' });
      // As main: only refusals a new signature cures (core/submission/resignable.ts).
      if (!isResignable(refusalOf(found.value))) return err(NOT_PENDING);
      const code = refusalOf(found.value);
      const signed = sign(method);
      if (!signed.ok) return err({ kind: 'signing-failed', problem: signed.error.problem, card: signed.error.card });
      if (isResignable(code)) refusals.delete(applicationId);
      return ok(replace({ ...found.value, state: 'accepted', problemCode: null }));
    },
  };

  const controller: FakeQueueController = {
    get applications() {
      return [...main.applications];
    },
    get isPaused() {
      return paused;
    },
    addApplication(earlier) {
      const service = main.serviceById(earlier.serviceId ?? CASINO_2014.id);
      if (!service) throw new Error(`fake queue: no service ${earlier.serviceId}`);
      const outcome = { state: earlier.state, problemCode: earlier.problemCode ?? 'validation-failed' };
      const accepted = acceptApplication(main, outcome, { service, record: earlier.record ?? ACTIVE_PERSON, representative: null }, earlier.subtype ?? 'issue', []);
      return earlier.acceptedAt === undefined ? accepted : replace({ ...accepted, acceptedAt: at(`${earlier.acceptedAt}:00`) });
    },
    goOnline(since) {
      connectivity = { state: 'online', since: since ?? main.now() };
      markSynced();
    },
    goOffline(times = {}) {
      const since = times.since ?? main.now();
      const nextCheckAt = times.nextCheckAt ?? new Date(Date.parse(since) + HEALTH_CHECK_BACKOFF_MS).toISOString();
      connectivity = times.tlsProblem === undefined ? { state: 'offline', since, nextCheckAt } : { state: 'offline', since, nextCheckAt, tlsProblem: times.tlsProblem };
      sending.clear();
    },
    forgetConnectivity() {
      connectivity = { state: 'unknown' };
    },
    startSending(...applicationIds) {
      for (const applicationId of applicationIds) {
        if (mustFind(applicationId).state !== 'accepted') throw new Error(`fake queue: ${applicationId} is not waiting`);
        sending.add(applicationId);
      }
    },
    register(applicationId) {
      const application = mustFind(applicationId);
      refusals.delete(applicationId);
      markSynced();
      return replace({ ...application, state: 'registered', registrationNumber: registrationNumberOf(application), registeredAt: main.now(), problemCode: null });
    },
    refuse(applicationId, code) {
      refusals.set(applicationId, code);
      markSynced();
      return replace({ ...mustFind(applicationId), state: 'needs-attention', problemCode: code });
    },
    drain() {
      if (paused || connectivity.state !== 'online') return 0;
      const waiting = main.applications.filter((application) => application.state === 'accepted').reverse();
      for (const application of waiting) send(application);
      return waiting.length;
    },
  };

  return { api, controller };
}
