/**
 * The fake settings area: main's SettingsService over an in-memory settings row. It keeps main's
 * rules (supervisor only; `locked` for what the administrator fixed; http only to loopback; pins
 * and a CA bundle only with https) so the screen meets the same refusals as in production. A CA
 * bundle is "parsed" by looking its certificate blocks up in FAKE_CA_CERTIFICATES: tests need no
 * crypto. Like main, the fake holds the saved (or administrator's) CA bundle's text, which
 * `keep-current` stands for; for initial settings it is rebuilt from their CA certificates, so those
 * must be FAKE_CA_CERTIFICATE. `controller.lock` fixes settings as the admin file would;
 * `answerChecksWith` scripts the connection check.
 */
import type {
  BackendConnectionCheck,
  BackendConnectionCheckError,
  BackendConnectionInput,
  BackendConnectionProblem,
  CaBundleChoice,
  LockedSettings,
  SettingsApi,
  SupervisorSettings,
  TrustedCaCertificate,
} from '../../core/contract';
import { err, ok, type Result } from '../../core/result';
import { CASINO_2014 } from './fakeFixtures';
import { NOT_SIGNED_IN, type FakeMain } from './fakeMain';

/** Where the fake's embedded backend listens; what the settings screen shows as active. */
export const FAKE_EMBEDDED_BACKEND_URL = 'http://127.0.0.1:47100';

/** By default the 2014 casino regulation is current; the 2012 one exists in the catalog too. */
export const DEFAULT_FAKE_SETTINGS: SupervisorSettings = {
  currentServiceVersions: { casino: CASINO_2014.id },
  calendarOverrides: [],
  idleLockMinutes: 5,
  retentionDays: 30,
  backendConnection: {
    url: null,
    caCertificates: [],
    pins: [],
    active: { url: FAKE_EMBEDDED_BACKEND_URL, mode: 'embedded', transport: 'http', pinCount: 0 },
    restartRequired: false,
  },
  locked: { backendConnection: false, retentionDays: false, idleLockMinutes: false, source: null },
};

const pemBlock = (body: string) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;

/** A CA bundle the fake accepts, and what main would describe for it. */
export const FAKE_CA_PEM = pemBlock('RkFLRS1QU0MtVEVTVC1ST09ULUNB');
export const FAKE_CA_CERTIFICATE: TrustedCaCertificate = {
  subject: 'PSC Test Root CA',
  notAfter: '2035-12-31T23:59:59.000Z',
  sha256: '3f2a9c41d07be85596e1c0a4b7d23f686c5e0b19a2f47d83e6c9b1052d7a4e90',
};
/** A PEM block that is well formed but, to main, not a CA certificate. */
export const FAKE_LEAF_PEM = pemBlock('RkFLRS1MRUFGLU5PVC1BLUNB');

const FAKE_CA_CERTIFICATES: ReadonlyMap<string, TrustedCaCertificate> = new Map([['RkFLRS1QU0MtVEVTVC1ST09ULUNB', FAKE_CA_CERTIFICATE]]);

/** The server certificate the fake's default check reports for an https URL. */
export const FAKE_SERVER_CERTIFICATE: NonNullable<BackendConnectionCheck['certificate']> = {
  subject: 'licensing.example.kz',
  issuer: 'PSC Test Root CA',
  validTo: '2027-03-01T12:00:00.000Z',
  pin: 'sha256/q0XAjuB4FFj2Zr5yt3pIIQmC4bMaWJYnP0vOekwQm7E=',
};

export type LockableSetting = Exclude<keyof LockedSettings, 'source'>;
export type FakeCheckAnswer = Result<BackendConnectionCheck, BackendConnectionCheckError>;

export interface FakeSettingsController {
  /** The administrator's file fixes `which` (from `source`): shown read-only, their setters answer locked. */
  lock(which: readonly LockableSetting[], source?: string): void;
  /** What connection checks answer once the input passed main's rules; null = the default (below). */
  answerChecksWith(answer: FakeCheckAnswer | null): void;
}

export interface FakeSettingsArea {
  readonly api: SettingsApi;
  readonly controller: FakeSettingsController;
  /** The settings as main holds them now (other fake areas read them, e.g. the calendar overrides). */
  current(): SupervisorSettings;
}

function parseCaBundle(pem: string): Result<readonly TrustedCaCertificate[], string> {
  const bodies = [...pem.matchAll(/-----BEGIN CERTIFICATE-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END CERTIFICATE-----/g)].map((match) => match[1] ?? '');
  if (bodies.length === 0) return err('no certificate found in the file');
  const certificates: TrustedCaCertificate[] = [];
  for (const [index, body] of bodies.entries()) {
    const certificate = FAKE_CA_CERTIFICATES.get(body.replace(/\s/g, ''));
    if (!certificate) return err(`certificate ${index + 1} is not a CA certificate`);
    certificates.push(certificate);
  }
  return ok(certificates);
}

/** The PEM text whose "parsing" describes `certificates`: what the fake holds for a saved CA bundle. */
function pemOf(certificates: readonly TrustedCaCertificate[]): string | null {
  if (certificates.length === 0) return null;
  return certificates
    .map((certificate) => {
      const body = [...FAKE_CA_CERTIFICATES].find(([, known]) => known.sha256 === certificate.sha256)?.[0];
      if (body === undefined) throw new Error(`fake settings know no PEM for the CA certificate ${certificate.subject}: use FAKE_CA_CERTIFICATE`);
      return pemBlock(body);
    })
    .join('');
}

