// The GOST 34.310-2004 RFC 3161 token from НУЦ РК's test TSA (test/fixtures/pki-kz/tsp_token.bin):
// its CMS (messageDigest of the TSTInfo and the TSA's signature over the signed attributes)
// verifies; the TSA's certificate chains to the GOST test CA at genTime; any altered byte fails.
import { describe, expect, it } from 'vitest';
import { createNodeCrypto } from '../../nodelib/pki/nodeCrypto';
import { kzFixture } from '../../test/support/pki/kzFixtures';
import { createSignatureSuite } from './algorithms/signatureSuite';
import { readCertificate } from './certificate';
import { readSignedData } from './cms';
import { verifyTimestampSignature, verifyTimestampToken } from './timestampToken';
import { VerificationMemo } from './verificationMemo';

const suite = createSignatureSuite(createNodeCrypto());
const token = kzFixture('tsp_token.bin');

function testCa() {
  const ca = readCertificate(kzFixture('nca_gost_test.crt'));
  if (!ca.ok) throw new Error('test CA unreadable');
  return ca.value;
}

describe('RFC 3161 timestamp token (GOST 34.310-2004)', () => {
  it("verifies the token's CMS: messageDigest over the TSTInfo and the signature over the signed attributes", () => {
    const verified = verifyTimestampSignature(token, { suite });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.value.tstInfo.genTime.toISOString()).toBe('2022-09-18T13:20:14.000Z');
    expect(verified.value.tsa.subject.commonName).toBe('СЕРВИС МЕТКИ ВРЕМЕНИ');
    expect(suite.keyLabel(verified.value.tsa.publicKey)).toBe('GOST 34.310-2004');
  });

  it('refuses the token with its TSTInfo or its signature altered', () => {
    const cms = readSignedData(token);
    if (!cms.ok) throw new Error('token unreadable');
    const content = cms.value.eContent as Uint8Array;
    const at = Buffer.from(token).indexOf(Buffer.from(content));
    const alteredContent = token.slice();
    alteredContent[at + content.length - 3] = (alteredContent[at + content.length - 3] ?? 0) ^ 0x01;
    expect(verifyTimestampSignature(alteredContent, { suite })).toEqual({ ok: false, error: { kind: 'bad-signature' } });

    const signature = cms.value.signers[0]?.signature as Uint8Array;
    const sigAt = Buffer.from(token).indexOf(Buffer.from(signature));
    const alteredSignature = token.slice();
    alteredSignature[sigAt + 5] = (alteredSignature[sigAt + 5] ?? 0) ^ 0x01;
    expect(verifyTimestampSignature(alteredSignature, { suite })).toEqual({ ok: false, error: { kind: 'bad-signature' } });
  });

  it('chains the TSA certificate to the GOST test CA at genTime, and names a stamp of other data as such', () => {
    const trusted = [testCa()];
    const verified = verifyTimestampSignature(token, { suite });
    if (!verified.ok) throw new Error('token did not verify');
    // The stamped value is unknown (NCANode's fixture), so an arbitrary one must be refused as another stamp.
    const result = verifyTimestampToken(token, new Uint8Array([1, 2, 3]), { suite, memo: new VerificationMemo(), trusted });
    expect(result).toEqual({ ok: false, error: { kind: 'imprint-mismatch' } });
  });
});
