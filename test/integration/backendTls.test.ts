/**
 * TLS to the licensing backend (issue 8 item 5) against the real reference backend serving https
 * on loopback with a throwaway OpenSSL PKI: the configured CA bundle replaces the system roots,
 * every refusal comes back as `{kind:'tls', reason}` (never a plain "network" failure), optional
 * SPKI pins narrow the trust further, and the supervisor's probe shows a pin that works when fed back.
 */
import { X509Certificate } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendServer, type RunningBackend } from '../../backend/createBackendServer';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { createBackendFetch, probeBackend, spkiPin, type BackendFetch, type BackendTlsOptions } from '../../main/adapters/backend/backendTls';
import { HttpLicensingBackend } from '../../main/adapters/backend/HttpLicensingBackend';
import { loadCatalog } from '../../main/app';
import type { LicensingBackend } from '../../main/ports/LicensingBackend';
import { classifyBackendFailure } from '../../core/submission/backendFailure';
import { tlsFixtures, type TlsFixtures, type TlsKeyPair } from '../support/tlsFixtures';
import { completeDraft, demoSigning, REPO_ROOT, startTestWorkstation } from '../support/workstationHarness';
import { waitFor } from '../support/waitFor';

let pki: TlsFixtures;
const servers: RunningBackend[] = [];
const pools: BackendFetch[] = [];
let good: RunningBackend;
let expired: RunningBackend;
let wrongHost: RunningBackend;

const startHttps = async (identity: TlsKeyPair) => {
  const server = await createBackendServer({ port: 0, stateDir: null, serviceIds: new Set(), tls: { certPem: identity.certPem, keyPem: identity.keyPem } });
  servers.push(server);
  return server;
};

const derOf = (pem: string) => new Uint8Array(new X509Certificate(pem).raw);

/** The workstation's client as the composition root builds it: HttpLicensingBackend over createBackendFetch. */
function clientFor(server: RunningBackend, tls: BackendTlsOptions): HttpLicensingBackend {
  const pool = createBackendFetch(tls);
  pools.push(pool);
  return new HttpLicensingBackend({ baseUrl: server.url, timeoutMs: 5_000, fetch: pool.fetch });
}

beforeAll(async () => {
  pki = await tlsFixtures();
  [good, expired, wrongHost] = await Promise.all([startHttps(pki.server), startHttps(pki.expired), startHttps(pki.wrongHost)]);
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  await Promise.all(servers.map((s) => s.close()));
});

