/**
 * Authentication before the body (issue 16): the browser host checks Host, Origin and token, and
 * the reference backend the bearer token, before reading a byte of a request's body. 50 parallel
 * unauthenticated 30 MB uploads to each are all answered 403 / 401, and memory stays bounded —
 * buffering them would take 1.5 GB. Loopback only.
 */
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendServer, type RunningBackend } from '../../backend/createBackendServer';
import { DEMO_CREDENTIALS } from '../../backend/fixtures/fixtureIds';
import type { WorkstationApi } from '../../core/contract/workstationApi';
import { loadCatalog } from '../../main/app';
import { createWebHost, type WebHost } from '../../main/host/web/createWebHost';
import { REPO_ROOT, stubRendererDir } from '../support/workstationHarness';

const BODY_BYTES = 30 * 1024 * 1024;
const PARALLEL = 50;
/** Growth of this process's RSS while all uploads are answered; buffering them would be ~1.5 GB. */
const MAX_RSS_GROWTH_BYTES = 200 * 1024 * 1024;

interface Upload {
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
}

/** Streams `BODY_BYTES` from one reused chunk (the client itself holds 64 KiB) and resolves with the status, if one came. */
function upload({ url, method, headers }: Upload): Promise<number | string> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  return new Promise((resolve) => {
    let status: number | null = null;
    const request = http.request(url, { method, headers: { ...headers, 'content-length': String(BODY_BYTES) } });
    request.on('response', (response) => {
      status = response.statusCode ?? 0;
      response.resume();
      response.on('end', () => resolve(status!));
      response.on('error', () => resolve(status!));
    });
    // The server closes the connection after its answer: a write still in flight then fails, which is fine once the status is in.
    request.on('error', (error: NodeJS.ErrnoException) => resolve(status ?? error.code ?? 'error'));
    let sent = 0;
    const pump = () => {
      while (sent < BODY_BYTES) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      request.end();
    };
    pump();
  });
}

async function flood(target: Upload): Promise<{ statuses: Record<string, number>; rssGrowth: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const results = await Promise.all(Array.from({ length: PARALLEL }, () => upload(target)));
  clearInterval(sampler);
  if (process.env.FLOOD_STATS) console.warn(`${target.method} ${target.url.pathname}: RSS +${((peak - before) / 1e6).toFixed(0)} MB`);
  const statuses: Record<string, number> = {};
  for (const result of results) statuses[String(result)] = (statuses[String(result)] ?? 0) + 1;
  return { statuses, rssGrowth: peak - before };
}

let backend: RunningBackend;
let host: WebHost;
let dispatched = 0;

beforeAll(async () => {
  const catalog = await loadCatalog(path.join(REPO_ROOT, 'resources'));
  backend = await createBackendServer({ port: 0, stateDir: null, serviceIds: new Set(catalog.services.map((s) => s.id)) });
  // No call may reach the api: a counting stand-in proves it.
  const api = new Proxy({}, { get: () => new Proxy({}, { get: () => async () => { dispatched++; return { ok: true, value: null }; } }) }) as WorkstationApi;
  host = await createWebHost({ api, rendererDir: await stubRendererDir(), port: 0, token: 'the-launch-token', onUnexpectedError: (error) => { throw error; } });
});

afterAll(async () => {
  await host?.close();
  await backend?.close();
});

describe('unauthenticated large bodies', () => {
  it('the browser host answers 50 parallel 30 MB calls without its token 403, before reading them', async () => {
    const url = new URL('/rpc/drafts/importFile', host.origin);
    const { statuses, rssGrowth } = await flood({ url, method: 'POST', headers: { host: url.host, origin: host.origin, 'content-type': 'application/json' } });
    expect(statuses).toEqual({ 403: PARALLEL });
    expect(rssGrowth).toBeLessThan(MAX_RSS_GROWTH_BYTES);
    expect(dispatched).toBe(0);
    // A foreign origin with the right token is refused the same way.
    const foreign = await flood({ url, method: 'POST', headers: { host: url.host, origin: 'http://evil.example', 'content-type': 'application/json', 'x-workstation-token': 'the-launch-token' } });
    expect(foreign.statuses).toEqual({ 403: PARALLEL });
  }, 120_000);

  it('the backend answers 50 parallel 30 MB uploads and submissions without a bearer 401, before reading them', async () => {
    const blob = await flood({ url: new URL(`/v1/blobs/${'a'.repeat(64)}`, backend.url), method: 'PUT', headers: { 'content-type': 'application/octet-stream' } });
    expect(blob.statuses).toEqual({ 401: PARALLEL });
    expect(blob.rssGrowth).toBeLessThan(MAX_RSS_GROWTH_BYTES);
    const submission = await flood({
      url: new URL('/v1/applications', backend.url), method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-session-token' },
    });
    expect(submission.statuses).toEqual({ 401: PARALLEL });
    expect(submission.rssGrowth).toBeLessThan(MAX_RSS_GROWTH_BYTES);
    // And it still serves: a sign-in right after works.
    const login = await fetch(new URL('/v1/session', backend.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...DEMO_CREDENTIALS.operator, workstationId: 'ws-1' }) });
    expect(login.status).toBe(200);
  }, 120_000);
});
