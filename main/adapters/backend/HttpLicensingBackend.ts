import { z } from 'zod';
import type { Result } from '../../../core/result';
import type { BackendFailure } from '../../../core/submission/backendFailure';
import {
  applicationStatusViewSchema,
  capabilitiesSchema,
  healthSchema,
  type BackendCapabilities,
  powerOfAttorneyAnswerSchema,
  problemSchema,
  registrationSchema,
  registryAnswerSchema,
  sessionResponseSchema,
  type ApplicationStatusView,
  type ApplicationSubmissionBody,
  type PowerOfAttorneyAnswer,
  type Registration,
  type RegistryAnswer,
  type SessionRequest,
  type SessionResponse,
} from '../../../core/backendApi/wire';
import type { LicensingBackend } from '../../ports/LicensingBackend';
import { tlsFailureReasonOf } from './tlsFailureReason';

export interface HttpLicensingBackendOptions {
  readonly baseUrl: string;
  /** Per-request budget; a request that takes longer is a `timeout` failure. */
  readonly timeoutMs: number;
  /** Injected for tests and for the backend's TLS trust (createBackendFetch in backendTls.ts); defaults to global fetch. */
  readonly fetch?: typeof fetch;
}

/** НУЦ РК's full CRLs run to tens of megabytes; anything beyond this is not a CRL we can use. */
const MAX_CRL_BYTES = 256 * 1024 * 1024;
/** GET /v1/pki/crls: `{ crls: [base64 DER, …] }`, one per CA the backend trusts. */
const crlListSchema = z.object({ crls: z.array(z.base64()).max(64) });

/** A licence or a reasoned refusal is a few pages; a body beyond this is not a result we store (and is not read to the end). */
export const MAX_RESULT_BYTES = 32 * 1024 * 1024;

/** `body`: the parsed JSON (null when none); `bytes`: a 2xx body read as binary, when asked for. */
type Raw = { readonly status: number; readonly headers: Headers; readonly body: unknown; readonly bytes: Uint8Array | null };

