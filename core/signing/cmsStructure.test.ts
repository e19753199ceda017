import { describe, expect, it } from 'vitest';
import { concatBytes } from '../asn1/bytes';
import { childAt, contextTag, DerError, parseDer, TAG } from '../asn1/derReader';
import { derInteger, derNull, derOctetString, derOid, derSequence, derSetOf, derTime, encodeTlv } from '../asn1/derWriter';
import type { CertificateFields } from './certificateFields';
import { CMS_OID, identifiesCertificate, readSignedData } from './cmsStructure';

const ISSUER = derSequence(derSetOf(derSequence(derOid('2.5.4.3'), encodeTlv(TAG.utf8String, new TextEncoder().encode('ҰКО')))));
const CERTIFICATE = derSequence(derSequence(derInteger(7)), derSequence(derOid(CMS_OID.sha256WithRsa)));
const ATTRIBUTE_CERTIFICATE = encodeTlv(contextTag(2, true), derSequence());
const SIGNATURE = Uint8Array.from({ length: 16 }, (_, i) => 0xf0 + i);
const DIGEST = new Uint8Array(32).fill(7);
const SIGNED_AT = new Date('2026-03-02T05:15:00Z');

const algorithm = (oid: string, withNull = true) => derSequence(derOid(oid), ...(withNull ? [derNull()] : []));
const attribute = (type: string, value: Uint8Array) => derSequence(derOid(type), derSetOf(value));
const signedAttributes = derSetOf(
  attribute(CMS_OID.contentType, derOid(CMS_OID.data)),
  attribute(CMS_OID.signingTime, derTime(SIGNED_AT)),
  attribute(CMS_OID.messageDigest, derOctetString(DIGEST)),
);
const explicit = (n: number, ...items: Uint8Array[]) => encodeTlv(contextTag(n, true), concatBytes(items));
const byIssuerAndSerial = derSequence(ISSUER, derInteger('00ff01'));

function signerInfo(options: { sid?: Uint8Array; withAttributes?: boolean; trailing?: Uint8Array[] } = {}): Uint8Array {
  return derSequence(
    derInteger(1),
    options.sid ?? byIssuerAndSerial,
    algorithm(CMS_OID.sha256, false),
    ...(options.withAttributes === false ? [] : [concatBytes([Uint8Array.of(contextTag(0, true)), signedAttributes.subarray(1)])]),
    algorithm(CMS_OID.rsaEncryption),
    derOctetString(SIGNATURE),
    ...(options.trailing ?? []),
  );
}

function cms(options: { content?: Uint8Array; signers?: Uint8Array[]; certificates?: Uint8Array[] | null; contentType?: string } = {}): Uint8Array {
  const { certificates = [CERTIFICATE, ATTRIBUTE_CERTIFICATE] } = options;
  const signedData = derSequence(
    derInteger(1),
    derSetOf(algorithm(CMS_OID.sha256)),
    derSequence(derOid(CMS_OID.data), ...(options.content === undefined ? [] : [explicit(0, derOctetString(options.content))])),
    ...(certificates === null ? [] : [explicit(0, ...certificates)]),
    encodeTlv(TAG.set, concatBytes(options.signers ?? [signerInfo()])),
  );
  return derSequence(derOid(options.contentType ?? CMS_OID.signedData), explicit(0, signedData));
}

/** The same structure with BER indefinite lengths for ContentInfo, [0] and SignedData, as Java producers write. */
function withIndefiniteOuterLengths(der: Uint8Array): Uint8Array {
  const contentInfo = parseDer(der);
  const signedData = childAt(childAt(contentInfo, 1, contextTag(0, true), 'content'), 0, TAG.sequence, 'SignedData');
  const open = (tag: number) => Uint8Array.of(tag, 0x80);
  const oid = childAt(contentInfo, 0, TAG.oid, 'contentType').encoded;
  return concatBytes([open(TAG.sequence), oid, open(contextTag(0, true)), open(TAG.sequence), signedData.content, new Uint8Array(6)]);
}

