/**
 * HTTP to one eSCL scanner (`<url>/ScannerCapabilities`, `/ScannerStatus`, `/ScanJobs`, a job's
 * `NextDocument`, DELETE of a job), with a time limit on every request, bodies capped in size,
 * no redirects followed, and job locations accepted only on the scanner's own origin.
 * Every outcome is a value: the adapter decides what it means for the operator.
 */
export type EsclAnswer<T> =
  | { readonly kind: 'ok'; readonly value: T }
  /** HTTP status other than the expected one. */
  | { readonly kind: 'http'; readonly status: number; readonly retryAfterMs: number | null }
  /** Nothing answered (refused, unreachable, reset) or the answer did not arrive in time. */
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'aborted' };

export interface EsclDocument {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

export interface EsclClientOptions {
  /** The scanner's eSCL root, e.g. `http://192.0.2.10/eSCL` (trailing slash optional). */
  readonly url: string;
  /** Capabilities, status, job creation and deletion; default 10 s. */
  readonly requestTimeoutMs?: number;
  /** One page; a feeder scanner can take long to pull a sheet; default 120 s. */
  readonly pageTimeoutMs?: number;
  /** Largest page accepted; default 200 MB (an A4 600 dpi colour PNG fits). */
  readonly maxPageBytes?: number;
}

const MAX_XML_BYTES = 2 * 1024 * 1024;

export class EsclClient {
  private readonly root: URL;

  constructor(private readonly options: EsclClientOptions) {
    this.root = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  }

  get origin(): string {
    return this.root.origin;
  }

  capabilities(signal?: AbortSignal): Promise<EsclAnswer<string>> {
    return this.text('GET', new URL('ScannerCapabilities', this.root), signal);
  }

  status(signal?: AbortSignal): Promise<EsclAnswer<string>> {
    return this.text('GET', new URL('ScannerStatus', this.root), signal);
  }

  /** POST ScanJobs → 201 with the job's absolute URL (from Location, on the scanner's origin). */
  async createJob(settingsXml: string, signal?: AbortSignal): Promise<EsclAnswer<URL>> {
    const answer = await this.send('POST', new URL('ScanJobs', this.root), this.options.requestTimeoutMs ?? 10_000, signal, settingsXml);
    if (answer.kind !== 'ok') return answer;
    const response = answer.value;
    await drain(response);
    if (response.status !== 201) return { kind: 'http', status: response.status, retryAfterMs: retryAfter(response) };
    const location = response.headers.get('location');
    if (!location) return { kind: 'http', status: 502, retryAfterMs: null };
    let job: URL;
    try {
      job = new URL(location, this.root);
    } catch {
      return { kind: 'http', status: 502, retryAfterMs: null };
    }
    // A job elsewhere than the scanner itself is refused: we never fetch from an address the answer chose.
    if (job.origin !== this.root.origin) return { kind: 'http', status: 502, retryAfterMs: null };
    return { kind: 'ok', value: job };
  }

  /** GET <job>/NextDocument → one page (200), or the status that ends or delays the job (404, 409, 410, 503). */
  async nextDocument(job: URL, signal?: AbortSignal): Promise<EsclAnswer<EsclDocument>> {
    const url = new URL(`${job.pathname.replace(/\/$/, '')}/NextDocument`, job);
    const answer = await this.send('GET', url, this.options.pageTimeoutMs ?? 120_000, signal);
    if (answer.kind !== 'ok') return answer;
    const response = answer.value;
    if (response.status !== 200) {
      await drain(response);
      return { kind: 'http', status: response.status, retryAfterMs: retryAfter(response) };
    }
    const body = await readCapped(response, this.options.maxPageBytes ?? 200 * 1024 * 1024);
    if (body.kind !== 'ok') return body;
    return { kind: 'ok', value: { bytes: body.value, contentType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() } };
  }

  /** DELETE <job>: cancels it on the scanner (a gone job, 404/410, is cancelled already). */
  async deleteJob(job: URL): Promise<void> {
    const answer = await this.send('DELETE', job, this.options.requestTimeoutMs ?? 10_000, undefined);
    if (answer.kind === 'ok') await drain(answer.value);
  }

  private async text(method: 'GET', url: URL, signal: AbortSignal | undefined): Promise<EsclAnswer<string>> {
    const answer = await this.send(method, url, this.options.requestTimeoutMs ?? 10_000, signal);
    if (answer.kind !== 'ok') return answer;
    const response = answer.value;
    if (response.status !== 200) {
      await drain(response);
      return { kind: 'http', status: response.status, retryAfterMs: retryAfter(response) };
    }
    const body = await readCapped(response, MAX_XML_BYTES);
    return body.kind === 'ok' ? { kind: 'ok', value: new TextDecoder().decode(body.value) } : body;
  }

  private async send(method: 'GET' | 'POST' | 'DELETE', url: URL, timeoutMs: number, signal: AbortSignal | undefined, xml?: string): Promise<EsclAnswer<Response>> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const response = await fetch(url, {
        method,
        redirect: 'manual',
        signal: combined,
        ...(xml !== undefined ? { body: xml, headers: { 'Content-Type': 'text/xml' } } : {}),
      });
      return { kind: 'ok', value: response };
    } catch {
      if (signal?.aborted) return { kind: 'aborted' };
      if (timeout.aborted) return { kind: 'timeout' };
      return { kind: 'unreachable' };
    }
  }
}

/**
 * Reads a short answer to its end instead of dropping the connection under it: some eSCL servers
 * (AirSane among them) die of SIGPIPE when the client closes while they still write.
 */
async function drain(response: Response): Promise<void> {
  await readCapped(response, MAX_XML_BYTES).catch(() => undefined);
}

function retryAfter(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 30) * 1000 : null;
}

/** Reads a body up to `limit` bytes; a longer one, or one cut off mid-way, is not a page. */
async function readCapped(response: Response, limit: number): Promise<EsclAnswer<Uint8Array>> {
  if (!response.body) return { kind: 'ok', value: new Uint8Array() };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return { kind: 'http', status: 413, retryAfterMs: null };
      }
      chunks.push(value);
    }
  } catch {
    // The connection broke mid-body (a scanner that stops mid-page).
    return { kind: 'unreachable' };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'ok', value: bytes };
}
