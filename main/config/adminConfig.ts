import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { backendPinSchema, idleLockMinutesSchema, retentionDaysSchema } from '../../core/contract/settings';
import type { Result } from '../../core/result';
import type { ConfigError } from './appConfig';
import { escrowPublicKey } from '../platform/keys/blobKeyEscrow';

/**
 * The administrator's config file: machine-wide, written at installation (or by group policy /
 * configuration management), readable but not writable by the operators' account. Whatever it sets
 * wins over the supervisor's settings and is shown to the supervisor as locked.
 */
export const adminConfigSchema = z
  .object({
    backend: z
      .object({
        /** The licensing backend; null = the embedded reference backend (training rooms). */
        url: z.url({ protocol: /^https?$/ }).nullable(),
        /** PEM bundle of the CAs trusted for the backend's TLS; absent = the system's trust store. */
        caFile: z.string().min(1).optional(),
        /** `sha256/<base64>` public-key pins of the backend's chain; absent = no pinning. */
        pins: z.array(backendPinSchema).max(10).optional(),
      })
      .strict()
      .optional(),
    retention: z.object({ days: retentionDaysSchema }).strict().optional(),
    session: z.object({ idleLockMinutes: idleLockMinutesSchema }).strict().optional(),
    /**
     * Training mode (issue 15 item 3): the embedded reference backend with its demo data, a permanent
     * banner, and «ОҚУ РЕЖИМІ / УЧЕБНЫЙ РЕЖИМ» on every receipt and result printed. The only way an
     * installed workstation runs the embedded backend.
     */
    trainingMode: z.boolean().optional(),
    /** The blob key's escrow (issue 15 item 7): the administrator's RSA public key (PEM, relative to this file). */
    blobKeyEscrow: z.object({ publicKeyFile: z.string().min(1) }).strict().optional(),
  })
  .strict()
  .refine((file) => !(file.trainingMode === true && typeof file.backend?.url === 'string'), {
    message: 'training mode runs the embedded reference backend: remove backend.url (or set it to null)',
    path: ['trainingMode'],
  });

export interface AdminBackendConnection {
  readonly url: string | null;
  readonly caPem: string | null;
  readonly pins: readonly string[];
}

export interface AdminConfig {
  /** The file the values come from: named to the supervisor next to every locked setting. */
  readonly file: string;
  readonly backend?: AdminBackendConnection;
  readonly retentionDays?: number;
  readonly idleLockMinutes?: number;
  /** True only when the file says `"trainingMode": true`. */
  readonly trainingMode?: boolean;
  /** The escrow public key (PEM) the blob key is also encrypted to; absent = no escrow. */
  readonly escrowPublicKeyPem?: string;
}

/** Where an installation keeps the admin file when PSC_ADMIN_CONFIG does not name one. */
export function defaultAdminConfigPath(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData || 'C:\\ProgramData', 'PSC Workstation', 'admin.json');
  if (platform === 'darwin') return '/Library/Application Support/PSC Workstation/admin.json';
  return '/etc/psc-workstation/admin.json';
}

/**
 * Reads the admin file if there is one. A file that exists but is unreadable or invalid stops the
 * start (like config.json): running with the administrator's locks silently missing would let a
 * workstation talk to a server nobody approved.
 */
export function loadAdminConfig(file: string): Result<AdminConfig | null, ConfigError> {
  if (!existsSync(file)) return { ok: true, value: null };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ok: false, error: { kind: 'invalid-config', file, detail: `not readable JSON (${(error as Error).message})` } };
  }
  const parsed = adminConfigSchema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    return { ok: false, error: { kind: 'invalid-config', file, detail } };
  }
  const { backend, retention, session, trainingMode, blobKeyEscrow } = parsed.data;
  let escrowPublicKeyPem: string | undefined;
  if (blobKeyEscrow) {
    const escrowFile = path.resolve(path.dirname(file), blobKeyEscrow.publicKeyFile);
    try {
      escrowPublicKeyPem = readFileSync(escrowFile, 'utf8');
    } catch (error) {
      return { ok: false, error: { kind: 'invalid-config', file, detail: `blobKeyEscrow.publicKeyFile: cannot read ${escrowFile} (${(error as NodeJS.ErrnoException).code ?? 'error'})` } };
    }
    const valid = escrowPublicKey(escrowPublicKeyPem);
    if (!valid.ok) return { ok: false, error: { kind: 'invalid-config', file, detail: `blobKeyEscrow.publicKeyFile: ${valid.error}` } };
  }
  let adminBackend: AdminBackendConnection | undefined;
  if (backend) {
    const caPem = backend.caFile ? readPemFile(path.resolve(path.dirname(file), backend.caFile)) : { ok: true as const, value: null };
    if (!caPem.ok) return { ok: false, error: { kind: 'invalid-config', file, detail: `backend.caFile: ${caPem.error}` } };
    adminBackend = { url: backend.url, caPem: caPem.value, pins: backend.pins ?? [] };
  }
  return {
    ok: true,
    value: {
      file,
      ...(adminBackend ? { backend: adminBackend } : {}),
      ...(retention ? { retentionDays: retention.days } : {}),
      ...(session ? { idleLockMinutes: session.idleLockMinutes } : {}),
      ...(trainingMode === true ? { trainingMode: true } : {}),
      ...(escrowPublicKeyPem !== undefined ? { escrowPublicKeyPem } : {}),
    },
  };
}

/** A CA bundle named by a config file; relative names are resolved against that file's folder. */
export function readPemFile(file: string): Result<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, error: `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) return { ok: false, error: `${file} holds no PEM certificate` };
  return { ok: true, value: text };
}
