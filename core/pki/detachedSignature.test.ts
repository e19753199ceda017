// The detached-signature profile both sides enforce, against CMS made by the product's key-file
// signer and by the OpenSSL CLI (EC keys, BER indefinite lengths from -stream, attached content)
// and against doctored bytes. GOST CMS are covered in the GOST test PKI's and NcaLayerSigner's tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import * as asn1js from 'asn1js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeCrypto } from '../../nodelib/pki/nodeCrypto';
import { derBlocksOf } from '../../nodelib/pki/pem';
import { openKeyFile } from '../../main/signing/pkcs12KeyFile';
import { makeDetachedCms } from '../../main/signing/rsaDetachedCms';
import { requireSystemTool } from '../../test/support/requireSystemTool';
import { generateTestPki, type TestPki } from '../../test/support/testPki/generateTestPki';
import { createSignatureSuite } from './algorithms/signatureSuite';
import { readCertificate } from './certificate';
import { verifyDetachedSignature, type DetachedSignatureContext } from './detachedSignature';
import { VerificationMemo } from './verificationMemo';

const PASSWORD = 'pw';
const data = new TextEncoder().encode('{"application":"Жеке кәсіпкер","iin":"850415312343"}');
const context: DetachedSignatureContext = { suite: createSignatureSuite(createNodeCrypto()), memo: new VerificationMemo() };
let dir = '';
let pki: TestPki;
let rsaCms: Uint8Array;

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
const problem = (result: ReturnType<typeof verifyDetachedSignature>): string => (result.ok ? 'verified' : result.error.kind);
const pemCertificate = (pem: string): Uint8Array => derBlocksOf(new TextEncoder().encode(pem), ['CERTIFICATE'])[0] as Uint8Array;

beforeAll(async () => {
  requireSystemTool('openssl', 'openssl', ['version'], { mustSucceed: true });
  pki = await generateTestPki({ now: new Date(), operatorIin: '850415312343', otherIin: '901120412403', password: PASSWORD });
  const opened = openKeyFile(pki.keys.valid.p12, PASSWORD);
  if (!opened.ok) throw new Error(opened.error.kind);
  rsaCms = makeDetachedCms(opened.value, data, new Date());
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

describe('verifyDetachedSignature', () => {
  it('accepts the key-file signer’s RSA CMS and names its signer certificate', () => {
    const result = verifyDetachedSignature(rsaCms, data, context);
    if (!result.ok) throw new Error(result.error.kind);
    expect(Buffer.from(result.value.signer.der).equals(Buffer.from(pemCertificate(pki.keys.valid.certPem)))).toBe(true);
    expect(result.value.timestampTokenDer).toBeNull();
  });

  it('accepts OpenSSL’s EC CMS, in DER and in BER with indefinite lengths', () => {
    for (const cms of [file('ec.der'), indefiniteOuterLengths(file('ec.der'))]) expect(problem(verifyDetachedSignature(cms, data, context))).toBe('verified');
    const certificate = readCertificate(pemCertificate(readFileSync(path.join(dir, 'ec.pem'), 'utf8')));
    if (!certificate.ok) throw new Error(certificate.error.kind);
    expect(certificate.value.subject).toMatchObject({ commonName: 'ҚАСЫМОВА ӘЙГЕРІМ', surname: 'ҚАСЫМОВА', givenName: 'НҰРЛАНҚЫЗЫ', serialNumber: 'IIN850415312343' });
    expect(certificate.value.keyUsage).toMatchObject({ digitalSignature: true, nonRepudiation: true });
    expect(certificate.value.publicKey.algorithm.oid).toBe('1.2.840.10045.2.1');
  });

  it('refuses other bytes, a broken signature, attached content and garbage, each for its own reason', () => {
    expect(problem(verifyDetachedSignature(rsaCms, flipLastByte(data), context))).toBe('digest-mismatch');
    expect(problem(verifyDetachedSignature(flipLastByte(rsaCms), data, context))).toBe('bad-signature'); // last bytes: the RSA signature
    expect(problem(verifyDetachedSignature(file('ec-attached.der'), data, context))).toBe('not-detached');
    expect(problem(verifyDetachedSignature(file('ec-attached-ber.der'), data, context))).toBe('not-detached');
    expect(problem(verifyDetachedSignature(data, data, context))).toBe('malformed');
    expect(problem(verifyDetachedSignature(rsaCms.subarray(0, rsaCms.length - 1), data, context))).toBe('malformed');
    expect(problem(verifyDetachedSignature(new Uint8Array(2 * 1024 * 1024).fill(0x30), data, context))).toBe('too-large');
  });

  it('takes the signer certificate from outside the CMS when the CMS carries none', () => {
    const certificate = pemCertificate(pki.keys.valid.certPem);
    const withoutCertificates = withoutCertificateSet(rsaCms);
    expect(Buffer.from(withoutCertificates).indexOf(Buffer.from(certificate))).toBe(-1);
    expect(problem(verifyDetachedSignature(withoutCertificates, data, context))).toBe('no-signer-certificate');
    expect(problem(verifyDetachedSignature(withoutCertificates, data, { ...context, extraCertificatesDer: [certificate] }))).toBe('verified');
    expect(problem(verifyDetachedSignature(withoutCertificates, data, { ...context, extraCertificatesDer: [pemCertificate(pki.keys.expired.certPem)] }))).toBe('no-signer-certificate');
  });

  it('names a GOST key OID under an RSA signature as an algorithm mismatch, not a bad signature', () => {
    const rsaEncryption = Buffer.from('06092a864886f70d010101', 'hex');
    const gost2004 = Buffer.from('06092a830e030a01010101', 'hex'); // 1.2.398.3.10.1.1.1.1, same length
    const gostKeyCms = Buffer.from(rsaCms);
    gostKeyCms.set(gost2004, gostKeyCms.indexOf(rsaEncryption)); // the first one is in the certificate's key info
    expect(problem(verifyDetachedSignature(gostKeyCms, data, context))).toBe('algorithm-mismatch');
  });
});

/** ContentInfo, [0] and SignedData re-wrapped with BER indefinite lengths, as Java CMS libraries write them. */
function indefiniteOuterLengths(cms: Uint8Array): Uint8Array {
  const contentInfo = asn1js.fromBER(Uint8Array.from(cms).buffer).result as asn1js.Sequence;
  const [contentType, explicit] = contentInfo.valueBlock.value;
  const signedData = (explicit as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence;
  const inner = new Uint8Array(signedData.valueBlock.valueBeforeDecodeView);
  return Uint8Array.from([0x30, 0x80, ...new Uint8Array(contentType?.valueBeforeDecodeView ?? new ArrayBuffer(0)), 0xa0, 0x80, 0x30, 0x80, ...inner, 0, 0, 0, 0, 0, 0]);
}

/** The same CMS without its [0] certificates field. */
function withoutCertificateSet(cms: Uint8Array): Uint8Array {
  const info = AsnConvert.parse(cms, ContentInfo);
  const signed = AsnConvert.parse(info.content, SignedData);
  signed.certificates = undefined;
  return new Uint8Array(AsnConvert.serialize(new ContentInfo({ contentType: info.contentType, content: AsnConvert.serialize(signed) })));
}
