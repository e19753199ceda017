// НУЦ РК's real, public GOST certificates (test/fixtures/pki-kz) verified by the signature suite:
// GOST 2015 512-bit (Streebog-512, TC26 512 A) and GOST 34.310-2004 (GOST 34.311-95 with the test
// S-box, CryptoPro-A). Altered, swapped or reversed signatures must fail.
import { describe, expect, it } from 'vitest';
import { createNodeCrypto } from '../../nodelib/pki/nodeCrypto';
import { kzFixture } from '../../test/support/pki/kzFixtures';
import { createSignatureSuite } from './algorithms/signatureSuite';
import { readCertificate, type CertificateInfo } from './certificate';

const suite = createSignatureSuite(createNodeCrypto());

function certificate(file: string): CertificateInfo {
  const read = readCertificate(kzFixture(file));
  if (!read.ok) throw new Error(`${file}: ${read.error.kind}`);
  return read.value;
}

const verify = (child: CertificateInfo, issuer: CertificateInfo, signature = child.signature) =>
  suite.verify({ signatureAlgorithm: child.signatureAlgorithm, publicKey: issuer.publicKey, data: child.tbsDer, signature }).kind;

const swapHalves = (bytes: Uint8Array) => {
  const half = bytes.length / 2;
  return Uint8Array.from([...bytes.subarray(half), ...bytes.subarray(0, half)]);
};

const CASES = [
  { child: 'root_gost_2022.pem', issuer: 'root_gost_2022.pem', label: 'GOST 2015 (512)', what: 'the 2022 GOST root, self-signed' },
  { child: 'nca_gost_2022.pem', issuer: 'root_gost_2022.pem', label: 'GOST 2015 (512)', what: 'NCA 2022 by the 2022 root' },
  { child: 'root_gost_2020.cer', issuer: 'root_gost_2020.cer', label: 'GOST 34.310-2004', what: 'the 2020 GOST root, self-signed' },
  { child: 'ucgo_gost.cer', issuer: 'root_gost_2020.cer', label: 'GOST 34.310-2004', what: "the government bodies' CA by the 2020 root" },
  { child: 'nca_gost.pem', issuer: 'root_gost.pem', label: 'GOST 34.310-2004', what: 'NCA 2018 by the 2015 root' },
  { child: 'ceo_valid_sign_2004_gost.cer', issuer: 'nca_gost_test.crt', label: 'GOST 34.310-2004', what: 'a test signing certificate by the GOST test CA' },
] as const;

describe('НУЦ РК public GOST certificates', () => {
  for (const { child, issuer, label, what } of CASES) {
    it(`verifies ${what}; altered, swapped and reversed signatures fail`, () => {
      const c = certificate(child);
      const i = certificate(issuer);
      expect(suite.keyLabel(i.publicKey)).toBe(label);
      expect(verify(c, i)).toBe('valid');
      const altered = c.signature.slice();
      altered[7] = (altered[7] ?? 0) ^ 0x01;
      expect(verify(c, i, altered)).toBe('invalid');
      expect(verify(c, i, swapHalves(c.signature))).toBe('invalid');
      expect(verify(c, i, c.signature.slice().reverse())).toBe('invalid');
    });
  }

  it('does not verify a certificate with another CA of the same family', () => {
    expect(verify(certificate('ucgo_gost.cer'), certificate('root_gost.pem'))).toBe('invalid');
  });

  it('reads the subject of a НУЦ test signing certificate: IIN, BIN, patronymic and keyUsage', () => {
    const c = certificate('ceo_valid_sign_2004_gost.cer');
    expect(c.subject).toEqual({
      commonName: 'ТЕСТОВ ТЕСТ',
      surname: 'ТЕСТОВ',
      givenName: 'ТЕСТОВИЧ',
      serialNumber: 'IIN123456789011',
      organization: 'АО "ТЕСТ"',
      organizationalUnit: 'BIN123456789021',
    });
    expect(c.keyUsage).toMatchObject({ digitalSignature: true, nonRepudiation: true, keyCertSign: false });
    expect(c.isCa).toBe(false);
    expect(certificate('nca_gost_2022.pem').isCa).toBe(true);
  });
});
