/**
 * Test helpers for talking to a real backend over HTTP (global fetch). Not used in production;
 * lives beside the backend so any test in the project can start one.
 */
import { createHash } from 'node:crypto';
import { problemSchema, registryAnswerSchema, sessionResponseSchema, type ApplicationSubmissionBody } from '../../core/backendApi/wire';
import { createBackendServer, type BackendServerOptions, type RunningBackend } from '../createBackendServer';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../fixtures';

export const TEST_SERVICE_ID = '001-test-licence';

/** What result documents print for TEST_SERVICE_ID (the backend takes these from the catalog). */
export const TEST_SERVICE_TITLES = {
  title: { kk: 'Сынақ қызметімен айналысуға лицензия беру', ru: 'Выдача лицензии на занятие тестовой деятельностью' },
  provider: { kk: 'Сынақ лицензиялау басқармасы', ru: 'Тестовое управление лицензирования' },
} as const;

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON body; undefined when the body is empty or not JSON. */
  readonly body: unknown;
  /** The body as received. */
  readonly bytes: Uint8Array;
}

export interface RequestOptions {
  readonly token?: string;
  readonly json?: unknown;
  readonly bytes?: Uint8Array<ArrayBuffer>;
  readonly headers?: Record<string, string>;
}

export interface BackendHarness extends RunningBackend {
  request(method: string, path: string, options?: RequestOptions): Promise<HttpAnswer>;
  login(credentials?: { login: string; password: string }): Promise<string>;
}

export async function startBackend(options: Partial<BackendServerOptions> = {}): Promise<BackendHarness> {
  const backend = await createBackendServer({
    serviceIds: new Set([TEST_SERVICE_ID]),
    serviceTitles: new Map([[TEST_SERVICE_ID, TEST_SERVICE_TITLES]]),
    ...options,
  });
  const request = (method: string, path: string, init: RequestOptions = {}) => httpRequest(backend.url, method, path, init);
  return {
    ...backend,
    request,
    async login(credentials = DEMO_CREDENTIALS.operator) {
      const answer = await request('POST', '/v1/session', { json: { ...credentials, workstationId: 'ws-test' } });
      if (answer.status !== 200) throw new Error(`login failed with ${answer.status}`);
      return sessionResponseSchema.parse(answer.body).token;
    },
  };
}

/**
 * One HTTP exchange. Enforces the contract every answer shares: a non-2xx answer (other than to
 * HEAD) is a JSON problem with a stable code.
 */
export async function httpRequest(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.bytes !== undefined) {
    headers['content-type'] ??= 'application/octet-stream';
    body = options.bytes;
  }
  const response = await fetch(baseUrl + path, { method, headers, body });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const isJson = response.headers.get('content-type')?.startsWith('application/json') === true;
  const parsed: unknown = bytes.length > 0 && isJson ? JSON.parse(new TextDecoder().decode(bytes)) : undefined;
  if (response.status >= 300 && method !== 'HEAD') {
    if (!isJson) throw new Error(`${response.status} answer is not JSON`);
    problemSchema.parse(parsed);
  }
  return { status: response.status, headers: response.headers, body: parsed, bytes };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A minimal one-page PDF (valid: catalog, page tree, cross-reference table) whose bytes (and so digest) differ per `label`. */
export function fakePdf(label: string): Uint8Array<ArrayBuffer> {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  // The label is ASCII-safe in a comment line, so the offsets below count bytes correctly.
  let text = `%PDF-1.7\n% test document ${encodeURIComponent(label)}\n`;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(text);
}

/**
 * Looks the applicant up (`overrides.applicant`, default activeMan) and uploads one document, then
 * returns a submission that registers.
 */
export async function prepareSubmission(
  harness: BackendHarness,
  token: string,
  overrides: Partial<ApplicationSubmissionBody> = {},
): Promise<ApplicationSubmissionBody> {
  const applicant = overrides.applicant ?? { kind: 'individual', iin: FIXTURE_IDS.activeMan };
  const registryPath = applicant.kind === 'individual' ? `/v1/registry/persons/${applicant.iin}` : `/v1/registry/legal-entities/${applicant.bin}`;
  const lookup = await harness.request('GET', registryPath, { token });
  const answer = registryAnswerSchema.parse(lookup.body);
  const pdf = fakePdf(`for ${answer.answerId}`);
  const upload = await harness.request('PUT', `/v1/blobs/${sha256Hex(pdf)}`, { token, bytes: pdf });
  if (upload.status !== 201) throw new Error(`upload failed with ${upload.status}`);
  return {
    serviceId: TEST_SERVICE_ID,
    subtype: 'issue',
    applicant,
    registryAnswerId: answer.answerId,
    representative: null,
    documents: [{ sha256: sha256Hex(pdf), fileName: 'өтініш.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length }],
    localNumber: 'WS-2026-0001',
    workstationId: 'ws-test',
    acceptedAt: '2026-03-02T10:15:00+05:00',
    ...overrides,
  };
}
