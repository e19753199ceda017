// Hostile input for every PKI parser and check: random bytes, and real certificates, CRLs and CMS
// with bytes flipped, cut or inserted. Each must answer with a typed problem or a value — never
// throw, never hang — and a damaged signed object must never verify.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNodeCrypto } from '../../nodelib/pki/nodeCrypto';
import { kzFixture } from '../../test/support/pki/kzFixtures';
import { generateGostTestPki } from '../../test/support/testPki/gost/generateGostTestPki';
import { signDetachedGost } from '../../test/support/testPki/gost/gostCms';
import { createSignatureSuite } from './algorithms/signatureSuite';
import { readCertificate } from './certificate';
import { readCrl } from './crl';
import { readSignedData } from './cms';
import { verifyDetachedSignature } from './detachedSignature';
import { verifyTimestampSignature } from './timestampToken';
import { VerificationMemo } from './verificationMemo';

const suite = createSignatureSuite(createNodeCrypto());
const pki = generateGostTestPki({ family: 'gost-2004', now: new Date(), operatorIin: '850415312343', otherIin: '901120412403' });
const data = new TextEncoder().encode('{"a":1}');
const cms = signDetachedGost(pki.keys.valid, data);
const SAMPLES = { certificate: kzFixture('nca_gost_2022.pem'), crl: pki.crlDer, cms, token: kzFixture('tsp_token.bin') };

/** A sample with one of: a byte flipped, the tail cut, a run of bytes inserted. */
const damaged = (sample: Uint8Array) =>
  fc.oneof(
    fc.record({ at: fc.nat(sample.length - 1), xor: fc.integer({ min: 1, max: 255 }) }).map(({ at, xor }) => {
      const copy = Uint8Array.from(sample);
      copy[at] = (copy[at] ?? 0) ^ xor;
      return copy;
    }),
    fc.nat(sample.length - 1).map((length) => sample.slice(0, length)),
    fc.record({ at: fc.nat(sample.length), insert: fc.uint8Array({ minLength: 1, maxLength: 16 }) }).map(({ at, insert }) => Uint8Array.from([...sample.subarray(0, at), ...insert, ...sample.subarray(at)])),
  );

const RUNS = { numRuns: 150 };

describe('PKI parsers under hostile input', () => {
  it('answer random bytes with a typed problem, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        for (const read of [readCertificate, readCrl, readSignedData]) {
          const result = read(bytes);
          if (!result.ok) expect(['malformed', 'too-large']).toContain(result.error.kind);
        }
        expect(verifyDetachedSignature(bytes, data, { suite, memo: new VerificationMemo() }).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('never throw on a damaged CMS, and never verify one whose signed attributes or signature changed', () => {
    fc.assert(fc.property(damaged(SAMPLES.cms), (bytes) => void verifyDetachedSignature(bytes, data, { suite, memo: new VerificationMemo() })), RUNS);
    const parsed = readSignedData(SAMPLES.cms);
    if (!parsed.ok) throw new Error('sample CMS unreadable');
    const signer = parsed.value.signers[0];
    if (signer?.signedAttributes == null) throw new Error('sample CMS without signed attributes');
    const attributes = Uint8Array.from(signer.signedAttributes.signedBytes);
    attributes[0] = 0xa0; // as it appears in the CMS: [0] IMPLICIT
    const regions = [signer.signature, attributes].map((part) => {
      const at = Buffer.from(SAMPLES.cms).indexOf(Buffer.from(part));
      return { from: at + (part === attributes ? 2 : 0), to: at + part.length };
    });
    fc.assert(
      fc.property(fc.constantFrom(...regions).chain(({ from, to }) => fc.record({ at: fc.integer({ min: from, max: to - 1 }), xor: fc.integer({ min: 1, max: 255 }) })), ({ at, xor }) => {
        const copy = Uint8Array.from(SAMPLES.cms);
        copy[at] = (copy[at] ?? 0) ^ xor;
        expect(verifyDetachedSignature(copy, data, { suite, memo: new VerificationMemo() }).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('read damaged certificates, CRLs and timestamp tokens without throwing', () => {
    fc.assert(fc.property(damaged(SAMPLES.certificate), (bytes) => void readCertificate(bytes)), RUNS);
    fc.assert(fc.property(damaged(SAMPLES.crl), (bytes) => void readCrl(bytes)), RUNS);
    fc.assert(fc.property(damaged(SAMPLES.token), (bytes) => void verifyTimestampSignature(bytes, { suite })), { numRuns: 60 });
  });

  it('refuses a 10 MB "certificate" and CMS unread, and nesting deep enough to exhaust a recursive parser', () => {
    const huge = new Uint8Array(10 * 1024 * 1024).fill(0x30);
    expect(readCertificate(huge)).toEqual({ ok: false, error: { kind: 'too-large', what: 'certificate', limitBytes: 64 * 1024 } });
    expect(readSignedData(huge).ok).toBe(false);
    // 20 000 nested indefinite-length SEQUENCEs within the CMS size limit.
    const deep = Uint8Array.from([...Array.from({ length: 20_000 }, () => [0x30, 0x80]).flat(), ...new Array(40_000).fill(0)]);
    expect(readSignedData(deep)).toEqual({ ok: false, error: { kind: 'malformed', what: 'CMS' } });
    expect(readCertificate(deep.subarray(0, 60_000)).ok).toBe(false);
  });
});
