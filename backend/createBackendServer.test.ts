import { access, mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequestRaw } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { healthSchema, problemSchema, registrationSchema } from '../core/backendApi/wire';
import { FIXTURE_IDS } from './fixtures';
import { JSON_BODY_LIMIT_BYTES } from './http/createHttpApp';
import { prepareSubmission, startBackend, type BackendHarness } from './testing/backendHarness';

const NOW = new Date('2026-03-02T05:00:00.000Z');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(options: Parameters<typeof startBackend>[0] = {}): Promise<BackendHarness> {
  const backend = await startBackend({ clock: () => NOW, ...options });
  cleanups.push(() => backend.close());
  return backend;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'psc-backend-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('createBackendServer', () => {
  it('listens on 127.0.0.1 and an ephemeral port by default', async () => {
    const backend = await started();
    expect(backend.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(backend.url).not.toMatch(/:0$/);
  });

  it('answers GET /v1/health without a token', async () => {
    const backend = await started();
    const answer = await backend.request('GET', '/v1/health');
    expect(answer.status).toBe(200);
    expect(healthSchema.parse(answer.body)).toEqual({ status: 'ok', time: '2026-03-02T05:00:00.000Z' });
  });

  it('answers unknown routes and methods with a 404 problem', async () => {
    const backend = await started();
    for (const [method, url] of [['GET', '/nope'], ['DELETE', '/v1/health'], ['GET', `/v1/blobs/${'a'.repeat(64)}`]] as const) {
      const answer = await backend.request(method, url);
      expect(answer.status, `${method} ${url}`).toBe(404);
      expect(problemSchema.parse(answer.body).code).toBe('not-found');
    }
  });

  it('answers malformed JSON with a 400 problem that does not quote the body', async () => {
    const backend = await started();
    const body = `{"login":"${FIXTURE_IDS.activeMan}",`;
    const response = await fetch(`${backend.url}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    expect(problemSchema.parse(JSON.parse(text)).code).toBe('validation-failed');
    expect(text).not.toContain(FIXTURE_IDS.activeMan);
  });

  it('answers a wrong content type with 415 and an oversized JSON body with 413, both as problems', async () => {
    const backend = await started();
    const form = await backend.request('POST', '/v1/session', { json: {}, headers: { 'content-type': 'text/plain' } });
    expect(form.status).toBe(415);
    const huge = await backend.request('POST', '/v1/session', { json: { login: 'x'.repeat(JSON_BODY_LIMIT_BYTES) } });
    expect(huge.status).toBe(413);
    expect(problemSchema.parse(huge.body).code).toBe('validation-failed');
  });

  it('answers a request the HTTP parser rejects with a problem, not an HTML page', async () => {
    const backend = await started();
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequestRaw(`${backend.url}/v1/health`, { headers: { 'x-huge': 'h'.repeat(20_000) } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(431);
    expect(problemSchema.parse(JSON.parse(body)).code).toBe('validation-failed');
  });

  it('when logging is on, logs route templates and never identifiers, names or URLs', async () => {
    const lines: string[] = [];
    const backend = await started({ log: { write: (line) => void lines.push(line) } });
    const token = await backend.login();
    await backend.request('GET', `/v1/registry/persons/${FIXTURE_IDS.activeMan}`, { token });
    await backend.request('GET', `/v1/registry/persons/${FIXTURE_IDS.unknownValidIin}`, { token });
    await backend.request('GET', `/v1/registry/legal-entities/${FIXTURE_IDS.activeCompany}`, { token });
    await fetch(`${backend.url}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"x":"${FIXTURE_IDS.deceased}` });
    const log = lines.join('');
    expect(log).toContain('/v1/registry/persons/:iin');
    for (const secret of [FIXTURE_IDS.activeMan, FIXTURE_IDS.unknownValidIin, FIXTURE_IDS.activeCompany, FIXTURE_IDS.deceased, 'ТЕСТОВ', 'Operator#2026']) {
      expect(log).not.toContain(secret);
    }
  });

  it('with a stateDir, keeps registrations, the sequence, blobs, answers and idempotent replays across a restart', async () => {
    const stateDir = await tempDir();
    const first = await startBackend({ clock: () => NOW, stateDir });
    const oldToken = await first.login();
    const body = await prepareSubmission(first, oldToken);
    const headers = { 'idempotency-key': 'restart-key' };
    const original = registrationSchema.parse((await first.request('POST', '/v1/applications', { token: oldToken, json: body, headers })).body);
    await first.close();

    const second = await started({ stateDir });
    expect((await second.request('GET', '/v1/health', { token: oldToken })).status).toBe(200);
    // Sessions survive the restart too: a backend back from an outage does not sign every counter out.
    expect((await second.request('GET', `/v1/applications/${original.applicationId}`, { token: oldToken })).status).toBe(200);
    const token = await second.login();

    const replay = await second.request('POST', '/v1/applications', { token, json: body, headers });
    expect(replay.status).toBe(200);
    expect(registrationSchema.parse(replay.body)).toEqual(original);
    expect(registrationSchema.parse((await second.request('GET', `/v1/applications/${original.applicationId}`, { token })).body)).toEqual(original);

    const [document] = body.documents;
    expect((await second.request('HEAD', `/v1/blobs/${document?.sha256}`, { token })).status).toBe(200);
    await access(path.join(stateDir, 'blobs', document?.sha256.slice(0, 2) ?? '', document?.sha256.slice(2) ?? ''));

    // The registry answer issued before the restart still backs a new application.
    const next = await second.request('POST', '/v1/applications', { token, json: { ...body, localNumber: 'WS-2' }, headers: { 'idempotency-key': 'k2' } });
    expect(registrationSchema.parse(next.body).registrationNumber).toBe('LIC-2026-000002');
  });

  it('keeps nothing across a restart without a stateDir', async () => {
    const first = await startBackend({ clock: () => NOW });
    const token = await first.login();
    const body = await prepareSubmission(first, token);
    await first.request('POST', '/v1/applications', { token, json: body, headers: { 'idempotency-key': 'k' } });
    await first.close();

    const second = await started();
    const fresh = await second.login();
    const answer = await second.request('POST', '/v1/applications', { token: fresh, json: body, headers: { 'idempotency-key': 'k' } });
    expect(answer.status).toBe(422); // neither the registry answer nor the blob survived
  });

  it('refuses to start on fixtures with an invalid check digit', async () => {
    await expect(
      startBackend({ fixtures: { operators: [], persons: [], legalEntities: [] } }),
    ).rejects.toThrow();
  });
});
