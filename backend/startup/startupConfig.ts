import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { catalogSchema } from '../../core/catalog/catalogSchema';
import { backendServiceSets, type BackendServiceTitles } from '../../core/catalog/backendServiceSets';
import { FaultPlanError, parseFaultPlanJson, type ResolvedFaultPlan } from '../faults';

/** A startup problem worth exactly one line on stderr (no stack: it is the operator's to fix). */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export interface BackendEnvironment {
  readonly host: string;
  readonly port: number;
  readonly stateDir: string | null;
  readonly logToStderr: boolean;
  /** Faults to inject (PSC_BACKEND_FAULTS); null = none, the normal case. */
  readonly faults: ResolvedFaultPlan | null;
  /** Real milliseconds per simulated provider working day (PSC_PROVIDER_DAY_MS); null = the server's default. */
  readonly providerDayMs: number | null;
  /** Serve https with these PEM files (PSC_BACKEND_TLS_CERT, PSC_BACKEND_TLS_KEY); null = plain http. */
  readonly tls: TlsFilePaths | null;
  /** Folder of further trusted CA certificates and their CRLs (PSC_BACKEND_TRUST_DIR); null = the demo CA only. */
  readonly trustDir: string | null;
}

export interface TlsFilePaths {
  readonly certPath: string;
  readonly keyPath: string;
}

const environmentSchema = z.object({
  PSC_BACKEND_HOST: z.string().min(1).default('127.0.0.1'),
  PSC_BACKEND_PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  /** Unset or empty: state in memory, lost on exit. */
  PSC_BACKEND_STATE_DIR: z.string().optional(),
  /** "1": log requests (route templates only) as JSON lines to stderr. */
  PSC_BACKEND_LOG: z.enum(['0', '1']).default('0'),
  /**
   * For tests against `npm run backend`: a JSON fault plan (backend/faults/faultPlan.ts), e.g.
   * {"seed":7,"errorRate":0.3,"resetRate":0.05,"rateLimitRate":0.05,"retryAfterSeconds":1}.
   * Checked separately below, so a bad value is named with what is wrong with it.
   */
  PSC_BACKEND_FAULTS: z.string().optional(),
  /**
   * One simulated provider working day in real milliseconds (backend/provider/providerTimeline.ts);
   * unset = 60000, e.g. 28800000 for a real eight-hour day. The result is ready after 1.5 days.
   */
  PSC_PROVIDER_DAY_MS: z.coerce.number().int().positive().max(365 * 24 * 3_600_000).optional(),
  /** Paths of the PEM certificate (chain, leaf first) and its private key; both set = https, neither = http. */
  PSC_BACKEND_TLS_CERT: z.string().optional(),
  PSC_BACKEND_TLS_KEY: z.string().optional(),
  /** A folder of CA certificates (.pem/.crt/.cer) and CRLs (.crl) to trust for operators besides the demo CA. */
  PSC_BACKEND_TRUST_DIR: z.string().optional(),
});

export function readBackendEnvironment(env: Readonly<Record<string, string | undefined>>): BackendEnvironment {
  const relevant = Object.fromEntries(Object.keys(environmentSchema.shape).map((name) => [name, env[name] === '' ? undefined : env[name]]));
  const parsed = environmentSchema.safeParse(relevant);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].join(', ');
    throw new StartupError(`Invalid backend environment: ${names}`);
  }
  return {
    host: parsed.data.PSC_BACKEND_HOST,
    port: parsed.data.PSC_BACKEND_PORT,
    stateDir: parsed.data.PSC_BACKEND_STATE_DIR ?? null,
    logToStderr: parsed.data.PSC_BACKEND_LOG === '1',
    faults: readFaultPlan(parsed.data.PSC_BACKEND_FAULTS),
    providerDayMs: parsed.data.PSC_PROVIDER_DAY_MS ?? null,
    tls: readTlsPaths(parsed.data.PSC_BACKEND_TLS_CERT, parsed.data.PSC_BACKEND_TLS_KEY),
    trustDir: parsed.data.PSC_BACKEND_TRUST_DIR ?? null,
  };
}

function readTlsPaths(certPath: string | undefined, keyPath: string | undefined): TlsFilePaths | null {
  if (certPath === undefined && keyPath === undefined) return null;
  if (certPath === undefined || keyPath === undefined) {
    throw new StartupError('Invalid backend environment: PSC_BACKEND_TLS_CERT and PSC_BACKEND_TLS_KEY must be set together');
  }
  return { certPath, keyPath };
}

/** Reads the https certificate and key named by the environment; a missing or unreadable file is one line. */
export async function readTlsIdentity(paths: TlsFilePaths): Promise<{ readonly certPem: string; readonly keyPem: string }> {
  const read = async (variable: string, filePath: string) => {
    try {
      return await readFile(filePath, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new StartupError(`${variable} file ${filePath} is unreadable (${code ?? 'error'})`);
    }
  };
  return { certPem: await read('PSC_BACKEND_TLS_CERT', paths.certPath), keyPem: await read('PSC_BACKEND_TLS_KEY', paths.keyPath) };
}

function readFaultPlan(text: string | undefined): ResolvedFaultPlan | null {
  if (text === undefined) return null;
  try {
    return parseFaultPlanJson(text);
  } catch (error) {
    if (error instanceof FaultPlanError) throw new StartupError(`Invalid backend environment: PSC_BACKEND_FAULTS is an ${error.message}`);
    throw error;
  }
}

export interface CatalogServices {
  /** Service ids of the catalog the workstation offers; an application must name one of them. */
  readonly serviceIds: ReadonlySet<string>;
  /** Those whose regulation requires the operator's EDS (`operatorEdsRequired`). */
  readonly signatureRequiredServiceIds: ReadonlySet<string>;
  /** Per service id, the titles and provider the result documents print. */
  readonly serviceTitles: ReadonlyMap<string, BackendServiceTitles>;
}

/** What the backend needs from the service catalog the workstation ships. */
export async function loadCatalogServices(catalogPath: string): Promise<CatalogServices> {
  let text: string;
  try {
    text = await readFile(catalogPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StartupError(`Service catalog not found at ${catalogPath} (${code ?? 'unreadable'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StartupError(`Service catalog ${catalogPath} is not valid JSON`);
  }
  const catalog = catalogSchema.safeParse(json);
  if (!catalog.success) {
    const where = catalog.error.issues[0]?.path.join('.') ?? '';
    throw new StartupError(`Service catalog ${catalogPath} does not match catalogSchema (first issue at "${where}")`);
  }
  return backendServiceSets(catalog.data);
}
