import { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import { fetch as undiciFetch } from 'undici';
import { healthSchema } from '../../../core/backendApi/wire';
import type { BackendConnectionCheck, BackendConnectionCheckError } from '../../../core/contract/settings';
import { err, ok, type Result } from '../../../core/result';
import { commonNameOf } from './distinguishedName';
import { spkiPin } from './spkiPin';
import { createTlsAgent, type BackendTlsOptions } from './tlsAgent';
import { tlsFailureReasonOf } from './tlsFailureReason';

export type ProbeError = Extract<BackendConnectionCheckError, { readonly kind: 'unreachable' | 'timeout' | 'tls' | 'not-a-backend' }>;

/** A health answer is a few dozen bytes; whatever answers with more is not read to the end. */
const MAX_HEALTH_BYTES = 16 * 1024;

/**
 * The supervisor's "check connection": GET `${url}/v1/health` over a fresh connection with the
 * candidate trust settings (no shared pool, no resumed session), timing the whole exchange
 * including the handshake. For https it reports the server's leaf certificate, so the supervisor
 * can compare it with what the administrator expects and copy its pin. Never throws for network
 * or TLS trouble, and saves nothing.
 */
export async function probeBackend(url: string, tls: BackendTlsOptions, timeoutMs: number): Promise<Result<BackendConnectionCheck, ProbeError>> {
  let leaf: PeerCertificate | null = null;
  const agent = createTlsAgent(tls, { maxCachedSessions: 0, onVerifiedPeer: (cert) => (leaf = cert) });
  const started = performance.now();
  try {
    const response = await undiciFetch(`${url.replace(/\/+$/, '')}/v1/health`, {
      dispatcher: agent,
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const latencyMs = Math.max(0, Math.round(performance.now() - started));
    const body = await readTextAtMost(response.body, MAX_HEALTH_BYTES);
    if (!response.ok || body === null || !healthSchema.safeParse(parseJson(body)).success) return err({ kind: 'not-a-backend' });
    return ok({ latencyMs, certificate: leaf === null ? null : describeCertificate(leaf) });
  } catch (error) {
    return err(probeFailure(error));
  } finally {
    await agent.destroy();
  }
}

function probeFailure(error: unknown): ProbeError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout' };
  const reason = tlsFailureReasonOf(error);
  if (reason !== null) return { kind: 'tls', reason };
  if (codeOf((error as { cause?: unknown } | null)?.cause) === 'UND_ERR_CONNECT_TIMEOUT') return { kind: 'timeout' };
  return { kind: 'unreachable' };
}

function describeCertificate(leaf: PeerCertificate): NonNullable<BackendConnectionCheck['certificate']> {
  const cert = new X509Certificate(leaf.raw);
  return {
    subject: commonNameOf(cert.subject),
    issuer: commonNameOf(cert.issuer),
    validTo: new Date(Date.parse(cert.validTo)).toISOString(),
    pin: spkiPin(leaf.raw),
  };
}

/** Leaving the loop early cancels the stream, so an endless answer is not read on. */
async function readTextAtMost(body: AsyncIterable<Uint8Array> | null, maxBytes: number): Promise<string | null> {
  if (body === null) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function codeOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { code?: unknown }).code : undefined;
}
