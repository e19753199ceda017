import { describe, expect, it } from 'vitest';
import { createNodeCrypto } from '../../nodelib/pki/nodeCrypto';
import { generateGostTestPki } from '../../test/support/testPki/gost/generateGostTestPki';
import { createSignatureSuite } from './algorithms/signatureSuite';
import { readCertificate, type CertificateInfo } from './certificate';
import { verifyChain } from './chain';
import { VerificationMemo } from './verificationMemo';

const info = (der: Uint8Array): CertificateInfo => {
  const read = readCertificate(der);
  if (!read.ok) throw new Error(read.error.kind);
  return read.value;
};

describe('VerificationMemo', () => {
  it('remembers a verified signature only for the exact bytes it covered', () => {
    const memo = new VerificationMemo(2);
    const key = Uint8Array.of(1, 2, 3);
    const signature = Uint8Array.of(9, 9);
    memo.remember(key, signature, Uint8Array.of(5, 6));
    expect(memo.has(key, signature, Uint8Array.of(5, 6))).toBe(true);
    expect(memo.has(key, signature, Uint8Array.of(5, 7))).toBe(false);
    expect(memo.has(Uint8Array.of(1, 2, 4), signature, Uint8Array.of(5, 6))).toBe(false);
    memo.remember(key, Uint8Array.of(1), Uint8Array.of(1));
    memo.remember(key, Uint8Array.of(2), Uint8Array.of(2)); // over capacity: the oldest goes
    expect(memo.has(key, signature, Uint8Array.of(5, 6))).toBe(false);
  });

  it('reads a certificate once per session: the same DER gives the same answer, other DER its own, refusals too', () => {
    const pki = generateGostTestPki({ family: 'gost-2004', now: new Date(), operatorIin: '850415312343', otherIin: '901120412403' });
    const memo = new VerificationMemo(8);
    const first = memo.readCertificate(pki.ca.der);
    expect(first).toEqual(readCertificate(pki.ca.der));
    expect(memo.readCertificate(Uint8Array.from(pki.ca.der))).toBe(first);
    const root = memo.readCertificate(pki.root.der);
    expect(root.ok && first.ok && root.value.subject).not.toEqual(first.ok && first.value.subject);
    const garbage = memo.readCertificate(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01));
    expect(garbage.ok).toBe(false);
    memo.clear();
    expect(memo.readCertificate(pki.ca.der)).not.toBe(first);
  });

  it('does not let a forged certificate borrow a genuine one’s verified signature', () => {
    const now = new Date();
    const pki = generateGostTestPki({ family: 'gost-2004', now, operatorIin: '850415312343', otherIin: '901120412403' });
    const suite = createSignatureSuite(createNodeCrypto());
    const memo = new VerificationMemo();
    const trusted = [info(pki.root.der), info(pki.ca.der)];
    const genuine = info(pki.keys.valid.der);
    expect(verifyChain(genuine, { trusted, suite, memo, at: now }).ok).toBe(true); // now memoised
    // Another person's certificate carrying the genuine one's signature value.
    const forged: CertificateInfo = { ...info(pki.keys.wrongIin.der), signature: genuine.signature, signatureAlgorithm: genuine.signatureAlgorithm };
    expect(verifyChain(forged, { trusted, suite, memo, at: now })).toEqual({ ok: false, error: { kind: 'untrusted-issuer' } });
  });
});
