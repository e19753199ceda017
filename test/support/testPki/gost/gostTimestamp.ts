// A test timestamping authority: RFC 3161 tokens (CMS SignedData with an encapsulated TSTInfo) signed
// with a GOST test key, imprint SHA-256 of the stamped signature value — what NCALayer's tsaProfile
// fetches from tsp.pki.gov.kz. Test code only.
import { createHash, randomBytes } from 'node:crypto';
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContent,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
} from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { MessageImprint, TSTInfo } from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';
import { DIGEST_OID } from '../../../../core/pki/algorithms/algorithmRegistry';
import type { IssuedCertificate } from './gostCertificates';
import { gostDigest, gostSign } from './gostKeys';

export interface TestTsa {
  readonly certificate: IssuedCertificate;
  /** The time it stamps; default the moment of stamping. */
  readonly clock?: () => Date;
}

/** A fresh ArrayBuffer of exactly these bytes (a Node Buffer's slice() is a view into a shared pool). */
const buffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;
const der = (value: unknown): Uint8Array => new Uint8Array(AsnConvert.serialize(value));
const NULL = buffer(new Uint8Array([0x05, 0x00]));
const TST_INFO = '1.2.840.113549.1.9.16.1.4';
const oidDer = (oid: string) => buffer(new Uint8Array(new asn1js.ObjectIdentifier({ value: oid }).toBER(false)));

export function issueTimestampToken(tsa: TestTsa, stampedSignature: Uint8Array): Uint8Array {
  const genTime = new Date(Math.floor((tsa.clock?.() ?? new Date()).getTime() / 1000) * 1000);
  const tstInfo = der(
    new TSTInfo({
      version: 1,
      policy: '1.2.398.3.3.2.6.1',
      messageImprint: new MessageImprint({
        hashAlgorithm: new AlgorithmIdentifier({ algorithm: DIGEST_OID.sha256, parameters: NULL }),
        hashedMessage: new OctetString(buffer(new Uint8Array(createHash('sha256').update(stampedSignature).digest()))),
      }),
      serialNumber: buffer(randomBytes(8)),
      genTime,
    }),
  );
  const spec = tsa.certificate.key.spec;
  const attributes = [
    new Attribute({ attrType: '1.2.840.113549.1.9.3', attrValues: [oidDer(TST_INFO)] }),
    new Attribute({ attrType: '1.2.840.113549.1.9.4', attrValues: [buffer(der(new OctetString(buffer(gostDigest(spec, tstInfo)))))] }),
  ];
  const signedAttributes = new Uint8Array(new asn1js.Set({ value: attributes.map((attribute) => asn1js.fromBER(buffer(der(attribute))).result) }).toBER(false));
  const tbs = tsa.certificate.certificate.tbsCertificate;
  const signer = new SignerInfo({
    version: 1,
    sid: new SignerIdentifier({ issuerAndSerialNumber: new IssuerAndSerialNumber({ issuer: tbs.issuer, serialNumber: tbs.serialNumber }) }),
    digestAlgorithm: new AlgorithmIdentifier({ algorithm: DIGEST_OID[spec.digest], parameters: NULL }),
    signedAttrs: attributes,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: spec.signatureOid, parameters: NULL }),
    signature: new OctetString(buffer(gostSign(tsa.certificate.key, signedAttributes))),
  });
  const signedData = new SignedData({
    version: 3,
    digestAlgorithms: new DigestAlgorithmIdentifiers([new AlgorithmIdentifier({ algorithm: DIGEST_OID[spec.digest], parameters: NULL })]),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: TST_INFO, eContent: new EncapsulatedContent({ single: new OctetString(buffer(tstInfo)) }) }),
    certificates: new CertificateSet([new CertificateChoices({ certificate: tsa.certificate.certificate })]),
    signerInfos: new SignerInfos([signer]),
  });
  return der(new ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: buffer(der(signedData)) }));
}
