// NcaLayerSigner against FakeNcaLayerAgent (the documented protocol, real CMS from the test PKI),
// with the OpenSSL CLI as the independent verifier of what comes back.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireSystemTool } from '../../../test/support/requireSystemTool';
import type { SignPolicy } from '../../ports/Signer';
import { generateTestPki, type TestKeyName, type TestPki } from '../../../test/support/testPki/generateTestPki';
import { signPolicy } from '../../../test/support/testPki/signPolicy';
import { FakeNcaLayerAgent, type FakeAgentMode, type FakeAgentTls } from '../../../test/support/ncaLayer/FakeNcaLayerAgent';
import { NcaLayerSigner, type NcaLayerSignerOptions } from './NcaLayerSigner';

const OPERATOR_IIN = '850415312343';
const OTHER_IIN = '901120412403';
const PASSWORD = 'Test-пароль-1';
const data = new TextEncoder().encode('{"service":"Жеке куәлік беру","applicant":{"iin":"850415312343"},"idempotencyKey":"0b7c1f0e"}');

let dir = '';
let pki: TestPki;
let policy: SignPolicy;
let agentTls: FakeAgentTls;
const agents: FakeNcaLayerAgent[] = [];

const startAgent = async (mode: FakeAgentMode, tls?: FakeAgentTls): Promise<FakeNcaLayerAgent> => {
  const agent = await FakeNcaLayerAgent.start(mode, tls === undefined ? {} : { tls });
  agents.push(agent);
  return agent;
};
const key = (name: TestKeyName) => ({ p12: pki.keys[name].p12, password: PASSWORD });
const signerFor = (url: string, overrides: Partial<NcaLayerSignerOptions> = {}): NcaLayerSigner =>
  new NcaLayerSigner({ url, timeoutMs: 10_000, connectTimeoutMs: 2_000, locale: () => 'kk', ...overrides });
/** 'signed', the agent's failure, or the problem of the key it signed with. */
const kindOf = (result: Awaited<ReturnType<NcaLayerSigner['sign']>>): string =>
  result.ok ? 'signed' : result.error.kind === 'certificate-refused' ? result.error.problem.kind : result.error.kind;

const run = (tool: string, args: string[]): { status: number | null; stderr: string } => {
  const result = spawnSync(tool, args, { cwd: dir, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stderr: result.stderr };
};
/** `openssl cms -verify` of a detached CMS over `content`, trusting only the test CA. */
const opensslVerify = (cmsDer: Uint8Array, content: Uint8Array): { status: number | null; stderr: string } => {
  writeFileSync(path.join(dir, 'sig.p7s'), cmsDer);
  writeFileSync(path.join(dir, 'content.bin'), content);
  return run('openssl', [
    'cms', '-verify', '-binary', '-inform', 'DER', '-in', 'sig.p7s', '-content', 'content.bin',
    '-CAfile', 'ca.pem', '-purpose', 'any', '-out', '/dev/null',
  ]);
};
const until = async (condition: () => boolean, timeoutMs: number): Promise<boolean> => {
  const end = Date.now() + timeoutMs;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10));
  return condition();
};

beforeAll(async () => {
  requireSystemTool('openssl', 'openssl', ['version'], { mustSucceed: true });
  const now = new Date();
  pki = await generateTestPki({ now, operatorIin: OPERATOR_IIN, otherIin: OTHER_IIN, password: PASSWORD });
  policy = signPolicy({ operatorIin: OPERATOR_IIN, now, trusted: [pki.ca.certPem], crls: [pki.crlDer] });
  dir = mkdtempSync(path.join(tmpdir(), 'ncalayer-signer-'));
  writeFileSync(path.join(dir, 'ca.pem'), pki.ca.certPem);
  // NCALayer serves wss:// with its own certificate for 127.0.0.1.
  const tls = run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'agent.key', '-out', 'agent.pem', '-days', '2',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ]);
  if (tls.status !== 0) throw new Error(tls.stderr);
  agentTls = { certPem: readFileSync(path.join(dir, 'agent.pem'), 'utf8'), keyPem: readFileSync(path.join(dir, 'agent.key'), 'utf8') };
}, 60_000);

