// The GOST test PKI is only useful if the product's own verifier (core/pki) accepts what it makes:
// chains, the GOST-signed CRL, detached CMS in NCALayer's form and timestamp tokens, for each family.
import { describe, expect, it } from 'vitest';
import { createNodeCrypto } from '../../../../nodelib/pki/nodeCrypto';
import { createSignatureSuite } from '../../../../core/pki/algorithms/signatureSuite';
import { readCertificate, type CertificateInfo } from '../../../../core/pki/certificate';
import { verifyChain } from '../../../../core/pki/chain';
import { readCrl } from '../../../../core/pki/crl';
import { verifyDetachedSignature } from '../../../../core/pki/detachedSignature';
import { revocationOf } from '../../../../core/pki/revocation';
import { verifyTimestampToken } from '../../../../core/pki/timestampToken';
import { VerificationMemo } from '../../../../core/pki/verificationMemo';
import { generateGostTestPki } from './generateGostTestPki';
import { signDetachedGost } from './gostCms';

const suite = createSignatureSuite(createNodeCrypto());
const now = new Date();
const info = (der: Uint8Array): CertificateInfo => {
  const read = readCertificate(der);
  if (!read.ok) throw new Error(read.error.kind);
  return read.value;
};

describe.each(['gost-2015-512', 'gost-2004', 'gost-2015-256'] as const)('GOST test PKI (%s)', (family) => {
  const pki = generateGostTestPki({ family, now, operatorIin: '850415312343', otherIin: '901120412403', employer: { name: 'ХҚО ТЕСТ', bin: '060440000004' } });
  const trusted = [info(pki.root.der), info(pki.ca.der)];
  const memo = new VerificationMemo();
  const label = { 'gost-2015-512': 'GOST 2015 (512)', 'gost-2004': 'GOST 34.310-2004', 'gost-2015-256': 'GOST 2015 (256)' }[family];

  it('chains the operator key to the root and refuses the other CA', () => {
    const valid = verifyChain(info(pki.keys.valid.der), { trusted, suite, memo, at: now });
    expect(valid.ok && valid.value.map((c) => c.subject.commonName)).toEqual([
      'ҚАСЫМОВА ӘЙГЕРІМ',
      expect.stringContaining('ҰЛТТЫҚ'),
      expect.stringContaining('НЕГІЗГІ'),
    ]);
    expect(suite.keyLabel(info(pki.keys.valid.der).publicKey)).toBe(label);
    expect(verifyChain(info(pki.keys.otherCa.der), { trusted, suite, memo, at: now })).toEqual({ ok: false, error: { kind: 'untrusted-issuer' } });
  });

  it('signs a CRL the CA verifies; it names the revoked key with its date and no other', () => {
    const crl = readCrl(pki.crlDer);
    if (!crl.ok) throw new Error('CRL unreadable');
    const context = { crls: [crl.value], suite, memo, now };
    expect(revocationOf(info(pki.keys.revoked.der), info(pki.ca.der), context)).toEqual({ kind: 'revoked', since: new Date(Math.floor(pki.revokedAt.getTime() / 1000) * 1000) });
    expect(revocationOf(info(pki.keys.valid.der), info(pki.ca.der), context)).toEqual({ kind: 'good' });
    expect(revocationOf(info(pki.keys.valid.der), info(pki.otherRoot.der), context)).toEqual({ kind: 'unknown' });
  });

  it('makes detached CMS that verifies over the data, and not over other data', () => {
    const data = new TextEncoder().encode('{"application":"қазақ"}');
    const cms = signDetachedGost(pki.keys.valid, data, { tsa: pki.tsa });
    const verified = verifyDetachedSignature(cms, data, { suite, memo });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.value.signer.subject.serialNumber).toBe('IIN850415312343');
    expect(verifyDetachedSignature(cms, new TextEncoder().encode('{"application":"other"}'), { suite, memo })).toEqual({ ok: false, error: { kind: 'digest-mismatch' } });
    const token = verified.value.timestampTokenDer;
    expect(token).not.toBeNull();
    const stamp = verifyTimestampToken(token as Uint8Array, verified.value.signatureValue, { suite, memo, trusted });
    expect(stamp.ok).toBe(true);
  });
});
