// The CMS check the agent's output goes through, against CMS made by forge and by the OpenSSL CLI
// (EC keys, BER indefinite lengths from -stream, attached content) and against doctored bytes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childAt, contextTag, parseDer, TAG } from '../../core/asn1/derReader';
import { readCertificateFields } from '../../core/signing/certificateFields';
import { requireSystemTool } from '../../test/support/requireSystemTool';
import { certificateDerFromPem } from './certificateDescription';
import { children } from './forgeAsn1';
import { makeDetachedCms } from './forgeDetachedCms';
import { openKeyFile } from './pkcs12KeyFile';
import { generateTestPki, type TestPki } from '../../test/support/testPki/generateTestPki';
import { verifyDetachedCms } from './verifyDetachedCms';

const PASSWORD = 'pw';
const data = new TextEncoder().encode('{"application":"Жеке кәсіпкер","iin":"850415312343"}');
let dir = '';
let pki: TestPki;
let forgeCms: Uint8Array;

const openssl = (args: string[]): void => {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl ${args[0] ?? ''} failed: ${run.stderr}`);
};
const file = (name: string): Uint8Array => Uint8Array.from(readFileSync(path.join(dir, name)));
const flipLastByte = (bytes: Uint8Array): Uint8Array => {
  const copy = Uint8Array.from(bytes);
  copy[copy.length - 1] = (copy[copy.length - 1] ?? 0) ^ 0x01;
  return copy;
};
const problem = (result: ReturnType<typeof verifyDetachedCms>): string => (result.ok ? 'verified' : result.error);

beforeAll(async () => {
  requireSystemTool('openssl', 'openssl', ['version'], { mustSucceed: true });
  pki = await generateTestPki({ now: new Date(), operatorIin: '850415312343', otherIin: '901120412403', password: PASSWORD });
  const opened = openKeyFile(pki.keys.valid.p12, PASSWORD);
  if (!opened.ok) throw new Error(opened.error.kind);
  forgeCms = makeDetachedCms(opened.value, data, new Date());
  dir = mkdtempSync(path.join(tmpdir(), 'verify-cms-'));
  writeFileSync(path.join(dir, 'data'), data);
  openssl([
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ec.key', '-out', 'ec.pem',
    '-days', '2', '-utf8', '-subj', '/CN=ҚАСЫМОВА ӘЙГЕРІМ/SN=ҚАСЫМОВА/serialNumber=IIN850415312343/C=KZ/GN=НҰРЛАНҚЫЗЫ',
    '-addext', 'keyUsage=critical,digitalSignature,nonRepudiation',
  ]);
  const sign = (out: string, extra: string[]): void =>
    openssl(['cms', '-sign', '-binary', '-md', 'sha256', '-in', 'data', '-signer', 'ec.pem', '-inkey', 'ec.key', '-outform', 'DER', '-out', out, ...extra]);
  sign('ec.der', []);
  sign('ec-attached-ber.der', ['-stream']); // OpenSSL streams attached content only
  sign('ec-attached.der', ['-nodetach']);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('verifyDetachedCms', () => {
  it('accepts forge’s RSA CMS and names its signer certificate', () => {
    const result = verifyDetachedCms(forgeCms, data);
    if (!result.ok) throw new Error(result.error);
    expect(result.value.signatureChecked).toBe(true);
    expect(Buffer.from(result.value.certificateDer).equals(Buffer.from(certificateDerFromPem(pki.keys.valid.certPem)))).toBe(true);
  });

  it('accepts OpenSSL’s EC CMS, in DER and in BER with indefinite lengths', () => {
    for (const cms of [file('ec.der'), indefiniteOuterLengths(file('ec.der'))]) {
      const result = verifyDetachedCms(cms, data);
      expect(result.ok && result.value.signatureChecked).toBe(true);
    }
    const fields = readCertificateFields(certificateDerFromPem(readFileSync(path.join(dir, 'ec.pem'), 'utf8')));
    expect(fields.subject).toMatchObject({ commonName: 'ҚАСЫМОВА ӘЙГЕРІМ', surname: 'ҚАСЫМОВА', givenName: 'НҰРЛАНҚЫЗЫ', serialNumber: 'IIN850415312343' });
    expect(fields.keyUsage).toEqual({ digitalSignature: true, nonRepudiation: true });
    expect(fields.publicKeyAlgorithmOid).toBe('1.2.840.10045.2.1');
  });

  it('refuses other bytes, a broken signature, attached content and garbage, each for its own reason', () => {
    expect(problem(verifyDetachedCms(forgeCms, flipLastByte(data)))).toBe('digest-mismatch');
    expect(problem(verifyDetachedCms(flipLastByte(forgeCms), data))).toBe('bad-signature'); // last bytes: the RSA signature
    expect(problem(verifyDetachedCms(file('ec-attached.der'), data))).toBe('not-detached');
    expect(problem(verifyDetachedCms(file('ec-attached-ber.der'), data))).toBe('not-detached');
    expect(problem(verifyDetachedCms(data, data))).toBe('malformed');
    expect(problem(verifyDetachedCms(forgeCms.subarray(0, forgeCms.length - 1), data))).toBe('malformed');
  });

  it('takes the signer certificate from outside the CMS when the CMS carries none', () => {
    const certificate = certificateDerFromPem(pki.keys.valid.certPem);
    const withoutCertificates = withoutCertificateSet(forgeCms);
    expect(Buffer.from(withoutCertificates).indexOf(Buffer.from(certificate))).toBe(-1);
    expect(problem(verifyDetachedCms(withoutCertificates, data))).toBe('no-signer-certificate');
    expect(problem(verifyDetachedCms(withoutCertificates, data, [certificate]))).toBe('verified');
    expect(problem(verifyDetachedCms(withoutCertificates, data, [certificateDerFromPem(pki.keys.expired.certPem)]))).toBe('no-signer-certificate');
  });

  it('accepts a GOST key on the digest alone (Node cannot verify GOST), and still checks the digest', () => {
    const rsaEncryption = Buffer.from('06092a864886f70d010101', 'hex');
    const gost2004 = Buffer.from('06092a830e030a01010101', 'hex'); // 1.2.398.3.10.1.1.1.1, same length
    const gostCms = Buffer.from(forgeCms);
    gostCms.set(gost2004, gostCms.indexOf(rsaEncryption)); // the first one is in the certificate's key info
    const result = verifyDetachedCms(gostCms, data);
    expect(result.ok && result.value.signatureChecked).toBe(false);
    expect(result.ok).toBe(true);
    expect(problem(verifyDetachedCms(gostCms, flipLastByte(data)))).toBe('digest-mismatch');
  });
});

/** ContentInfo, [0] and SignedData re-wrapped with BER indefinite lengths, as Java CMS libraries write them. */
function indefiniteOuterLengths(cms: Uint8Array): Uint8Array {
  const contentInfo = parseDer(cms);
  const signedData = childAt(childAt(contentInfo, 1, contextTag(0, true), 'content'), 0, TAG.sequence, 'SignedData');
  const open = (tag: number): number[] => [tag, 0x80];
  return Uint8Array.from([
    ...open(TAG.sequence), ...childAt(contentInfo, 0, TAG.oid, 'contentType').encoded,
    ...open(contextTag(0, true)), ...open(TAG.sequence), ...signedData.content,
    0, 0, 0, 0, 0, 0,
  ]);
}

/** The same CMS without its [0] certificates field. */
function withoutCertificateSet(cms: Uint8Array): Uint8Array {
  const contentInfo = forge.asn1.fromDer(Buffer.from(cms).toString('binary'));
  const signedData = children(children(contentInfo)[1])[0];
  if (signedData === undefined) throw new Error('no SignedData');
  signedData.value = children(signedData).filter((node) => !(node.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && node.type === 0));
  return Uint8Array.from(Buffer.from(forge.asn1.toDer(contentInfo).getBytes(), 'binary'));
}