describe('HttpLicensingBackend over createBackendFetch', () => {
  it('the reference backend serves https on loopback', () => {
    expect(good.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('trusts the server through the configured CA bundle: health and login work', async () => {
    const client = clientFor(good, { caPem: pki.caPem, pins: [] });
    expect(await client.health()).toEqual({ ok: true, value: null });
    const session = await client.createSession({ ...DEMO_CREDENTIALS.operator, workstationId: 'ws-tls-test' });
    expect(session).toMatchObject({ ok: true, value: { operator: { login: DEMO_CREDENTIALS.operator.login }, token: expect.any(String) } });
    // Wrong password is an HTTP answer over the same trusted connection, not a TLS problem.
    expect(await client.createSession({ login: DEMO_CREDENTIALS.operator.login, password: 'wrong', workstationId: 'ws-tls-test' })).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 401 },
    });
  });

  it('without a bundle only the system roots count: the test CA is untrusted', async () => {
    expect(await clientFor(good, { caPem: null, pins: [] }).health()).toEqual({ ok: false, error: { kind: 'tls', reason: 'untrusted-certificate' } });
  });

  it('a bundle replaces the system roots: an unrelated CA does not vouch for the server', async () => {
    expect(await clientFor(good, { caPem: pki.otherCaPem, pins: [] }).health()).toEqual({ ok: false, error: { kind: 'tls', reason: 'untrusted-certificate' } });
  });

  it('refuses an expired certificate as expired-certificate', async () => {
    expect(await clientFor(expired, { caPem: pki.caPem, pins: [] }).health()).toEqual({ ok: false, error: { kind: 'tls', reason: 'expired-certificate' } });
  });

  it('refuses a certificate for another host name as hostname-mismatch', async () => {
    expect(await clientFor(wrongHost, { caPem: pki.caPem, pins: [] }).health()).toEqual({ ok: false, error: { kind: 'tls', reason: 'hostname-mismatch' } });
  });

  it('accepts a pin of the leaf or of the CA (which the server does not even send)', async () => {
    for (const pin of [spkiPin(derOf(pki.server.certPem)), spkiPin(derOf(pki.caPem))]) {
      const client = clientFor(good, { caPem: pki.caPem, pins: [spkiPin(derOf(pki.otherCaPem)), pin] });
      expect(await client.health(), pin).toEqual({ ok: true, value: null });
    }
  });

  it('refuses a chain that matches no pin as pin-mismatch, and the outbox keeps such applications waiting', async () => {
    const answer = await clientFor(good, { caPem: pki.caPem, pins: [spkiPin(derOf(pki.otherCaPem))] }).health();
    expect(answer).toEqual({ ok: false, error: { kind: 'tls', reason: 'pin-mismatch' } });
    if (answer.ok) throw new Error('unreachable');
    expect(classifyBackendFailure(answer.error)).toEqual({ action: 'retry', notBeforeMs: null });
  });

  it('checks pins only after the chain: a pinned but untrusted server is still untrusted', async () => {
    const answer = await clientFor(good, { caPem: pki.otherCaPem, pins: [spkiPin(derOf(pki.server.certPem))] }).health();
    expect(answer).toEqual({ ok: false, error: { kind: 'tls', reason: 'untrusted-certificate' } });
  });

  it('keeps talking over the pooled connection (several requests, one pool)', async () => {
    const client = clientFor(good, { caPem: pki.caPem, pins: [spkiPin(derOf(pki.caPem))] });
    const answers = await Promise.all([client.health(), client.health(), client.fetchRevocationLists()]);
    expect(answers.map((a) => a.ok)).toEqual([true, true, true]);
    expect(await client.health()).toEqual({ ok: true, value: null });
  });
});

