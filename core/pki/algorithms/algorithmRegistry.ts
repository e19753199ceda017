/**
 * Which signature, digest and key algorithms the workstation knows, by OID. RSA and ECDSA are
 * verified by the host's native crypto (node:crypto); GOST — НУЦ РК's GOST 34.310-2004 and GOST 2015
 * (GOST R 34.10-2012 maths) — in pure JS (gost/). Facts and sources: docs/domain/pki.md.
 */

export type DigestId = 'sha1' | 'sha256' | 'sha384' | 'sha512' | 'gost34311-95' | 'streebog-256' | 'streebog-512';
export type NativeDigestId = Extract<DigestId, 'sha1' | 'sha256' | 'sha384' | 'sha512'>;

export const DIGEST_OID: Readonly<Record<DigestId, string>> = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  /** GOST 34.311-95 = GOST R 34.11-94 with the test ("D-TEST") S-box. */
  'gost34311-95': '1.2.398.3.10.1.3.1',
  'streebog-256': '1.2.398.3.10.1.3.2',
  'streebog-512': '1.2.398.3.10.1.3.3',
};

const DIGEST_BY_OID: ReadonlyMap<string, DigestId> = new Map(Object.entries(DIGEST_OID).map(([id, oid]) => [oid, id as DigestId]));

export const digestOfOid = (oid: string): DigestId | null => DIGEST_BY_OID.get(oid) ?? null;

export type SchemeFamily = 'rsa' | 'ecdsa' | 'gost-2004' | 'gost-2015-256' | 'gost-2015-512';

export type KeyFamily = 'rsa' | 'ec' | 'gost-2004' | 'gost-2015';

export const KEY_OID = {
  rsa: '1.2.840.113549.1.1.1',
  ec: '1.2.840.10045.2.1',
  gost2004: '1.2.398.3.10.1.1.1.1',
  gost2015: '1.2.398.3.10.1.1.2.2',
} as const;

const KEY_FAMILY_BY_OID: ReadonlyMap<string, KeyFamily> = new Map([
  [KEY_OID.rsa, 'rsa'],
  [KEY_OID.ec, 'ec'],
  [KEY_OID.gost2004, 'gost-2004'],
  [KEY_OID.gost2015, 'gost-2015'],
]);

export const keyFamilyOfOid = (oid: string): KeyFamily | null => KEY_FAMILY_BY_OID.get(oid) ?? null;

export interface SignatureScheme {
  readonly family: SchemeFamily;
  /**
   * The digest the algorithm is defined with; null for bare rsaEncryption, which CMS pairs with the
   * SignerInfo's digestAlgorithm.
   */
  readonly digest: DigestId | null;
  /** The key family that can have made it. */
  readonly key: KeyFamily;
}

export const SIGNATURE_OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha1WithRsa: '1.2.840.113549.1.1.5',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  gost2004: '1.2.398.3.10.1.1.1.2',
  gost2015With256: '1.2.398.3.10.1.1.2.3.1',
  gost2015With512: '1.2.398.3.10.1.1.2.3.2',
} as const;

const SCHEMES: ReadonlyMap<string, SignatureScheme> = new Map([
  [SIGNATURE_OID.rsaEncryption, { family: 'rsa', digest: null, key: 'rsa' }],
  [SIGNATURE_OID.sha1WithRsa, { family: 'rsa', digest: 'sha1', key: 'rsa' }],
  [SIGNATURE_OID.sha256WithRsa, { family: 'rsa', digest: 'sha256', key: 'rsa' }],
  [SIGNATURE_OID.sha384WithRsa, { family: 'rsa', digest: 'sha384', key: 'rsa' }],
  [SIGNATURE_OID.sha512WithRsa, { family: 'rsa', digest: 'sha512', key: 'rsa' }],
  [SIGNATURE_OID.ecdsaWithSha256, { family: 'ecdsa', digest: 'sha256', key: 'ec' }],
  [SIGNATURE_OID.ecdsaWithSha384, { family: 'ecdsa', digest: 'sha384', key: 'ec' }],
  [SIGNATURE_OID.gost2004, { family: 'gost-2004', digest: 'gost34311-95', key: 'gost-2004' }],
  [SIGNATURE_OID.gost2015With256, { family: 'gost-2015-256', digest: 'streebog-256', key: 'gost-2015' }],
  [SIGNATURE_OID.gost2015With512, { family: 'gost-2015-512', digest: 'streebog-512', key: 'gost-2015' }],
]);

export const signatureSchemeOfOid = (oid: string): SignatureScheme | null => SCHEMES.get(oid) ?? null;

/** What the certificate card calls a key: the algorithm an operator recognises from НУЦ's naming. */
export type AlgorithmLabel = 'RSA' | 'ECDSA' | 'GOST 34.310-2004' | 'GOST 2015 (256)' | 'GOST 2015 (512)' | 'unknown';
