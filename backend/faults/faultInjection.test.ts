/**
 * Each fault through real HTTP against the reference backend: what a client on the other end of
 * the socket sees, and what the backend did (or did not do) behind it.
 */
import { request as httpRequestRaw } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { problemSchema, registrationSchema } from '../../core/backendApi/wire';
import { createBackendServer } from '../createBackendServer';
import { FIXTURE_IDS } from '../fixtures';
import { fakePdf, prepareSubmission, sha256Hex, startBackend, TEST_SERVICE_ID, type BackendHarness } from '../testing/backendHarness';
import { FaultPlanError, type FaultPlan } from '.';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(faults: FaultPlan | null = null, log: string[] | null = null): Promise<BackendHarness> {
  const backend = await startBackend({ faults, ...(log ? { log: { write: (line: string) => void log.push(line) } } : {}) });
  cleanups.push(() => backend.close());
  return backend;
}

type RawAnswer = { readonly status: number; readonly headers: Record<string, string | string[] | undefined>; readonly body: string } | { readonly error: string };

/**
 * One request on its own connection (no keep-alive pool), reporting a reset or a timeout as the
 * socket error code instead of throwing, so a test can say exactly what the client saw.
 */
function raw(baseUrl: string, method: string, path: string, options: { token?: string; json?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const body = options.json === undefined ? undefined : JSON.stringify(options.json);
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const request = httpRequestRaw(`${baseUrl}${path}`, { method, headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      response.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    if (options.timeoutMs !== undefined) request.setTimeout(options.timeoutMs, () => request.destroy(Object.assign(new Error('timeout'), { code: 'CLIENT_TIMEOUT' })));
    request.end(body);
  });
}

const problemOf = (answer: RawAnswer) => ('body' in answer ? problemSchema.parse(JSON.parse(answer.body)) : null);
const lookupPath = `/v1/registry/persons/${FIXTURE_IDS.activeMan}`;

describe('fault injection over HTTP', () => {
  it('answers 5xx with a problem body on API routes, drawing the status from errorStatuses; health stays up', async () => {
    const backend = await started();
    const token = await backend.login();
    backend.faults.set({ seed: 1, errorRate: 1, errorStatuses: [502, 503] });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const answer = await raw(backend.url, 'GET', lookupPath, { token });
      if (!('status' in answer)) throw new Error(answer.error);
      statuses.add(answer.status);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(problemOf(answer)?.code).toBe(answer.status === 502 ? 'bad-gateway' : 'service-unavailable');
    }
    expect([...statuses].sort()).toEqual([502, 503]);
    expect((await backend.request('GET', '/v1/health')).status).toBe(200);
    expect(backend.faults.counts()['server-error']).toBe(12);
  });

  it('answers 429 with Retry-After in seconds, before authentication', async () => {
    const backend = await started({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const answer = await raw(backend.url, 'GET', lookupPath);
    expect(answer).toMatchObject({ status: 429, headers: { 'retry-after': '7' } });
    expect(problemOf(answer)?.code).toBe('rate-limited');
  });

  it('resets the connection without answering, and the route never runs', async () => {
    const backend = await started();
    const token = await backend.login();
    backend.faults.set({ resetRate: 1 });
    const pdf = fakePdf('reset');
    const put = await new Promise<RawAnswer>((resolve) => {
      const request = httpRequestRaw(`${backend.url}/v1/blobs/${sha256Hex(pdf)}`, {
        method: 'PUT',
        agent: false,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': String(pdf.length) },
      }, (response) => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: '' }));
      request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
      request.end(pdf);
    });
    expect(put).toEqual({ error: expect.stringMatching(/^(ECONNRESET|EPIPE)$/) });
    backend.faults.clear();
    expect((await backend.request('HEAD', `/v1/blobs/${sha256Hex(pdf)}`, { token })).status).toBe(404);
    expect(backend.faults.counts().reset).toBe(1);
  });

  it('hangs until the client gives up, and a hung request does not keep the server from closing', async () => {
    const backend = await startBackend({ faults: { hangRate: 1 } });
    const startedAt = performance.now();
    expect(await raw(backend.url, 'GET', lookupPath, { timeoutMs: 300 })).toEqual({ error: 'CLIENT_TIMEOUT' });
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(290);
    // A client that never gives up: close() releases it (the client sees a reset) and finishes.
    const forever = raw(backend.url, 'GET', lookupPath);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = performance.now();
    await backend.close();
    expect(performance.now() - closing).toBeLessThan(2_000);
    expect(await forever).toHaveProperty('error');
    expect(backend.faults.counts().hang).toBe(2);
  });

  it('registers an application and then loses the answer: the retry with the same key gets the same registration', async () => {
    const backend = await started();
    const token = await backend.login();
    const submission = await prepareSubmission(backend, token);
    const key = '4f0c2b1e-9b7a-4c55-8f3e-2d6a1c9e7b10';
    backend.faults.set({ lostResponseRate: 1 });

    const lost = await raw(backend.url, 'POST', '/v1/applications', { token, json: submission, headers: { 'idempotency-key': key } });
    expect(lost).toEqual({ error: 'ECONNRESET' });
    expect(backend.faults.counts()['lose-response']).toBe(1);

    // Still faulty, but only a fresh registration (201) loses its answer: the replay (200) arrives.
    const retry = await backend.request('POST', '/v1/applications', { token, json: submission, headers: { 'idempotency-key': key } });
    expect(retry.status).toBe(200);
    const registration = registrationSchema.parse(retry.body);
    expect(registration.registrationNumber).toMatch(/-0*1$/);
    expect((await backend.request('GET', `/v1/applications/${registration.applicationId}`, { token })).status).toBe(200);

    // A submission the backend refuses is answered: nothing was registered, so nothing is lost.
    const refused = await raw(backend.url, 'POST', '/v1/applications', { token, json: { ...submission, serviceId: 'nope' }, headers: { 'idempotency-key': 'other-key' } });
    expect(refused).toMatchObject({ status: 422 });
    expect(problemOf(refused)?.code).toBe('unknown-service');
    expect(backend.faults.counts()['lose-response']).toBe(1);
  });

  it('adds fixed latency plus seeded jitter to API routes only', async () => {
    const backend = await started({ latency: { fixedMs: 300, jitterMs: 50 } });
    const timed = async (path: string) => {
      const t0 = performance.now();
      await raw(backend.url, 'GET', path);
      return performance.now() - t0;
    };
    expect(await timed(lookupPath)).toBeGreaterThanOrEqual(295);
    expect(await timed('/v1/health')).toBeLessThan(300);
  });

  it('takes the whole backend down during an outage window, health included, then comes back', async () => {
    const backend = await started();
    backend.faults.set({ outage: { startMs: 0, durationMs: 1_000 } });
    const setAt = performance.now();
    const during = await raw(backend.url, 'GET', '/v1/health');
    expect(during).toMatchObject({ status: 503 });
    expect(problemOf(during)?.code).toBe('service-unavailable');
    expect(await raw(backend.url, 'POST', '/v1/session', { json: {} })).toMatchObject({ status: 503 });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, setAt + 1_050 - performance.now())));
    expect(await raw(backend.url, 'GET', '/v1/health')).toMatchObject({ status: 200 });

    // A dead host rather than a 503: connections are reset, until cleared.
    backend.faults.set({ outage: { mode: 'reset' } });
    expect(await raw(backend.url, 'GET', '/v1/health')).toEqual({ error: 'ECONNRESET' });
    backend.faults.clear();
    expect(await raw(backend.url, 'GET', '/v1/health')).toMatchObject({ status: 200 });
    expect(backend.faults.counts().outage).toBe(3);
  });

  it('limits rated faults to the listed routes', async () => {
    const backend = await started();
    const token = await backend.login();
    backend.faults.set({ routes: ['/v1/applications'], errorRate: 1 });
    expect((await backend.request('GET', lookupPath, { token })).status).toBe(200);
    expect((await backend.request('POST', '/v1/applications', { token, json: {}, headers: { 'idempotency-key': 'k' } })).status).toBeGreaterThanOrEqual(500);
  });

  it('injects the same faults in the same order for the same seed', async () => {
    const plan: FaultPlan = { seed: 2026, errorRate: 0.3, rateLimitRate: 0.2, resetRate: 0.1 };
    const sequence = async () => {
      const backend = await started(plan);
      const seen: Array<number | string> = [];
      for (let i = 0; i < 30; i++) {
        const answer = await raw(backend.url, 'GET', lookupPath);
        seen.push('status' in answer ? answer.status : answer.error);
      }
      return seen;
    };
    const first = await sequence();
    expect(await sequence()).toEqual(first);
    // Unauthenticated lookups: 401 when no fault was drawn.
    expect(new Set(first)).toEqual(new Set([401, 429, 'ECONNRESET', 500, 502, 503, 504].filter((v) => first.includes(v))));
    expect(first).toContain(401);
    expect(first.some((v) => typeof v === 'number' && v >= 500)).toBe(true);
  });

  it('logs faults by kind and route template, never the URL or an identifier', async () => {
    const lines: string[] = [];
    const backend = await started(null, lines);
    const token = await backend.login();
    backend.faults.set({ errorRate: 1 });
    await raw(backend.url, 'GET', lookupPath, { token });
    await raw(backend.url, 'GET', `/v1/registry/legal-entities/${FIXTURE_IDS.activeCompany}`, { token });
    const faults = lines.filter((line) => line.includes('fault injected'));
    expect(faults).toHaveLength(2);
    expect(faults[0]).toContain('"route":"/v1/registry/persons/:iin"');
    expect(faults[0]).toContain('"fault":"server-error"');
    const all = lines.join('\n');
    expect(all).not.toContain(FIXTURE_IDS.activeMan);
    expect(all).not.toContain(FIXTURE_IDS.activeCompany);
  });

  it('refuses to start with an invalid plan', async () => {
    await expect(createBackendServer({ serviceIds: new Set([TEST_SERVICE_ID]), faults: { errorRate: 2 } })).rejects.toThrow(FaultPlanError);
  });
});
