import { z } from 'zod';
import type { Result } from '../result';
import { calendarOverridesSchema, type CalendarOverride } from '../calendar/calendarSchema';
import type { NotSignedIn } from './common';
import type { TlsFailureReason } from '../submission/backendFailure';

export type { TlsFailureReason };

/** Workstation settings a supervisor maintains; every operator may read them. */
export interface SupervisorSettings {
  /** activityId → the catalog id of the regulation version offered at the counter. */
  readonly currentServiceVersions: Readonly<Record<string, string>>;
  /** Government day-off transfers and other corrections of the working-day calendar (e.g. 2026+ decrees). */
  readonly calendarOverrides: readonly CalendarOverride[];
  /** Idle auto-lock: minutes without keyboard or mouse activity before the workstation locks (1–60). */
  readonly idleLockMinutes: number;
  /**
   * Retention: whole days after the result was handed over (or the application withdrawn) after
   * which the applicant's personal data and the scanned documents are purged from this workstation.
   */
  readonly retentionDays: number;
  /** The licensing backend this workstation talks to, and how its TLS certificate is trusted. */
  readonly backendConnection: BackendConnectionSettings;
  /**
   * Settings fixed by the administrator's config file (or the launch environment): shown read-only,
   * and every setter for them answers `locked`.
   */
  readonly locked: LockedSettings;
}

export interface LockedSettings {
  readonly backendConnection: boolean;
  readonly retentionDays: boolean;
  readonly idleLockMinutes: boolean;
  /** Where the locked values come from (the admin config file's path, or an environment variable's name); null when nothing is locked. */
  readonly source: string | null;
}

export interface TrustedCaCertificate {
  /** Subject's CN (or the whole subject when there is no CN). */
  readonly subject: string;
  readonly notAfter: string;
  /** SHA-256 of the certificate's DER, hex: what an administrator compares with the CA's published fingerprint. */
  readonly sha256: string;
}

export interface BackendConnectionSettings {
  /** Saved setting. null = the embedded reference backend on loopback (demo and training). */
  readonly url: string | null;
  /** Saved setting. Empty = the operating system's trust store; otherwise only these CAs are trusted for the backend's TLS. */
  readonly caCertificates: readonly TrustedCaCertificate[];
  /** Saved setting. Optional public-key pins `sha256/<base64>` (SHA-256 of a certificate's SubjectPublicKeyInfo); one must match the server's chain. */
  readonly pins: readonly string[];
  /** What this running workstation uses now. A saved change takes effect at the next start. */
  readonly active: ActiveBackendConnection;
  /** True when the saved setting differs from the active one (the workstation must be restarted). */
  readonly restartRequired: boolean;
}

export interface ActiveBackendConnection {
  readonly url: string;
  readonly mode: 'embedded' | 'configured';
  /** https with the system trust store, https with a configured CA bundle, or plain http (loopback only from settings). */
  readonly transport: 'https-system-trust' | 'https-custom-ca' | 'http';
  readonly pinCount: number;
}

export const IDLE_LOCK_MINUTES = { min: 1, max: 60, default: 5 } as const;
export const idleLockMinutesSchema = z.number().int().min(IDLE_LOCK_MINUTES.min).max(IDLE_LOCK_MINUTES.max);

export const RETENTION_DAYS = { min: 1, max: 3650, default: 30 } as const;
export const retentionDaysSchema = z.number().int().min(RETENTION_DAYS.min).max(RETENTION_DAYS.max);

/** `sha256/` + base64 of a 32-byte digest (the HPKP / OkHttp CertificatePinner notation). */
export const PIN_PATTERN = /^sha256\/[A-Za-z0-9+/]{43}=$/;
export const backendPinSchema = z.string().regex(PIN_PATTERN);
/** A PEM bundle is a few certificates; anything larger is not one. */
export const MAX_CA_BUNDLE_CHARS = 256 * 1024;

/**
 * Which CAs to trust for the backend's TLS: the operating system's store, the CA bundle in force
 * now (the renderer never holds its PEM, only its description), or a new PEM bundle.
 */
export type CaBundleChoice = { readonly kind: 'system-trust' } | { readonly kind: 'keep-current' } | { readonly kind: 'pem'; readonly pem: string };

