// The signer against the throwaway test PKI, with the real OpenSSL CLI as the independent verifier.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireSystemTool } from '../../test/support/requireSystemTool';
import { canonicalJsonBytes } from '../../core/signing/canonicalJson';
import type { SignPolicy } from '../ports/Signer';
import { readSignedData } from '../../core/pki/cms';
import { generateTestPki, type TestKeyName, type TestPki } from '../../test/support/testPki/generateTestPki';
import { crlsFrom, signPolicy, trustedFrom } from '../../test/support/testPki/signPolicy';
import { judgeCertificate } from './certificateAssessment';
import { Pkcs12Signer } from './Pkcs12Signer';

const OPERATOR_IIN = '850415312343';
const OTHER_IIN = '901120412403';
const PASSWORD = 'Test-пароль-1';

type Run = { status: number | null; stdout: string; stderr: string };
const openssl = (dir: string, args: string[]): Run => {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};

const signer = new Pkcs12Signer();
let dir = '';
let pki: TestPki;
let policy: SignPolicy;
let data: Uint8Array;

beforeAll(async () => {
  requireSystemTool('openssl', 'openssl', ['version'], { mustSucceed: true });
  const now = new Date();
  pki = await generateTestPki({ now, operatorIin: OPERATOR_IIN, otherIin: OTHER_IIN, password: PASSWORD });
  policy = signPolicy({ operatorIin: OPERATOR_IIN, now, trusted: [pki.ca.certPem], crls: [pki.crlDer] });
  const payload = canonicalJsonBytes({
    service: 'Жеке куәлік беру',
    applicant: { fullName: 'ҚАСЫМОВА ӘЙГЕРІМ НҰРЛАНҚЫЗЫ', iin: OPERATOR_IIN },
    documents: [{ slot: 'өтініш', sha256: 'a'.repeat(64) }],
    idempotencyKey: '0b7c1f0e-2f57-4f6e-9c43-6a0a1b7b9d11',
  });
  if (!payload.ok) throw new Error('payload is not canonicalisable');
  data = payload.value;
  dir = mkdtempSync(path.join(tmpdir(), 'pkcs12-signer-'));
  writeFileSync(path.join(dir, 'ca.pem'), pki.ca.certPem);
  writeFileSync(path.join(dir, 'data.json'), data);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Pkcs12Signer', () => {
  it('signs canonical JSON with a detached CMS that OpenSSL verifies', () => {
    const result = signer.sign(pki.keys.valid.p12, PASSWORD, data, policy);
    if (!result.ok) throw new Error(`signing failed: ${result.error.kind}`);
    const cms = readSignedData(result.value.cmsDer);
    const certificate = signer.certificateOf(pki.keys.valid.p12, PASSWORD);
    expect(cms.ok && certificate.ok && cms.value.certificatesDer.map((der) => Buffer.from(der).toString('hex'))).toEqual([certificate.ok ? Buffer.from(certificate.value).toString('hex') : '']);
    writeFileSync(path.join(dir, 'sig.p7s'), result.value.cmsDer);
    const verify = openssl(dir, [
      'cms', '-verify', '-binary', '-inform', 'DER', '-in', 'sig.p7s', '-content', 'data.json',
      '-CAfile', 'ca.pem', '-purpose', 'any', '-out', '/dev/null',
    ]);
    expect(verify.status, verify.stderr).toBe(0);

    const tampered = Uint8Array.from(data);
    tampered[10] = (tampered[10] ?? 0) ^ 0x01;
    writeFileSync(path.join(dir, 'tampered.json'), tampered);
    const bad = openssl(dir, [
      'cms', '-verify', '-binary', '-inform', 'DER', '-in', 'sig.p7s', '-content', 'tampered.json',
      '-CAfile', 'ca.pem', '-purpose', 'any', '-out', '/dev/null',
    ]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/verification failure/i);

    const printed = openssl(dir, ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.p7s']);
    expect(printed.status, printed.stderr).toBe(0);
    const order = ['contentType', 'signingTime', 'messageDigest'].map((name) => printed.stdout.indexOf(`object: ${name}`));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(printed.stdout).toContain('eContent: <ABSENT>'); // detached
  });

  it("gives the key file's certificate, whose card names the owner, the algorithm and the chain", () => {
    const certificate = signer.certificateOf(pki.keys.valid.p12, PASSWORD);
    if (!certificate.ok) throw new Error(certificate.error.kind);
    const judged = judgeCertificate(certificate.value, policy);
    if (!judged.ok) throw new Error(judged.error.kind);
    const { card } = judged.value.assessment;
    expect(card.owner).toEqual({ fullName: 'ҚАСЫМОВА ӘЙГЕРІМ НҰРЛАНҚЫЗЫ', iin: OPERATOR_IIN, organization: null, bin: null });
    expect(card.isSigningKey).toBe(true);
    expect(card.issuerCommonName).toBe('PSC ТЕСТ ҰКО (RSA TEST)');
    expect(card.algorithm).toBe('RSA');
    expect(card.chain).toEqual([{ commonName: 'PSC ТЕСТ ҰКО (RSA TEST)', notAfter: expect.any(Date), isRoot: true }]);
    expect(judged.value.problem).toBeNull();
    const auth = signer.certificateOf(pki.keys.authOnly.p12, PASSWORD);
    const authJudged = auth.ok ? judgeCertificate(auth.value, policy) : null;
    expect(authJudged?.ok && authJudged.value.assessment.card.isSigningKey).toBe(false);
  });

  it('tells a wrong password from a file that is not a key file', () => {
    expect(signer.certificateOf(pki.keys.valid.p12, 'wrong')).toEqual({ ok: false, error: { kind: 'wrong-password' } });
    expect(signer.sign(pki.keys.valid.p12, 'wrong', data, policy)).toEqual({ ok: false, error: { kind: 'wrong-password' } });
    const garbage = new TextEncoder().encode('not a PKCS#12 file');
    expect(signer.sign(garbage, PASSWORD, data, policy)).toEqual({ ok: false, error: { kind: 'not-a-key-file' } });
    expect(signer.certificateOf(pki.crlDer, PASSWORD)).toEqual({ ok: false, error: { kind: 'not-a-key-file' } });
  });

  it('never puts the password into an error', () => {
    const result = signer.sign(pki.keys.expired.p12, PASSWORD, data, policy);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  const refusals: [TestKeyName, string][] = [
    ['expired', 'expired'],
    ['notYetValid', 'not-yet-valid'],
    ['revoked', 'revoked'],
    ['wrongIin', 'iin-mismatch'],
    ['authOnly', 'not-a-signing-key'],
    ['otherCa', 'untrusted-issuer'],
  ];
  it.each(refusals)('refuses the %s key with %s before signing', (name, kind) => {
    const result = signer.sign(pki.keys[name].p12, PASSWORD, data, policy);
    expect(result.ok ? 'signed' : result.error.kind).toBe(kind);
  });

  it('refuses when revocation cannot be checked: no CRL, a CRL of another CA, a stale CRL', () => {
    const kind = (p: SignPolicy): string => {
      const result = signer.sign(pki.keys.valid.p12, PASSWORD, data, p);
      return result.ok ? 'signed' : result.error.kind;
    };
    expect(kind({ ...policy, crls: null })).toBe('revocation-unknown');
    expect(kind({ ...policy, crls: [] })).toBe('revocation-unknown');
    const corrupt = Uint8Array.from(pki.crlDer);
    corrupt[corrupt.length - 5] = (corrupt[corrupt.length - 5] ?? 0) ^ 0xff; // breaks the CRL signature
    expect(kind({ ...policy, crls: crlsFrom([corrupt]) })).toBe('revocation-unknown');
    const later = new Date(policy.now.getTime() + 8 * 24 * 3600 * 1000); // nextUpdate is now + 7 days
    expect(kind({ ...policy, now: later })).toBe('revocation-unknown');
    expect(kind({ ...policy, pki: trustedFrom([pki.otherCa.certPem]) })).toBe('untrusted-issuer');
  });

  it('signs within the time budget (checks included)', () => {
    const times: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      const started = performance.now();
      const result = signer.sign(pki.keys.valid.p12, PASSWORD, data, policy);
      times.push(performance.now() - started);
      expect(result.ok).toBe(true);
    }
    const median = [...times].sort((a, b) => a - b)[4] ?? Infinity;
    console.warn(`Pkcs12Signer sign median over 9: ${median.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`);
    expect(median).toBeLessThan(2_000);
  });
});
