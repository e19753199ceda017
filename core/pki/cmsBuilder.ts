/**
 * Builds the detached CMS SignedData of DESIGN.md's signature profile with @peculiar/asn1-cms: one
 * signer named by issuer and serial, signed attributes contentType (id-data), signingTime and
 * messageDigest in DER SET OF order, no content. The signature itself comes from the caller (the
 * key-file signer's RSA key on node:crypto; test code's GOST keys), which signs the DER of the signed
 * attributes; an RFC 3161 token may be added as the signer's unsigned attribute.
 */
import {
  Attribute,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
} from '@peculiar/asn1-cms';
import { AsnParser, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Name } from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';
import { compareBytes, derOf, exactBuffer } from './asn1';
import { CMS_OID } from './oids';

export interface DetachedCmsInput {
  readonly certificateDer: Uint8Array;
  readonly digestAlgorithmOid: string;
  /** The SignerInfo's signatureAlgorithm, e.g. rsaEncryption or a GOST signature OID. */
  readonly signatureAlgorithmOid: string;
  /** NULL parameters where the algorithm's specification writes them (RSA, SHA-2). */
  readonly nullParameters: boolean;
  /** The digest of the data with `digestAlgorithmOid`. */
  readonly messageDigest: Uint8Array;
  readonly signingTime: Date;
  /** Signs the DER of the signed attributes (a SET OF Attribute); returns the signature value. */
  readonly sign: (signedAttributesDer: Uint8Array) => Uint8Array;
  /** Adds a timestamp token over the signature value (RFC 3161 appendix A), as NCALayer's tsaProfile does. */
  readonly timestamp?: (signatureValue: Uint8Array) => Uint8Array;
}

const NULL_DER = new Uint8Array([0x05, 0x00]);

const algorithm = (oid: string, nullParameters: boolean) =>
  new AlgorithmIdentifier({ algorithm: oid, ...(nullParameters ? { parameters: exactBuffer(NULL_DER) } : {}) });

const buffer = exactBuffer;

/** UTCTime for 1950–2049 and GeneralizedTime otherwise (RFC 5652 §11.3), whole seconds. */
function timeDer(date: Date): Uint8Array {
  const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
  const year = whole.getUTCFullYear();
  const block = year >= 1950 && year < 2050 ? new asn1js.UTCTime({ valueDate: whole }) : new asn1js.GeneralizedTime({ valueDate: whole });
  return new Uint8Array(block.toBER(false));
}

/** The certificate's issuer Name and serial number, read without a typed parse of the whole certificate. */
function issuerAndSerialOf(certificateDer: Uint8Array): IssuerAndSerialNumber {
  const tbs = (asn1js.fromBER(buffer(certificateDer)).result as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
  const fields = tbs.valueBlock.value;
  const at = fields[0]?.idBlock.tagClass === 3 ? 1 : 0; // optional [0] version
  const serial = fields[at] as asn1js.Integer;
  const issuer = fields[at + 2];
  if (issuer === undefined) throw new Error('certificate without an issuer');
  return new IssuerAndSerialNumber({ issuer: AsnParser.fromASN(issuer, Name), serialNumber: buffer(new Uint8Array(serial.valueBlock.valueHexView)) });
}

/**
 * `signedDataDer` with the certificate inserted as its [0] IMPLICIT CertificateSet, exactly as
 * received: a typed round trip of the certificate would cost more than the rest and could re-encode it.
 */
function withCertificate(signedDataDer: Uint8Array, certificateDer: Uint8Array): Uint8Array {
  const signedData = asn1js.fromBER(buffer(signedDataDer)).result as asn1js.Sequence;
  const certificate = asn1js.fromBER(buffer(certificateDer)).result;
  const set = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [certificate] });
  const parts = signedData.valueBlock.value;
  parts.splice(parts.length - 1, 0, set); // before signerInfos
  return new Uint8Array(signedData.toBER(false));
}

export function buildDetachedCms(input: DetachedCmsInput): Uint8Array {
  const attributes = [
    new Attribute({ attrType: CMS_OID.contentType, attrValues: [buffer(new Uint8Array(new asn1js.ObjectIdentifier({ value: CMS_OID.data }).toBER(false)))] }),
    new Attribute({ attrType: CMS_OID.signingTime, attrValues: [buffer(timeDer(input.signingTime))] }),
    new Attribute({ attrType: CMS_OID.messageDigest, attrValues: [buffer(derOf(new OctetString(buffer(input.messageDigest))))] }),
  ]
    .map((attribute) => ({ attribute, der: derOf(attribute) }))
    .sort((a, b) => compareBytes(a.der, b.der)); // DER SET OF order (X.690 §11.6)

  // What is signed: the attributes as a SET OF (RFC 5652 §5.4), in the order they are written.
  const setOf = new Uint8Array(new asn1js.Set({ value: attributes.map(({ der }) => asn1js.fromBER(buffer(der)).result) }).toBER(false));
  const signatureValue = input.sign(setOf);

  const unsignedAttrs =
    input.timestamp === undefined ? undefined : [new Attribute({ attrType: CMS_OID.timeStampToken, attrValues: [buffer(input.timestamp(signatureValue))] })];
  const signer = new SignerInfo({
    version: 1,
    sid: new SignerIdentifier({ issuerAndSerialNumber: issuerAndSerialOf(input.certificateDer) }),
    digestAlgorithm: algorithm(input.digestAlgorithmOid, input.nullParameters),
    signedAttrs: attributes.map(({ attribute }) => attribute),
    signatureAlgorithm: algorithm(input.signatureAlgorithmOid, input.nullParameters),
    signature: new OctetString(buffer(signatureValue)),
    ...(unsignedAttrs === undefined ? {} : { unsignedAttrs }),
  });
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([algorithm(input.digestAlgorithmOid, input.nullParameters)]),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: CMS_OID.data }),
    signerInfos: new SignerInfos([signer]),
  });
  return derOf(new ContentInfo({ contentType: CMS_OID.signedData, content: buffer(withCertificate(derOf(signedData), input.certificateDer)) }));
}