describe('probeBackend', () => {
  it('reports latency and the leaf certificate; its pin, fed back in, is accepted', async () => {
    const probe = await probeBackend(good.url, { caPem: pki.caPem, pins: [] }, 5_000);
    const leaf = new X509Certificate(pki.server.certPem);
    expect(probe).toEqual({
      ok: true,
      value: {
        latencyMs: expect.any(Number),
        certificate: { subject: '127.0.0.1', issuer: 'PSC Test Backend CA', validTo: new Date(leaf.validTo).toISOString(), pin: spkiPin(leaf.raw) },
      },
    });
    if (!probe.ok || probe.value.certificate === null) throw new Error('no certificate');
    const pinned = { caPem: pki.caPem, pins: [probe.value.certificate.pin] };
    expect((await probeBackend(`${good.url}/`, pinned, 5_000)).ok).toBe(true);
    expect(await clientFor(good, pinned).health()).toEqual({ ok: true, value: null });
  });

  it('names the TLS reason when the server is refused', async () => {
    expect(await probeBackend(good.url, { caPem: null, pins: [] }, 5_000)).toEqual({ ok: false, error: { kind: 'tls', reason: 'untrusted-certificate' } });
    expect(await probeBackend(expired.url, { caPem: pki.caPem, pins: [] }, 5_000)).toEqual({ ok: false, error: { kind: 'tls', reason: 'expired-certificate' } });
    expect(await probeBackend(wrongHost.url, { caPem: pki.caPem, pins: [] }, 5_000)).toEqual({ ok: false, error: { kind: 'tls', reason: 'hostname-mismatch' } });
    const wrongPin = { caPem: pki.caPem, pins: [spkiPin(derOf(pki.otherCaPem))] };
    expect(await probeBackend(good.url, wrongPin, 5_000)).toEqual({ ok: false, error: { kind: 'tls', reason: 'pin-mismatch' } });
  });

  it('says handshake-failed when https meets a plain-http server, and no certificate over plain http', async () => {
    const plain = await createBackendServer({ port: 0, stateDir: null, serviceIds: new Set() });
    servers.push(plain);
    const httpsToPlain = plain.url.replace(/^http:/, 'https:');
    expect(await probeBackend(httpsToPlain, { caPem: pki.caPem, pins: [] }, 5_000)).toEqual({ ok: false, error: { kind: 'tls', reason: 'handshake-failed' } });
    expect(await probeBackend(plain.url, { caPem: null, pins: [] }, 5_000)).toEqual({ ok: true, value: { latencyMs: expect.any(Number), certificate: null } });
  });

  it('gives up after its time budget on a server that accepts the connection and never answers', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      expect(await probeBackend(`https://127.0.0.1:${port}`, { caPem: pki.caPem, pins: [] }, 200)).toEqual({ ok: false, error: { kind: 'timeout' } });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('tells unreachable from not-a-backend', async () => {
    const closed = await createBackendServer({ port: 0, stateDir: null, serviceIds: new Set() });
    const url = closed.url;
    await closed.close();
    expect(await probeBackend(url, { caPem: null, pins: [] }, 5_000)).toEqual({ ok: false, error: { kind: 'unreachable' } });
    // Something answers over trusted TLS, but /v1/health is not there.
    expect(await probeBackend(`${good.url}/v1/registry`, { caPem: pki.caPem, pins: [] }, 5_000)).toEqual({ ok: false, error: { kind: 'not-a-backend' } });
  });
});

/** Forwards to whichever client is current: the administrator "fixing the certificate" without a restart of the test workstation. */
function switchableBackend(initial: LicensingBackend): { readonly backend: LicensingBackend; use(next: LicensingBackend): void } {
  let current = initial;
  const backend = new Proxy(initial, {
    get: (_target, key) => {
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
  return { backend, use: (next) => (current = next) };
}

describe('the workstation behind a refused certificate', () => {
  it('keeps the application waiting, says why in the connectivity state, and registers it once the trust is fixed', async () => {
    const catalog = await loadCatalog(path.join(REPO_ROOT, 'resources'));
    const server = await createBackendServer({
      port: 0,
      stateDir: null,
      serviceIds: new Set(catalog.services.map((s) => s.id)),
      tls: { certPem: pki.server.certPem, keyPem: pki.server.keyPem },
    });
    servers.push(server);
    const trusted = clientFor(server, { caPem: pki.caPem, pins: [] });
    const refused = clientFor(server, { caPem: pki.caPem, pins: [spkiPin(derOf(pki.otherCaPem))] });
    const switchable = switchableBackend(trusted);
    // random() = 0 makes every backoff zero, so the sender retries on its next pass.
    const workstation = await startTestWorkstation({ backend: switchable.backend, random: () => 0, sendBudgetMs: 3_000 });
    try {
      const { api } = workstation;
      expect((await api.session.login(DEMO_CREDENTIALS.operator)).ok).toBe(true);
      const card = await api.registry.lookupApplicant({ kind: 'individual', iin: FIXTURE_IDS.activeWoman });
      if (!card.ok) throw new Error('lookup failed');
      const draftId = await completeDraft(api, { serviceId: '002-a1-lottery-2014', subtype: 'issue', applicantSnapshotId: card.value.snapshotId, representativeSnapshotId: null });

      switchable.use(refused);
      const accepted = await api.submissions.submitDraft(draftId, demoSigning());
      if (!accepted.ok) throw new Error('not accepted');
      const offline = await waitFor(async () => {
        const status = await api.queue.status();
        return status.ok && status.value.connectivity.state === 'offline' ? status.value.connectivity : null;
      });
      expect(offline).toMatchObject({ state: 'offline', tlsProblem: 'pin-mismatch' });
      const waiting = await api.submissions.list();
      expect(waiting.ok && waiting.value.find((a) => a.applicationId === accepted.value.applicationId)?.state).toBe('accepted');

      switchable.use(trusted);
      const registered = await waitFor(async () => {
        const list = await api.submissions.list();
        const app = list.ok ? list.value.find((a) => a.applicationId === accepted.value.applicationId) : undefined;
        return app?.state === 'registered' ? app : null;
      });
      expect(registered.registrationNumber).toMatch(/\d/);
      const status = await api.queue.status();
      expect(status.ok && status.value.connectivity).toMatchObject({ state: 'online' });
    } finally {
      await workstation.close();
    }
  });
});
