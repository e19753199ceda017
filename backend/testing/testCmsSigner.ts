/**
 * Test-only signer: makes the detached CMS of the signature profile with any key file, skipping every
 * check the workstation's Pkcs12Signer makes (expired, revoked, AUTH-only, foreign keys all sign), so
 * backend tests can present the signatures the backend must refuse. `omitSigningTime` and
 * `attachContent` bend the profile itself. Built with @peculiar/asn1-cms. Never used in production.
 */
import { createHash, createPrivateKey, sign, X509Certificate, type KeyObject } from 'node:crypto';
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
import { AlgorithmIdentifier, Certificate } from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import { OPERATOR_SIGNATURE_FORMAT, type ApplicationSubmissionBody } from '../../core/backendApi/wire';
import { DIGEST_OID, SIGNATURE_OID } from '../../core/pki/algorithms/algorithmRegistry';
import { compareBytes } from '../../core/pki/asn1';
import { CMS_OID } from '../../core/pki/oids';
import { signedBytesOf } from '../../core/signing/signedPayload';

export interface TestKey {
  readonly privateKey: KeyObject;
  readonly certificate: X509Certificate;
}

/** The key and its certificate from a PKCS#12 file (the certificate whose public key matches). */
export function openTestKeyFile(p12: Uint8Array, password: string): TestKey {
  const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(p12).toString('binary')), false, password);
  const bags = (type: string | undefined) => (type === undefined ? [] : (pfx.getBags({ bagType: type })[type] ?? []));
  const key = bags(forge.pki.oids.pkcs8ShroudedKeyBag).find((bag) => bag.key !== undefined)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (key === undefined) throw new Error('test key file without a private key');
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(key));
  for (const bag of bags(forge.pki.oids.certBag)) {
    if (bag.cert === undefined) continue;
    const certificate = new X509Certificate(forge.pem.encode({ type: 'CERTIFICATE', body: forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert)).getBytes() }));
    if (certificate.checkPrivateKey(privateKey)) return { privateKey, certificate };
  }
  throw new Error('test key file without the certificate of its key');
}

export interface TestSignOptions {
  readonly signingTime?: Date;
  readonly omitSigningTime?: boolean;
  readonly attachContent?: boolean;
  /** Certificates to put in the CMS instead of the signer's own. */
  readonly certificates?: readonly X509Certificate[];
}

/** A fresh ArrayBuffer of exactly these bytes (a Node Buffer's slice() is a view into a shared pool). */
const buffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;
const der = (value: unknown): Uint8Array => new Uint8Array(AsnConvert.serialize(value));
const NULL = buffer(new Uint8Array([0x05, 0x00]));
const algorithm = (oid: string) => new AlgorithmIdentifier({ algorithm: oid, parameters: NULL });
const value = (block: { toBER(sizeOnly?: boolean): ArrayBuffer }) => block.toBER(false);

export function signDetachedForTest(key: TestKey, data: Uint8Array, options: TestSignOptions = {}): Uint8Array {
  const attributes = [
    new Attribute({ attrType: CMS_OID.contentType, attrValues: [value(new asn1js.ObjectIdentifier({ value: CMS_OID.data }))] }),
    ...(options.omitSigningTime ? [] : [new Attribute({ attrType: CMS_OID.signingTime, attrValues: [value(new asn1js.UTCTime({ valueDate: options.signingTime ?? new Date() }))] })]),
    new Attribute({ attrType: CMS_OID.messageDigest, attrValues: [buffer(der(new OctetString(buffer(new Uint8Array(createHash('sha256').update(data).digest())))))] }),
  ].sort((a, b) => compareBytes(der(a), der(b)));
  const signedAttributes = new Uint8Array(new asn1js.Set({ value: attributes.map((attribute) => asn1js.fromBER(buffer(der(attribute))).result) }).toBER(false));
  const certificate = AsnConvert.parse(key.certificate.raw, Certificate);
  const signer = new SignerInfo({
    version: 1,
    sid: new SignerIdentifier({ issuerAndSerialNumber: new IssuerAndSerialNumber({ issuer: certificate.tbsCertificate.issuer, serialNumber: certificate.tbsCertificate.serialNumber }) }),
    digestAlgorithm: algorithm(DIGEST_OID.sha256),
    signedAttrs: attributes,
    signatureAlgorithm: algorithm(SIGNATURE_OID.rsaEncryption),
    signature: new OctetString(buffer(new Uint8Array(sign('sha256', signedAttributes, key.privateKey)))),
  });
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([algorithm(DIGEST_OID.sha256)]),
    encapContentInfo: new EncapsulatedContentInfo({
      eContentType: CMS_OID.data,
      ...(options.attachContent ? { eContent: new EncapsulatedContent({ single: new OctetString(buffer(data)) }) } : {}),
    }),
    certificates: new CertificateSet((options.certificates ?? [key.certificate]).map((c) => new CertificateChoices({ certificate: AsnConvert.parse(c.raw, Certificate) }))),
    signerInfos: new SignerInfos([signer]),
  });
  return der(new ContentInfo({ contentType: CMS_OID.signedData, content: buffer(der(signedData)) }));
}

/**
 * `body` with `operatorSignature` over its signed bytes (core/signing/signedPayload.ts).
 * `sign` gets those bytes and returns the CMS DER: this helper or the real Pkcs12Signer.
 */
export function withOperatorSignature(body: Omit<ApplicationSubmissionBody, 'operatorSignature'>, sign: (bytes: Uint8Array) => Uint8Array): ApplicationSubmissionBody {
  const bytes = signedBytesOf(body);
  if (!bytes.ok) throw new Error(`body cannot be signed: ${bytes.error.kind}`);
  return { ...body, operatorSignature: { format: OPERATOR_SIGNATURE_FORMAT, cms: Buffer.from(sign(bytes.value)).toString('base64') } };
}