export interface BackendConnectionInput {
  /** null = the embedded reference backend. http is accepted for loopback addresses only. */
  readonly url: string | null;
  readonly caBundle: CaBundleChoice;
  readonly pins: readonly string[];
}

export const caBundleChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('system-trust') }).strict(),
  z.object({ kind: z.literal('keep-current') }).strict(),
  z.object({ kind: z.literal('pem'), pem: z.string().min(1).max(MAX_CA_BUNDLE_CHARS) }).strict(),
]);

export const backendConnectionInputSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2_000).nullable(),
    caBundle: caBundleChoiceSchema,
    pins: z.array(backendPinSchema).max(10),
  })
  .strict();

/** Why a backend connection setting (or its test) was refused. */
export type BackendConnectionProblem =
  /** http to anything but a loopback address: the backend must be reached over TLS. */
  | { readonly kind: 'insecure-url' }
  /** The CA bundle holds no readable certificate, or one that is not a CA / not currently valid. */
  | { readonly kind: 'invalid-ca-bundle'; readonly detail: string }
  /** Pins without TLS make no sense. */
  | { readonly kind: 'pins-need-https' };

export type SettingsError =
  | NotSignedIn
  /** Only a supervisor may change settings. */
  | { readonly kind: 'not-permitted' }
  | { readonly kind: 'unknown-service' }
  /** The administrator fixed this setting in the admin config file. */
  | { readonly kind: 'locked'; readonly source: string }
  | BackendConnectionProblem;

/** What a connection test learned about a candidate backend (nothing is saved). */
export interface BackendConnectionCheck {
  readonly latencyMs: number;
  /** The server's certificate when https: shown so a supervisor can confirm it and copy a pin. */
  readonly certificate: {
    readonly subject: string;
    readonly issuer: string;
    readonly validTo: string;
    /** `sha256/<base64>` of the leaf's SubjectPublicKeyInfo. */
    readonly pin: string;
  } | null;
}

export type BackendConnectionCheckError =
  | SettingsError
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'timeout' }
  /** The TLS handshake failed: the reason says which check refused the server. */
  | { readonly kind: 'tls'; readonly reason: TlsFailureReason }
  /** Something answered, but not a licensing backend (health endpoint missing or malformed). */
  | { readonly kind: 'not-a-backend' };


export const currentServiceVersionArgs = z.tuple([z.string().min(1).max(100), z.string().min(1).max(100)]);
export const calendarOverridesArgs = z.tuple([calendarOverridesSchema.max(400)]);
export const idleLockMinutesArgs = z.tuple([idleLockMinutesSchema]);
export const retentionDaysArgs = z.tuple([retentionDaysSchema]);
export const backendConnectionArgs = z.tuple([backendConnectionInputSchema]);

export interface SettingsApi {
  get(): Promise<Result<SupervisorSettings, NotSignedIn>>;
  /** Makes `serviceId` the version of `activityId` that operators are offered. Supervisor only. */
  setCurrentServiceVersion(activityId: string, serviceId: string): Promise<Result<SupervisorSettings, SettingsError>>;
  /** Replaces the calendar overrides (one per date). Supervisor only. */
  setCalendarOverrides(overrides: readonly CalendarOverride[]): Promise<Result<SupervisorSettings, SettingsError>>;
  /** Sets the idle auto-lock timeout in whole minutes (1–60). Supervisor only; `locked` when the admin fixed it. */
  setIdleLockMinutes(minutes: number): Promise<Result<SupervisorSettings, SettingsError>>;
  /** Sets the retention period in whole days (1–3650). Supervisor only; `locked` when the admin fixed it. */
  setRetentionDays(days: number): Promise<Result<SupervisorSettings, SettingsError>>;
  /** Saves the backend URL, CA bundle and pins (effective at the next start). Supervisor only; `locked` when the admin fixed it. */
  setBackendConnection(input: BackendConnectionInput): Promise<Result<SupervisorSettings, SettingsError>>;
  /** Connects to a candidate backend with the given trust settings and reports what it found; saves nothing. Supervisor only. */
  checkBackendConnection(input: BackendConnectionInput): Promise<Result<BackendConnectionCheck, BackendConnectionCheckError>>;
}
