// Checks the generated PKI with the real OpenSSL CLI, the reference other tools (NCANode, Kalkan
// consumers) agree with: chain and CRL signatures, dates, PKCS#12 files, Kazakh DN, key usage.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireSystemTool } from '../../../test/support/requireSystemTool';
import { generateTestPki, TEST_KEY_NAMES, type TestPki } from './generateTestPki';

const OPERATOR_IIN = '850415312343';
const OTHER_IIN = '901120412403';
const PASSWORD = 'Test-пароль-1'; // non-ASCII: PKCS#12 passwords are BMPString in both forge and OpenSSL

type Run = { status: number | null; stdout: string; stderr: string };

function openssl(dir: string, args: string[]): Run {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let dir = '';
let pki: TestPki;
let generationMs = 0;

beforeAll(async () => {
  requireSystemTool('openssl', 'openssl', ['version'], { mustSucceed: true });
  const started = performance.now();
  pki = await generateTestPki({ now: new Date(), operatorIin: OPERATOR_IIN, otherIin: OTHER_IIN, password: PASSWORD });
  generationMs = performance.now() - started;
  dir = mkdtempSync(path.join(tmpdir(), 'test-pki-'));
  writeFileSync(path.join(dir, 'ca.pem'), pki.ca.certPem);
  writeFileSync(path.join(dir, 'other-ca.pem'), pki.otherCa.certPem);
  writeFileSync(path.join(dir, 'crl.pem'), pki.crlPem);
  writeFileSync(path.join(dir, 'crl.der'), pki.crlDer);
  for (const name of TEST_KEY_NAMES) {
    writeFileSync(path.join(dir, `${name}.pem`), pki.keys[name].certPem);
    writeFileSync(path.join(dir, `${name}.p12`), pki.keys[name].p12);
  }
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('generateTestPki', () => {
  it('generates everything within the time budget', () => {
    expect(generationMs).toBeLessThan(15_000);
    expect(pki.password).toBe(PASSWORD);
  });

  it('chains the operator certificates to the test CA only', () => {
    const valid = openssl(dir, ['verify', '-CAfile', 'ca.pem', 'valid.pem']);
    expect(valid.status, valid.stderr).toBe(0);
    expect(valid.stdout).toContain('valid.pem: OK');
    for (const name of ['wrongIin', 'authOnly', 'revoked'] as const) {
      expect(openssl(dir, ['verify', '-CAfile', 'ca.pem', `${name}.pem`]).status).toBe(0);
    }
    const foreign = openssl(dir, ['verify', '-CAfile', 'ca.pem', 'otherCa.pem']);
    expect(foreign.status).not.toBe(0);
    expect(foreign.stdout + foreign.stderr).toContain('unable to get local issuer certificate');
    expect(openssl(dir, ['verify', '-CAfile', 'other-ca.pem', 'otherCa.pem']).status).toBe(0);
  });

  it('dates expired and notYetValid outside now, as OpenSSL sees them', () => {
    const now = Date.now();
    const expired = forge.pki.certificateFromPem(pki.keys.expired.certPem);
    const notYet = forge.pki.certificateFromPem(pki.keys.notYetValid.certPem);
    const valid = forge.pki.certificateFromPem(pki.keys.valid.certPem);
    expect(expired.validity.notAfter.getTime()).toBeLessThan(now);
    expect(notYet.validity.notBefore.getTime()).toBeGreaterThan(now);
    expect(valid.validity.notBefore.getTime()).toBeLessThan(now);
    expect(valid.validity.notAfter.getTime()).toBeGreaterThan(now + 300 * 24 * 3600 * 1000);
    const e = openssl(dir, ['verify', '-CAfile', 'ca.pem', 'expired.pem']);
    expect(e.status).not.toBe(0);
    expect(e.stdout + e.stderr).toContain('certificate has expired');
    const n = openssl(dir, ['verify', '-CAfile', 'ca.pem', 'notYetValid.pem']);
    expect(n.status).not.toBe(0);
    expect(n.stdout + n.stderr).toContain('certificate is not yet valid');
  });

  it('issues a CRL signed by the test CA that revokes exactly the revoked key', () => {
    const verified = openssl(dir, ['crl', '-in', 'crl.pem', '-CAfile', 'ca.pem', '-noout']);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stderr).toContain('verify OK');
    expect(openssl(dir, ['crl', '-in', 'crl.pem', '-CAfile', 'other-ca.pem', '-noout']).status).not.toBe(0);
    const text = openssl(dir, ['crl', '-inform', 'DER', '-in', 'crl.der', '-noout', '-text']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Version 2');
    expect(text.stdout).toContain('sha256WithRSAEncryption');
    expect(text.stdout).toContain(`Serial Number: ${pki.keys.revoked.serialHex.toUpperCase()}`);
    expect(text.stdout).not.toContain(pki.keys.valid.serialHex.toUpperCase());
    const crlCheck = ['verify', '-crl_check', '-CRLfile', 'crl.pem', '-CAfile', 'ca.pem'];
    const revoked = openssl(dir, [...crlCheck, 'revoked.pem']);
    expect(revoked.status).not.toBe(0);
    expect(revoked.stdout + revoked.stderr).toContain('certificate revoked');
    expect(openssl(dir, [...crlCheck, 'valid.pem']).status).toBe(0);
  });

  it('updates the CRL now and expires it in 7 days', () => {
    const text = openssl(dir, ['crl', '-in', 'crl.pem', '-noout', '-lastupdate', '-nextupdate']).stdout;
    const last = Date.parse(/lastUpdate=(.*)/.exec(text)?.[1] ?? '');
    const next = Date.parse(/nextUpdate=(.*)/.exec(text)?.[1] ?? '');
    expect(Math.abs(last - Date.now())).toBeLessThan(120_000);
    expect(next - last).toBe(7 * 24 * 3600 * 1000);
  });

  it('packs every key as a PKCS#12 with the chain [ee, ca], opened with the password only', () => {
    for (const name of TEST_KEY_NAMES) {
      const info = openssl(dir, ['pkcs12', '-info', '-in', `${name}.p12`, '-passin', `pass:${PASSWORD}`, '-noout']);
      expect(info.status, `${name}: ${info.stderr}`).toBe(0);
      const certs = openssl(dir, ['pkcs12', '-in', `${name}.p12`, '-passin', `pass:${PASSWORD}`, '-nokeys']);
      expect(certs.stdout.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
      expect(certs.stdout).toContain(`friendlyName: psc-test-${name}`);
    }
    const wrong = openssl(dir, ['pkcs12', '-info', '-in', 'valid.p12', '-passin', 'pass:wrong', '-noout']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('MAC');
  });

  it('writes the НУЦ subject in Kazakh with the IIN', () => {
    const subject = (name: string): string =>
      openssl(dir, ['x509', '-in', `${name}.pem`, '-noout', '-subject', '-nameopt', 'multiline,utf8,-esc_msb']).stdout;
    const valid = subject('valid');
    expect(valid).toMatch(/commonName\s+= ҚАСЫМОВА ӘЙГЕРІМ/);
    expect(valid).toMatch(/surname\s+= ҚАСЫМОВА/);
    expect(valid).toMatch(/givenName\s+= НҰРЛАНҚЫЗЫ/);
    expect(valid).toMatch(new RegExp(`serialNumber\\s+= IIN${OPERATOR_IIN}`));
    expect(valid).toMatch(/countryName\s+= KZ/);
    expect(subject('wrongIin')).toMatch(new RegExp(`serialNumber\\s+= IIN${OTHER_IIN}`));
  });

  it('gives the SIGN key nonRepudiation + emailProtection and the AUTH key keyEncipherment + clientAuth', () => {
    const usage = (name: string): string =>
      openssl(dir, ['x509', '-in', `${name}.pem`, '-noout', '-ext', 'keyUsage,extendedKeyUsage,certificatePolicies']).stdout;
    const sign = usage('valid');
    expect(sign).toContain('Key Usage: critical');
    expect(sign).toContain('Digital Signature, Non Repudiation');
    expect(sign).toContain('E-mail Protection, 1.2.398.3.3.4.1.1');
    expect(sign).toContain('1.2.398.3.3.2.3');
    const auth = usage('authOnly');
    expect(auth).toContain('Digital Signature, Key Encipherment');
    expect(auth).not.toContain('Non Repudiation');
    expect(auth).toContain('TLS Web Client Authentication, 1.2.398.3.3.4.1.1');
    expect(auth).not.toContain('E-mail Protection');
  });

  it('makes a CA certificate: basicConstraints CA critical, keyCertSign + cRLSign, SKI', () => {
    const ca = openssl(dir, ['x509', '-in', 'ca.pem', '-noout', '-ext', 'basicConstraints,keyUsage,subjectKeyIdentifier']).stdout;
    expect(ca).toMatch(/Basic Constraints: critical\s+CA:TRUE/);
    expect(ca).toContain('Certificate Sign, CRL Sign');
    expect(ca).toContain('Subject Key Identifier');
    const serials = new Set(TEST_KEY_NAMES.map((name) => pki.keys[name].serialHex));
    expect(serials.size).toBe(TEST_KEY_NAMES.length);
  });
});