/** A connection with its CA bundle resolved to text, as main's SettingsService judges and stores it. */
interface ResolvedConnection {
  readonly url: string | null;
  readonly caPem: string | null;
  readonly pins: readonly string[];
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function connectionProblem(connection: ResolvedConnection): BackendConnectionProblem | null {
  const isHttps = connection.url?.startsWith('https:') ?? false;
  if (connection.url !== null && !isHttps && !isLoopback(connection.url)) return { kind: 'insecure-url' };
  if ((connection.pins.length > 0 || connection.caPem !== null) && !isHttps) return { kind: 'pins-need-https' };
  if (connection.caPem !== null) {
    const parsed = parseCaBundle(connection.caPem);
    if (!parsed.ok) return { kind: 'invalid-ca-bundle', detail: parsed.error };
  }
  return null;
}

const sameConnection = (a: ResolvedConnection, b: ResolvedConnection) =>
  a.url === b.url && a.caPem === b.caPem && a.pins.join('\n') === b.pins.join('\n');

export function createFakeSettings(main: Pick<FakeMain, 'operator' | 'serviceById'>, initial: SupervisorSettings = DEFAULT_FAKE_SETTINGS): FakeSettingsArea {
  let settings = initial;
  let checkAnswer: FakeCheckAnswer | null = null;
  // The saved (or administrator's) CA bundle's text: what `keep-current` stands for.
  let savedCaPem = pemOf(initial.backendConnection.caCertificates);
  // What the running workstation uses: the saved choice at "start".
  const active: ResolvedConnection = { url: initial.backendConnection.url, caPem: savedCaPem, pins: initial.backendConnection.pins };

  function caPemOf(choice: CaBundleChoice): string | null {
    switch (choice.kind) {
      case 'system-trust':
        return null;
      case 'keep-current':
        return savedCaPem;
      case 'pem':
        return choice.pem;
    }
  }

  const resolve = (input: BackendConnectionInput): ResolvedConnection => ({ url: input.url, caPem: caPemOf(input.caBundle), pins: input.pins });

  function requireSupervisor(): Result<null, { readonly kind: 'not-signed-in' } | { readonly kind: 'not-permitted' }> {
    const operator = main.operator();
    if (!operator) return err(NOT_SIGNED_IN);
    return operator.role === 'supervisor' ? ok(null) : err({ kind: 'not-permitted' });
  }

  function refuseIfLocked(setting: LockableSetting): Result<null, { readonly kind: 'locked'; readonly source: string }> {
    return settings.locked[setting] ? err({ kind: 'locked', source: settings.locked.source ?? '' }) : ok(null);
  }

  const api: SettingsApi = {
    async get() {
      return main.operator() ? ok(settings) : err(NOT_SIGNED_IN);
    },
    async setCurrentServiceVersion(activityId, serviceId) {
      const permitted = requireSupervisor();
      if (!permitted.ok) return permitted;
      if (main.serviceById(serviceId)?.activityId !== activityId) return err({ kind: 'unknown-service' });
      settings = { ...settings, currentServiceVersions: { ...settings.currentServiceVersions, [activityId]: serviceId } };
      return ok(settings);
    },
    async setCalendarOverrides(overrides) {
      const permitted = requireSupervisor();
      if (!permitted.ok) return permitted;
      settings = { ...settings, calendarOverrides: [...overrides].sort((a, b) => (a.date < b.date ? -1 : 1)) };
      return ok(settings);
    },
    async setIdleLockMinutes(minutes) {
      const permitted = requireSupervisor();
      if (!permitted.ok) return permitted;
      const unlocked = refuseIfLocked('idleLockMinutes');
      if (!unlocked.ok) return unlocked;
      settings = { ...settings, idleLockMinutes: minutes };
      return ok(settings);
    },
    async setRetentionDays(days) {
      const permitted = requireSupervisor();
      if (!permitted.ok) return permitted;
      const unlocked = refuseIfLocked('retentionDays');
      if (!unlocked.ok) return unlocked;
      settings = { ...settings, retentionDays: days };
      return ok(settings);
    },
    async setBackendConnection(input) {
      const permitted = requireSupervisor();
      if (!permitted.ok) return permitted;
      const unlocked = refuseIfLocked('backendConnection');
      if (!unlocked.ok) return unlocked;
      const connection = resolve(input);
      const problem = connectionProblem(connection);
      if (problem) return err(problem);
      const parsed = connection.caPem === null ? ok([]) : parseCaBundle(connection.caPem);
      savedCaPem = connection.caPem;
      settings = {
        ...settings,
        backendConnection: {
          ...settings.backendConnection,
          url: connection.url,
          caCertificates: parsed.ok ? parsed.value : [],
          pins: [...connection.pins],
          restartRequired: !sameConnection(connection, active),
        },
      };
      return ok(settings);
    },
    async checkBackendConnection(input) {
      const permitted = requireSupervisor();
      if (!permitted.ok) return permitted;
      const problem = connectionProblem(resolve(input));
      if (problem) return err(problem);
      if (checkAnswer) return checkAnswer;
      return ok(input.url?.startsWith('https:') ? { latencyMs: 42, certificate: FAKE_SERVER_CERTIFICATE } : { latencyMs: 3, certificate: null });
    },
  };

  return {
    api,
    controller: {
      lock(which, source = '/etc/psc-workstation/admin.json') {
        const locked = { ...settings.locked, source };
        for (const setting of which) locked[setting] = true;
        settings = { ...settings, locked };
      },
      answerChecksWith(answer) {
        checkAnswer = answer;
      },
    },
    current: () => settings,
  };
}