/** The only client of backend/openapi.yaml. Validates every response with the wire schemas. */
export class HttpLicensingBackend implements LicensingBackend {
  readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: HttpLicensingBackendOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? fetch;
  }

  createSession(request: SessionRequest): Promise<Result<SessionResponse, BackendFailure>> {
    return this.call('POST', '/v1/session', null, { json: request }, sessionResponseSchema);
  }

  lookupPerson(token: string, iin: string): Promise<Result<RegistryAnswer, BackendFailure>> {
    return this.call('GET', `/v1/registry/persons/${encodeURIComponent(iin)}`, token, {}, registryAnswerSchema);
  }

  lookupLegalEntity(token: string, bin: string): Promise<Result<RegistryAnswer, BackendFailure>> {
    return this.call('GET', `/v1/registry/legal-entities/${encodeURIComponent(bin)}`, token, {}, registryAnswerSchema);
  }

  lookupPowerOfAttorney(token: string, number: string): Promise<Result<PowerOfAttorneyAnswer, BackendFailure>> {
    return this.call('GET', `/v1/notary/powers-of-attorney/${encodeURIComponent(number)}`, token, {}, powerOfAttorneyAnswerSchema);
  }

  async hasBlob(token: string, sha256: string): Promise<Result<boolean, BackendFailure>> {
    const raw = await this.request('HEAD', `/v1/blobs/${sha256}`, token, {});
    if (!raw.ok) return raw;
    if (raw.value.status === 200) return { ok: true, value: true };
    if (raw.value.status === 404) return { ok: true, value: false };
    return { ok: false, error: this.httpFailure(raw.value) };
  }

  async putBlob(token: string, sha256: string, bytes: Uint8Array): Promise<Result<null, BackendFailure>> {
    const raw = await this.request('PUT', `/v1/blobs/${sha256}`, token, { bytes });
    if (!raw.ok) return raw;
    if (raw.value.status === 200 || raw.value.status === 201) return { ok: true, value: null };
    return { ok: false, error: this.httpFailure(raw.value) };
  }

  submitApplication(token: string, idempotencyKey: string, body: ApplicationSubmissionBody): Promise<Result<Registration, BackendFailure>> {
    return this.call('POST', '/v1/applications', token, { json: body, headers: { 'Idempotency-Key': idempotencyKey } }, registrationSchema);
  }

  applicationStatus(token: string, applicationId: string): Promise<Result<ApplicationStatusView, BackendFailure>> {
    return this.call('GET', `/v1/applications/${encodeURIComponent(applicationId)}`, token, {}, applicationStatusViewSchema);
  }

  /**
   * GET /v1/applications/{id}/result: the result PDF. Only the framing is checked here (`%PDF-`,
   * at most MAX_RESULT_BYTES); that it is the document the status view names (its SHA-256) is
   * checked by the caller, which holds the view.
   */
  async fetchResult(token: string, applicationId: string): Promise<Result<Uint8Array, BackendFailure>> {
    const raw = await this.request('GET', `/v1/applications/${encodeURIComponent(applicationId)}/result`, token, { headers: { Accept: 'application/pdf' } }, 'binary', MAX_RESULT_BYTES);
    if (!raw.ok) return raw;
    if (raw.value.status !== 200) return { ok: false, error: this.httpFailure(raw.value) };
    const bytes = raw.value.bytes;
    if (bytes === null || !startsWithPdfMagic(bytes)) return { ok: false, error: { kind: 'invalid-response' } };
    return { ok: true, value: bytes };
  }

  /**
   * GET /v1/pki/crls: the current revocation lists of the CAs the backend trusts, as DER. Only the
   * framing is checked here (Base64 of a DER SEQUENCE, bounded size); whether each is signed by a
   * trusted CA and current is decided where it is used.
   */
  async fetchRevocationLists(): Promise<Result<readonly Uint8Array[], BackendFailure>> {
    const raw = await this.request('GET', '/v1/pki/crls', null, { headers: { Accept: 'application/json' } }, 'binary', MAX_CRL_BYTES);
    if (!raw.ok) return raw;
    if (raw.value.status !== 200) return { ok: false, error: this.httpFailure(raw.value) };
    const bytes = raw.value.bytes;
    let parsed: ReturnType<typeof crlListSchema.safeParse>;
    try {
      parsed = crlListSchema.safeParse(JSON.parse(Buffer.from(bytes ?? new Uint8Array(0)).toString('utf8')));
    } catch {
      return { ok: false, error: { kind: 'invalid-response' } };
    }
    if (!parsed.success) return { ok: false, error: { kind: 'invalid-response' } };
    const crls = parsed.data.crls.map((base64) => Uint8Array.from(Buffer.from(base64, 'base64')));
    if (crls.some((crl) => crl.length < 2 || crl[0] !== 0x30)) return { ok: false, error: { kind: 'invalid-response' } };
    return { ok: true, value: crls };
  }

  async health(): Promise<Result<null, BackendFailure>> {
    const result = await this.call('GET', '/v1/health', null, {}, healthSchema);
    return result.ok ? { ok: true, value: null } : result;
  }

  capabilities(): Promise<Result<BackendCapabilities, BackendFailure>> {
    return this.call('GET', '/v1/capabilities', null, {}, capabilitiesSchema);
  }

  private async call<T>(
    method: string,
    path: string,
    token: string | null,
    payload: { json?: unknown; headers?: Record<string, string> },
    schema: z.ZodType<T>,
  ): Promise<Result<T, BackendFailure>> {
    const raw = await this.request(method, path, token, payload);
    if (!raw.ok) return raw;
    if (raw.value.status < 200 || raw.value.status >= 300) return { ok: false, error: this.httpFailure(raw.value) };
    const parsed = schema.safeParse(raw.value.body);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: { kind: 'invalid-response' } };
  }

  private async request(
    method: string,
    path: string,
    token: string | null,
    payload: { json?: unknown; bytes?: Uint8Array; headers?: Record<string, string> },
    /** 'binary': a 2xx body is kept as bytes (the CRL); errors still carry a JSON problem. */
    responseType: 'json' | 'binary' = 'json',
    /** For 'binary': a 2xx body longer than this is refused as `invalid-response` without reading the rest. */
    maxBytes = Number.POSITIVE_INFINITY,
  ): Promise<Result<Raw, BackendFailure>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...payload.headers };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    let body: string | Uint8Array | undefined;
    if (payload.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(payload.json);
    } else if (payload.bytes) {
      headers['Content-Type'] = 'application/octet-stream';
      body = payload.bytes;
    }
    try {
      const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body as RequestInit['body'],
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      // Read inside the try: a connection dropped mid-body is a network failure like any other.
      if (responseType === 'binary' && response.ok) {
        const bytes = await readAtMost(response, maxBytes);
        if (bytes === null) return { ok: false, error: { kind: 'invalid-response' } };
        return { ok: true, value: { status: response.status, headers: response.headers, body: null, bytes } };
      }
      const text = method === 'HEAD' ? '' : await response.text();
      return { ok: true, value: { status: response.status, headers: response.headers, body: parseJsonOrNull(text), bytes: null } };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, error: { kind: 'timeout' } };
      const reason = tlsFailureReasonOf(error);
      return { ok: false, error: reason === null ? { kind: 'network' } : { kind: 'tls', reason } };
    }
  }

  private httpFailure(raw: Raw): BackendFailure {
    const problem = problemSchema.safeParse(raw.body);
    return {
      kind: 'http',
      status: raw.status,
      code: problem.success ? problem.data.code : `http-${raw.status}`,
      retryAfterSeconds: parseRetryAfter(raw.headers.get('retry-after')),
    };
  }
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function startsWithPdfMagic(bytes: Uint8Array): boolean {
  return bytes.length > PDF_MAGIC.length && PDF_MAGIC.every((b, i) => bytes[i] === b);
}

/** The body, or null once it is known to exceed `maxBytes` (declared length or bytes read); the rest is not read. */
async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function parseJsonOrNull(text: string): unknown {
  if (text.length === 0) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}