afterEach(async () => {
  await Promise.all(agents.splice(0).map((agent) => agent.close()));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('NcaLayerSigner', () => {
  it('signs with the operator’s key through basics.sign; OpenSSL verifies the detached CMS', async () => {
    const agent = await startAgent({ mode: 'sign', key: key('valid'), operatorIin: OPERATOR_IIN });
    const result = await signerFor(agent.url).sign(data, policy);
    if (!result.ok) throw new Error(`signing failed: ${result.error.kind}`);
    const verified = opensslVerify(result.value.cmsDer, data);
    expect(verified.status, verified.stderr).toBe(0);
    const tampered = Uint8Array.from(data);
    tampered[3] = (tampered[3] ?? 0) ^ 0x01;
    expect(opensslVerify(result.value.cmsDer, tampered).status).not.toBe(0);
  });

  it('asks for a detached CMS of the Base64 data, pinned to the operator’s IIN, in the operator’s language', async () => {
    const agent = await startAgent({ mode: 'sign', key: key('valid'), operatorIin: OPERATOR_IIN });
    await signerFor(agent.url, { locale: () => 'ru' }).sign(data, policy);
    expect(agent.requests).toEqual([
      {
        module: 'kz.gov.pki.knca.basics',
        method: 'sign',
        args: {
          allowedStorages: null,
          format: 'cms',
          data: Buffer.from(data).toString('base64'),
          signingParams: { decode: true, encapsulate: false, digested: false },
          signerParams: { extKeyUsageOids: [], iin: OPERATOR_IIN, chain: [] },
          locale: 'ru',
        },
      },
    ]);
    expect(await until(() => agent.openConnections === 0, 1_000)).toBe(true); // hung up after the reply
  });

  it('gets nothing when the agent offers only another person’s keys (the IIN pin is enforced)', async () => {
    const agent = await startAgent({ mode: 'sign', key: key('wrongIin'), operatorIin: OTHER_IIN });
    expect(kindOf(await signerFor(agent.url).sign(data, policy))).toBe('agent-error');
    expect(agent.requests).toHaveLength(1);
  });

  it.each(['base64', 'array', 'outputCert'] as const)('accepts the %s result shape as well as PEM', async (output) => {
    const agent = await startAgent({ mode: 'sign', key: key('valid'), operatorIin: OPERATOR_IIN, output });
    const result = await signerFor(agent.url).sign(data, policy);
    if (!result.ok) throw new Error(result.error.kind);
    expect(opensslVerify(result.value.cmsDer, data).status).toBe(0);
  });

  it('reports the operator closing the agent’s dialog as cancelled, and an agent failure as an error', async () => {
    const cancel = await startAgent({ mode: 'cancel' });
    expect(await signerFor(cancel.url).sign(data, policy)).toEqual({ ok: false, error: { kind: 'agent-cancelled' } });
    const error = await startAgent({ mode: 'error' });
    expect(await signerFor(error.url).sign(data, policy)).toEqual({ ok: false, error: { kind: 'agent-error' } });
  });

  it('reports no agent listening as unavailable', async () => {
    const agent = await startAgent({ mode: 'cancel' });
    const { url } = agent;
    await agent.close();
    expect(kindOf(await signerFor(url).sign(data, policy))).toBe('agent-unavailable');
    expect(kindOf(await signerFor('not a url').sign(data, policy))).toBe('agent-unavailable');
  });

  it('reports something that is not a WebSocket agent on the port as unavailable', async () => {
    const server = createServer((_request, response) => response.writeHead(404).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect(kindOf(await signerFor(`ws://127.0.0.1:${port}/`).sign(data, policy))).toBe('agent-unavailable');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('gives up on an agent that never greets within connectTimeoutMs, as unavailable, and hangs up', async () => {
    const agent = await startAgent({ mode: 'no-handshake' });
    const started = performance.now();
    const result = await signerFor(agent.url, { connectTimeoutMs: 300 }).sign(data, policy);
    const elapsed = performance.now() - started;
    expect(kindOf(result)).toBe('agent-unavailable');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2_000);
    expect(agent.requests).toEqual([]);
    expect(await until(() => agent.openConnections === 0, 1_000)).toBe(true);
  });

  it('gives up on an agent that never answers after timeoutMs, as an error, and hangs up', async () => {
    const agent = await startAgent({ mode: 'slow' });
    const started = performance.now();
    const result = await signerFor(agent.url, { timeoutMs: 400 }).sign(data, policy);
    const elapsed = performance.now() - started;
    expect(kindOf(result)).toBe('agent-error');
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(3_000);
    expect(agent.requests).toHaveLength(1);
    expect(await until(() => agent.openConnections === 0, 1_000)).toBe(true);
  });

  it('falls back to commonUtils.createCAdESFromBase64 on an agent without the basics module', async () => {
    const agent = await startAgent({ mode: 'legacy-only', key: key('valid') });
    const result = await signerFor(agent.url).sign(data, policy);
    if (!result.ok) throw new Error(result.error.kind);
    expect(opensslVerify(result.value.cmsDer, data).status).toBe(0);
    expect(agent.requests.map((request) => (request as { module: string }).module)).toEqual([
      'kz.gov.pki.knca.basics',
      'kz.gov.pki.knca.commonUtils',
    ]);
    expect(agent.requests[1]).toEqual({
      module: 'kz.gov.pki.knca.commonUtils',
      method: 'createCAdESFromBase64',
      args: ['PKCS12', 'SIGNATURE', Buffer.from(data).toString('base64'), false],
    });
  });

  it('reports a cancel through the older API as cancelled', async () => {
    const agent = await startAgent({ mode: 'legacy-only', key: key('valid'), cancel: true });
    expect(kindOf(await signerFor(agent.url).sign(data, policy))).toBe('agent-cancelled');
  });

  it('refuses a signature over other bytes than the application as signature-invalid (digest mismatch)', async () => {
    const agent = await startAgent({ mode: 'tamper', key: key('valid') });
    expect(await signerFor(agent.url).sign(data, policy)).toEqual({ ok: false, error: { kind: 'signature-invalid', reason: 'digest-mismatch' } });
  });

  it("returns the refused key's card with its problem: whose key, which algorithm, which chain", async () => {
    const agent = await startAgent({ mode: 'sign', key: key('expired'), operatorIin: OPERATOR_IIN });
    const result = await signerFor(agent.url).sign(data, policy);
    if (result.ok || result.error.kind !== 'certificate-refused') throw new Error('expected a refused certificate');
    expect(result.error.problem.kind).toBe('expired');
    expect(result.error.card).toMatchObject({ owner: { iin: OPERATOR_IIN }, algorithm: 'RSA', chain: [{ commonName: 'PSC ТЕСТ ҰКО (RSA TEST)', isRoot: true }] });
  });

  const refusals: [TestKeyName, string][] = [
    ['expired', 'expired'],
    ['notYetValid', 'not-yet-valid'],
    ['revoked', 'revoked'],
    ['wrongIin', 'iin-mismatch'],
    ['authOnly', 'not-a-signing-key'],
    ['otherCa', 'untrusted-issuer'],
  ];
  it.each(refusals)('refuses a valid signature made by the %s key with %s', async (name, kind) => {
    // The fake agent signs with any key (as an agent with a lax filter, or the legacy API, would).
    const agent = await startAgent({ mode: 'sign', key: key(name), operatorIin: OPERATOR_IIN });
    expect(kindOf(await signerFor(agent.url).sign(data, policy))).toBe(kind);
  });

  it('refuses when the CRL is missing, like the key-file signer', async () => {
    const agent = await startAgent({ mode: 'sign', key: key('valid'), operatorIin: OPERATOR_IIN });
    expect(kindOf(await signerFor(agent.url).sign(data, { ...policy, crls: null }))).toBe('revocation-unknown');
  });

  it('talks wss:// only to an agent whose TLS certificate it trusts', async () => {
    const agent = await startAgent({ mode: 'sign', key: key('valid'), operatorIin: OPERATOR_IIN }, agentTls);
    expect(agent.url.startsWith('wss://')).toBe(true);
    expect(kindOf(await signerFor(agent.url).sign(data, policy))).toBe('agent-unavailable');
    expect(agent.requests).toEqual([]);
    const trusted = await signerFor(agent.url, { tls: { caPem: agentTls.certPem } }).sign(data, policy);
    expect(kindOf(trusted)).toBe('signed');
  });
});
