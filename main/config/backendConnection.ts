import { z } from 'zod';
import { MAX_CA_BUNDLE_CHARS, backendConnectionInputSchema, type ActiveBackendConnection } from '../../core/contract/settings';
import type { AppConfig } from './appConfig';

/** Which backend to talk to and how to trust it: one shape for the admin file, the environment, the supervisor's setting and config.json. */
export interface BackendConnectionChoice {
  /** null = the embedded reference backend. */
  readonly url: string | null;
  readonly caPem: string | null;
  readonly pins: readonly string[];
}

export interface EffectiveBackendConnection extends BackendConnectionChoice {
  /** The admin file's path or the environment variable that fixed it; null = the supervisor may change it. */
  readonly lockedBy: string | null;
}

/** The supervisor's saved choice, as stored in the settings table. */
export const savedBackendConnectionSchema = z
  .object({
    url: backendConnectionInputSchema.shape.url,
    caBundlePem: z.string().min(1).max(MAX_CA_BUNDLE_CHARS).nullable(),
    pins: backendConnectionInputSchema.shape.pins,
  })
  .strict();
export type SavedBackendConnection = z.infer<typeof savedBackendConnectionSchema>;

/**
 * Precedence, highest first: the admin file (locks), PSC_BACKEND_URL (locks the URL; CA and pins
 * from config.json), the supervisor's saved setting, config.json, the embedded backend.
 */
export function effectiveBackendConnection(config: AppConfig, saved: SavedBackendConnection | null): EffectiveBackendConnection {
  if (config.admin?.backend) return { ...config.admin.backend, lockedBy: config.admin.file };
  const fileTrust = { caPem: config.backendCaPem ?? null, pins: config.backendPins ?? [] };
  if (config.backendUrlSource === 'environment') return { url: config.backendUrl, ...fileTrust, lockedBy: 'PSC_BACKEND_URL' };
  if (saved) return { url: saved.url, caPem: saved.caBundlePem, pins: saved.pins, lockedBy: null };
  return { url: config.backendUrl, ...fileTrust, lockedBy: null };
}

/** The same choice (URL, CA bundle text, pins in order): the saved setting needs no restart. */
export function sameConnection(a: BackendConnectionChoice, b: BackendConnectionChoice): boolean {
  return a.url === b.url && normalisePem(a.caPem) === normalisePem(b.caPem) && a.pins.length === b.pins.length && a.pins.every((pin, i) => pin === b.pins[i]);
}

function normalisePem(pem: string | null): string | null {
  return pem === null ? null : pem.replace(/\r\n/g, '\n').trim();
}

/** How the running workstation reaches `url` with `choice`'s trust settings. */
export function describeActiveConnection(url: string, mode: 'embedded' | 'configured', choice: BackendConnectionChoice): ActiveBackendConnection {
  const https = url.startsWith('https:');
  return {
    url,
    mode,
    transport: !https ? 'http' : choice.caPem ? 'https-custom-ca' : 'https-system-trust',
    pinCount: https ? choice.pins.length : 0,
  };
}

/**
 * Plain http is only acceptable to this machine itself (the embedded backend, a local test server):
 * over any network the applicant's data and the operator's session must be encrypted.
 */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
