import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki, type TestPki } from '../../test/support/testPki/generateTestPki';
import { generateGostTestPki } from '../../test/support/testPki/gost/generateGostTestPki';
import { requireSystemTool } from '../../test/support/requireSystemTool';
import { DEMO_PKI } from '../fixtures/demoPki';
import { startBackend, type BackendHarness } from '../testing/backendHarness';

let dir = '';
let backend: BackendHarness | null = null;
let now = new Date('2026-11-23T07:00:00.000Z');
let injected: TestPki;

beforeAll(async () => {
  requireSystemTool('openssl', 'openssl', ['version'], { mustSucceed: true });
  dir = mkdtempSync(path.join(tmpdir(), 'psc-backend-crl-'));
  writeFileSync(path.join(dir, 'ca.pem'), DEMO_PKI.caCertPem);
  injected = await generateTestPki({ now, operatorIin: '880808399112', otherIin: '901120412403', password: 'x' });
  writeFileSync(path.join(dir, 'injected-ca.pem'), injected.ca.certPem);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await backend?.close();
  backend = null;
});

function openssl(args: string[]): string {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`openssl ${args[0]} failed: ${run.stderr}`);
  return run.stdout + run.stderr;
}

async function fetchCrl(harness: BackendHarness, file = 'crl.der'): Promise<Uint8Array> {
  const answer = await harness.request('GET', '/v1/pki/crl');
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toBe('application/pkix-crl');
  writeFileSync(path.join(dir, file), answer.bytes);
  return answer.bytes;
}

const opensslDate = (date: Date) =>
  date.toUTCString().replace(/^\w+, (\d+) (\w+) (\d+) ([\d:]+) GMT$/, (_m, d: string, mon: string, y: string, t: string) => `${mon} ${d.padStart(2, ' ')} ${t} ${y} GMT`);

describe('GET /v1/pki/crl', () => {
  it('serves a v2 CRL of the demo CA without a token: its revoked serial, issuer, now + 24 h, verified with the CA', async () => {
    backend = await startBackend({ clock: () => now });
    await fetchCrl(backend);
    const text = openssl(['crl', '-inform', 'DER', '-in', 'crl.der', '-noout', '-text']);
    expect(text).toContain('Version 2 (0x1)');
    expect(text).toContain('sha256WithRSAEncryption');
    const [serial] = DEMO_PKI.revokedSerials;
    expect(text).toContain(`Serial Number: ${serial?.toUpperCase()}`);
    expect(text).toContain(`Last Update: ${opensslDate(now)}`);
    expect(text).toContain(`Next Update: ${opensslDate(new Date(now.getTime() + 24 * 3600_000))}`);
    expect(text).toContain('X509v3 CRL Number');
    expect(text).toContain('X509v3 Authority Key Identifier');

    const issuer = openssl(['crl', '-inform', 'DER', '-in', 'crl.der', '-noout', '-issuer', '-nameopt', 'RFC2253']).trim();
    const subject = openssl(['x509', '-in', 'ca.pem', '-noout', '-subject', '-nameopt', 'RFC2253']).trim();
    expect(issuer.replace(/^issuer=/, '')).toBe(subject.replace(/^subject=/, ''));
    expect(openssl(['crl', '-inform', 'DER', '-in', 'crl.der', '-CAfile', 'ca.pem', '-noout'])).toContain('verify OK');
  });

  it('serves the same CRL for a few minutes, then a fresh one with a higher CRL number', async () => {
    backend = await startBackend({ clock: () => now });
    const first = await fetchCrl(backend, 'first.der');
    now = new Date(now.getTime() + 4 * 60_000);
    expect(Buffer.from(await fetchCrl(backend, 'same.der')).equals(first)).toBe(true);
    now = new Date(now.getTime() + 2 * 60_000);
    const fresh = await fetchCrl(backend, 'fresh.der');
    expect(Buffer.from(fresh).equals(first)).toBe(false);
    const crlNumber = (file: string) => BigInt(/crlNumber=(0x[0-9A-F]+)/i.exec(openssl(['crl', '-inform', 'DER', '-in', file, '-noout', '-crlnumber']))?.[1] ?? '-1');
    expect(crlNumber('fresh.der')).toBeGreaterThan(crlNumber('first.der'));
    expect(openssl(['crl', '-inform', 'DER', '-in', 'fresh.der', '-noout', '-lastupdate'])).toContain(opensslDate(now));
  });

  it('serves the CRL of an injected CA, without revokedCertificates when nothing is revoked', async () => {
    backend = await startBackend({ clock: () => now, pki: { caCertPem: injected.ca.certPem, caKeyPem: injected.ca.keyPem, revokedSerials: [] } });
    await fetchCrl(backend, 'injected.der');
    expect(openssl(['crl', '-inform', 'DER', '-in', 'injected.der', '-CAfile', 'injected-ca.pem', '-noout'])).toContain('verify OK');
    expect(openssl(['crl', '-inform', 'DER', '-in', 'injected.der', '-noout', '-text'])).toContain('No Revoked Certificates');
    // OpenSSL 3.0 reports a CRL of another CA as "verify failure" yet exits 0; others may exit non-zero.
    const foreign = spawnSync('openssl', ['crl', '-inform', 'DER', '-in', 'injected.der', '-CAfile', 'ca.pem', '-noout'], { cwd: dir, encoding: 'utf8' });
    expect(foreign.stdout + foreign.stderr).not.toContain('verify OK');
    expect(foreign.status !== 0 || /verify failure/.test(foreign.stdout + foreign.stderr)).toBe(true);
  });

  it("refuses at startup a PKI whose key is not the CA certificate's", async () => {
    await expect(startBackend({ pki: { caCertPem: DEMO_PKI.caCertPem, caKeyPem: injected.ca.keyPem, revokedSerials: [] } })).rejects.toThrow(
      /does not belong to the CA certificate/,
    );
  });
});

describe('GET /v1/pki/crls', () => {
  it('serves the demo CA’s current CRL and every further CA’s, Base64 DER, without a token', async () => {
    const gost = generateGostTestPki({ family: 'gost-2015-512', now, operatorIin: '880808399112', otherIin: '901120412403' });
    backend = await startBackend({ clock: () => now, extraTrust: { certificatesDer: [gost.root.der, gost.ca.der], crlsDer: [gost.crlDer] } });
    const answer = await backend.request('GET', '/v1/pki/crls');
    expect(answer.status).toBe(200);
    const { crls } = JSON.parse(Buffer.from(answer.bytes).toString('utf8')) as { crls: string[] };
    expect(crls).toHaveLength(2);
    expect(crls[0]).toBe(Buffer.from(await fetchCrl(backend)).toString('base64'));
    expect(crls[1]).toBe(Buffer.from(gost.crlDer).toString('base64'));
  });

  it('refuses at start a further "CA" that is not a CA certificate, or a CRL that does not parse', async () => {
    const gost = generateGostTestPki({ family: 'gost-2004', now, operatorIin: '880808399112', otherIin: '901120412403' });
    await expect(startBackend({ extraTrust: { certificatesDer: [gost.keys.valid.der], crlsDer: [] } })).rejects.toThrow(/not a readable CA certificate/);
    await expect(startBackend({ extraTrust: { certificatesDer: [], crlsDer: [new Uint8Array([0x30, 0x01, 0x00])] } })).rejects.toThrow(/CRL cannot be read/);
  });
});