describe('readSignedData', () => {
  it('takes a detached SignedData apart: content type, certificates as encoded, one signer with all its parts', () => {
    const parts = readSignedData(cms(), 'der');
    expect(parts.eContentType).toBe(CMS_OID.data);
    expect(parts.detached).toBe(true);
    expect(parts.certificatesDer).toEqual([CERTIFICATE]); // the attribute certificate is not a signer
    expect(parts.signers).toHaveLength(1);
    const [signer] = parts.signers;
    expect(signer?.sid).toEqual({ kind: 'issuerAndSerialNumber', issuerDer: ISSUER, serialHex: 'ff01' });
    expect(signer?.digestAlgorithm).toEqual({ oid: CMS_OID.sha256, parameters: null });
    expect(signer?.signatureAlgorithm.oid).toBe(CMS_OID.rsaEncryption);
    expect(signer?.signatureAlgorithm.parameters?.tag).toBe(TAG.null);
    expect(signer?.signature).toEqual(SIGNATURE);
    expect(signer?.signedAttributes.signedBytes).toEqual(signedAttributes);
    expect(signer?.signedAttributes).toMatchObject({ isDer: true, contentType: CMS_OID.data, messageDigest: DIGEST, signingTime: SIGNED_AT });
  });

  it('reports attached content, several signers, a key-identifier signer, no certificates and unsigned attributes as they are', () => {
    expect(readSignedData(cms({ content: DIGEST }), 'der').detached).toBe(false);
    expect(readSignedData(cms({ signers: [signerInfo(), signerInfo()] }), 'der').signers).toHaveLength(2);
    expect(readSignedData(cms({ certificates: null }), 'der').certificatesDer).toEqual([]);
    const keyId = Uint8Array.of(1, 2, 3);
    const bySki = readSignedData(cms({ signers: [signerInfo({ sid: encodeTlv(contextTag(0, false), keyId) })] }), 'der');
    expect(bySki.signers[0]?.sid).toEqual({ kind: 'subjectKeyIdentifier', keyIdentifier: keyId });
    const unsigned = signerInfo({ trailing: [explicit(1, derSequence(derOid('1.2.3'), derSetOf(derNull())))] });
    expect(readSignedData(cms({ signers: [unsigned] }), 'der').signers[0]?.signature).toEqual(SIGNATURE);
  });

  it('reads BER indefinite outer lengths only when asked to', () => {
    const ber = withIndefiniteOuterLengths(cms());
    expect(readSignedData(ber, 'ber').signers[0]?.signedAttributes.isDer).toBe(true);
    expect(() => readSignedData(ber, 'der')).toThrow(DerError);
  });

  it('refuses what is not SignedData or breaks its structure', () => {
    const bad = [
      cms({ contentType: CMS_OID.data }),
      cms({ signers: [signerInfo({ withAttributes: false })] }),
      cms({ signers: [signerInfo({ trailing: [derNull()] })] }),
      cms({ signers: [signerInfo({ sid: derInteger(1) })] }),
      cms().subarray(0, 40),
      new TextEncoder().encode('not a CMS'),
    ];
    for (const [i, bytes] of bad.entries()) expect(() => readSignedData(bytes, 'ber'), String(i)).toThrow(DerError);
  });
});

describe('identifiesCertificate', () => {
  const fields = (overrides: Partial<CertificateFields>) => ({ serialHex: 'ff01', issuerDer: ISSUER, subjectKeyIdentifier: null, ...overrides }) as CertificateFields;
  const sid = { kind: 'issuerAndSerialNumber', issuerDer: ISSUER, serialHex: 'ff01' } as const;

  it('matches issuer Name bytes and serial, or the subject key identifier', () => {
    expect(identifiesCertificate(sid, fields({}))).toBe(true);
    expect(identifiesCertificate(sid, fields({ serialHex: 'ff02' }))).toBe(false);
    expect(identifiesCertificate(sid, fields({ issuerDer: ISSUER.subarray(0, ISSUER.length - 1) }))).toBe(false);
    const bySki = { kind: 'subjectKeyIdentifier', keyIdentifier: Uint8Array.of(9) } as const;
    expect(identifiesCertificate(bySki, fields({ subjectKeyIdentifier: Uint8Array.of(9) }))).toBe(true);
    expect(identifiesCertificate(bySki, fields({ subjectKeyIdentifier: Uint8Array.of(8) }))).toBe(false);
    expect(identifiesCertificate(bySki, fields({}))).toBe(false);
  });
});
