import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Result } from '../../core/result';
import { backendPinSchema } from '../../core/contract/settings';
import { defaultAdminConfigPath, loadAdminConfig, readPemFile, type AdminConfig } from './adminConfig';

const providerDayMsSchema = z.number().int().min(10).max(7 * 86_400_000);
const statusPollBaseMsSchema = z.number().int().min(100).max(3_600_000);
const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);

/** `config.json` in the data directory (or the file named by PSC_CONFIG). Every field is optional. */
export const configFileSchema = z
  .object({
    backend: z
      .object({
        /** Licensing backend base URL; absent = start the embedded reference backend on loopback. */
        url: z.url({ protocol: /^https?$/ }).optional(),
        timeoutMs: z.number().int().min(1_000).max(120_000).optional(),
        /** Embedded backend only: real milliseconds per simulated provider working day; absent = the backend's default. */
        providerDayMs: providerDayMsSchema.optional(),
        /** PEM bundle of the CAs trusted for the backend's TLS (relative to this file); absent = the system's trust store. */
        caFile: z.string().min(1).optional(),
        /** Optional `sha256/<base64>` public-key pins of the backend's certificate chain. */
        pins: z.array(backendPinSchema).max(10).optional(),
      })
      .strict()
      .optional(),
    web: z.object({ port: z.number().int().min(0).max(65_535).optional() }).strict().optional(),
    /** Printing without a dialog (issue 15 item 1): which print system; absent = auto. */
    printing: z.object({ via: z.enum(['auto', 'cups', 'windows-spooler', 'electron', 'dialog']).optional() }).strict().optional(),
    /** The operational log in `<dataDir>/logs` (issue 15 item 4). */
    log: z.object({ level: logLevelSchema.optional() }).strict().optional(),
    /** Browser host only: base64 of the 32-byte key that encrypts blobs at rest. */
    blobKeyBase64: z.string().optional(),
    /** SANE configuration folder for scanimage (SANE_CONFIG_DIR); absent = the system's /etc/sane.d. */
    scanner: z
      .object({
        saneConfigDir: z.string().min(1).optional(),
        /** Shared folders that network MFPs scan into, offered as scanners ("MFP 2nd floor"). */
        watchedFolders: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1), path: z.string().min(1) }).strict()).max(20).optional(),
        /** eSCL (AirScan) network scanners by URL, e.g. `http://192.0.2.10/eSCL` (issue 15 item 2); never discovered by mDNS. */
        esclScanners: z
          .array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1).max(100), url: z.url({ protocol: /^https?$/ }) }).strict())
          .max(20)
          .optional(),
      })
      .strict()
      .optional(),
    /** Status tracking (issue #7). */
    status: z
      .object({
        /** First delay of the poller's backoff after a change (it doubles up to 30 minutes); absent = 60 s. */
        pollBaseMs: statusPollBaseMsSchema.optional(),
      })
      .strict()
      .optional(),
    /** Operator accounts (issue #8): days an offline password verifier stays usable after the last online login; absent = 7. */
    accounts: z.object({ offlineVerifierDays: z.number().int().min(1).max(90).optional() }).strict().optional(),
    /** The operator's EDS (DESIGN.md §5). */
    signing: z
      .object({
        /** Folder of trusted CA certificates (PEM or DER); absent = resources/pki/nuc (НУЦ РК's GOST roots and CAs). */
        trustAnchorsDir: z.string().min(1).optional(),
        /** How old the cached revocation list may be before signing is refused (offline work). */
        crlMaxAgeHours: z.number().min(1).max(24 * 14).optional(),
        /** NCALayer's WebSocket; absent = wss://127.0.0.1:13579/. */
        ncaLayerUrl: z.url({ protocol: /^wss?$/ }).optional(),
        /** PEM file of the certificate (or its CA) NCALayer presents on 127.0.0.1; absent = the system's trust store. */
        ncaLayerCaFile: z.string().min(1).optional(),
        /** Ask NCALayer for an RFC 3161 timestamp with every signature (needs НУЦ's TSA online); absent = false. */
        ncaLayerTimestamp: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export interface AppConfig {
  readonly dataDir: string;
  /** The backend URL from the environment or config.json (the supervisor's setting and the admin file are applied on top, see backendConnection.ts). */
  readonly backendUrl: string | null;
  /** Where `backendUrl` came from: the environment locks it like the admin file does. Absent = config file or none. */
  readonly backendUrlSource?: 'environment' | 'config-file' | null;
  /** config.json's CA bundle for the backend's TLS (already read); absent = the system's trust store. */
  readonly backendCaPem?: string | null;
  /** config.json's public-key pins for the backend. */
  readonly backendPins?: readonly string[];
  /** The administrator's machine-wide file (PSC_ADMIN_CONFIG or the platform's default path), when there is one. */
  readonly admin?: AdminConfig | null;
  /** Where the administrator's file is looked for (whether or not it exists): named on the "not configured" screen. */
  readonly adminConfigFile?: string;
  /** The print system (`printing.via`, PSC_PRINT_VIA); absent = auto (composePrinting.ts). */
  readonly printVia?: 'auto' | 'cups' | 'windows-spooler' | 'electron' | 'dialog';
  /** Operational log level (PSC_LOG_LEVEL or `log.level`); absent = info. */
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
  readonly backendTimeoutMs: number;
  readonly webPort: number;
  readonly blobKeyBase64: string | null;
  readonly saneConfigDir: string | null;
  readonly watchedFolders: readonly { readonly id: string; readonly name: string; readonly path: string }[];
  /** eSCL network scanners (`scanner.esclScanners`). */
  readonly esclScanners?: readonly { readonly id: string; readonly name: string; readonly url: string }[];
  /** null = the bundled resources/pki/nuc (НУЦ РК's GOST roots and CAs). */
  readonly trustAnchorsDir: string | null;
  readonly crlMaxAgeHours: number;
  readonly ncaLayerUrl: string;
  readonly ncaLayerCaFile: string | null;
  readonly ncaLayerTimestamp: boolean;
  /** Embedded backend only: ms per simulated provider working day (PSC_PROVIDER_DAY_MS); absent = the backend's default. */
  readonly providerDayMs?: number;
  /** Status poller's base delay (PSC_STATUS_POLL_BASE_MS); absent = DEFAULT_STATUS_POLL. */
  readonly statusPollBaseMs?: number;
  /** Days an offline login verifier stays usable; absent = the session service's default (7). */
  readonly offlineVerifierDays?: number;
}

export const DEFAULT_CRL_MAX_AGE_HOURS = 24;
export const DEFAULT_NCALAYER_URL = 'wss://127.0.0.1:13579/';

export type ConfigError = { readonly kind: 'invalid-config'; readonly file: string; readonly detail: string };

export const DEFAULT_WEB_PORT = 8780;

/**
 * Reads the configuration: defaults, then the config file, then environment variables
 * (PSC_DATA_DIR, PSC_CONFIG, PSC_BACKEND_URL, PSC_WEB_PORT, PSC_PROVIDER_DAY_MS, PSC_STATUS_POLL_BASE_MS),
 * later ones winning; and the administrator's file (PSC_ADMIN_CONFIG, else the platform's default path).
 */
export function loadAppConfig(
  env: Readonly<Record<string, string | undefined>>,
  defaultDataDir: string,
  adminConfigFile: string = env.PSC_ADMIN_CONFIG || defaultAdminConfigPath(process.platform, env),
): Result<AppConfig, ConfigError> {
  const dataDir = path.resolve(env.PSC_DATA_DIR || defaultDataDir);
  const file = path.resolve(env.PSC_CONFIG || path.join(dataDir, 'config.json'));
  let fromFile: z.infer<typeof configFileSchema> = {};
  if (existsSync(file)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      return { ok: false, error: { kind: 'invalid-config', file, detail: `not valid JSON (${(error as Error).message})` } };
    }
    const parsed = configFileSchema.safeParse(json);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      return { ok: false, error: { kind: 'invalid-config', file, detail } };
    }
    fromFile = parsed.data;
  }
  const envUrl = env.PSC_BACKEND_URL ? z.url({ protocol: /^https?$/ }).safeParse(env.PSC_BACKEND_URL) : null;
  if (envUrl && !envUrl.success) return { ok: false, error: { kind: 'invalid-config', file: 'PSC_BACKEND_URL', detail: 'not an http(s) URL' } };
  const envPort = env.PSC_WEB_PORT ? z.coerce.number().int().min(0).max(65_535).safeParse(env.PSC_WEB_PORT) : null;
  if (envPort && !envPort.success) return { ok: false, error: { kind: 'invalid-config', file: 'PSC_WEB_PORT', detail: 'not a port number' } };
  const envDay = env.PSC_PROVIDER_DAY_MS ? providerDayMsSchema.safeParse(Number(env.PSC_PROVIDER_DAY_MS)) : null;
  if (envDay && !envDay.success) return { ok: false, error: { kind: 'invalid-config', file: 'PSC_PROVIDER_DAY_MS', detail: 'not a whole number of milliseconds (10 … 7 days)' } };
  const envPoll = env.PSC_STATUS_POLL_BASE_MS ? statusPollBaseMsSchema.safeParse(Number(env.PSC_STATUS_POLL_BASE_MS)) : null;
  if (envPoll && !envPoll.success) return { ok: false, error: { kind: 'invalid-config', file: 'PSC_STATUS_POLL_BASE_MS', detail: 'not a whole number of milliseconds (100 … 1 hour)' } };
  const envLogLevel = env.PSC_LOG_LEVEL ? logLevelSchema.safeParse(env.PSC_LOG_LEVEL) : null;
  if (envLogLevel && !envLogLevel.success) return { ok: false, error: { kind: 'invalid-config', file: 'PSC_LOG_LEVEL', detail: 'one of debug, info, warn, error' } };
  const logLevel = envLogLevel?.data ?? fromFile.log?.level;
  const printViaSchema = z.enum(['auto', 'cups', 'windows-spooler', 'electron', 'dialog']);
  const envPrintVia = env.PSC_PRINT_VIA ? printViaSchema.safeParse(env.PSC_PRINT_VIA) : null;
  if (envPrintVia && !envPrintVia.success) return { ok: false, error: { kind: 'invalid-config', file: 'PSC_PRINT_VIA', detail: 'one of auto, cups, windows-spooler, electron, dialog' } };
  const printVia = envPrintVia?.data ?? fromFile.printing?.via;
  const admin = loadAdminConfig(path.resolve(adminConfigFile));
  if (!admin.ok) return admin;
  let backendCaPem: string | null = null;
  if (fromFile.backend?.caFile) {
    const pem = readPemFile(path.resolve(path.dirname(file), fromFile.backend.caFile));
    if (!pem.ok) return { ok: false, error: { kind: 'invalid-config', file, detail: `backend.caFile: ${pem.error}` } };
    backendCaPem = pem.value;
  }
  const providerDayMs = envDay?.data ?? fromFile.backend?.providerDayMs;
  const statusPollBaseMs = envPoll?.data ?? fromFile.status?.pollBaseMs;
  return {
    ok: true,
    value: {
      dataDir,
      backendUrl: envUrl?.data ?? fromFile.backend?.url ?? null,
      backendUrlSource: envUrl ? 'environment' : fromFile.backend?.url ? 'config-file' : null,
      backendCaPem,
      backendPins: fromFile.backend?.pins ?? [],
      admin: admin.value,
      adminConfigFile: path.resolve(adminConfigFile),
      ...(logLevel !== undefined ? { logLevel } : {}),
      ...(printVia !== undefined ? { printVia } : {}),
      backendTimeoutMs: fromFile.backend?.timeoutMs ?? 10_000,
      webPort: envPort?.data ?? fromFile.web?.port ?? DEFAULT_WEB_PORT,
      blobKeyBase64: fromFile.blobKeyBase64 ?? null,
      saneConfigDir: env.PSC_SANE_CONFIG_DIR || fromFile.scanner?.saneConfigDir || null,
      watchedFolders: fromFile.scanner?.watchedFolders ?? [],
      esclScanners: fromFile.scanner?.esclScanners ?? [],
      trustAnchorsDir: fromFile.signing?.trustAnchorsDir ?? null,
      crlMaxAgeHours: fromFile.signing?.crlMaxAgeHours ?? DEFAULT_CRL_MAX_AGE_HOURS,
      ncaLayerUrl: fromFile.signing?.ncaLayerUrl ?? DEFAULT_NCALAYER_URL,
      ncaLayerCaFile: fromFile.signing?.ncaLayerCaFile ?? null,
      ncaLayerTimestamp: fromFile.signing?.ncaLayerTimestamp ?? false,
      ...(providerDayMs !== undefined ? { providerDayMs } : {}),
      ...(statusPollBaseMs !== undefined ? { statusPollBaseMs } : {}),
      ...(fromFile.accounts?.offlineVerifierDays !== undefined ? { offlineVerifierDays: fromFile.accounts.offlineVerifierDays } : {}),
    },
  };
}
