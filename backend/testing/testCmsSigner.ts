/**
 * Test-only signer: makes the detached CMS of DESIGN.md §5 with any key file, skipping every check
 * the workstation's Pkcs12Signer makes (expired, revoked, AUTH-only, foreign keys all sign), so
 * backend tests can present the signatures the backend must refuse. `omitSigningTime` and
 * `attachContent` bend the profile itself. Never used in production.
 */
import { createPrivateKey, sign, X509Certificate, createHash, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { contextTag, TAG } from '../../core/asn1/derReader';
import { derInteger, derNull, derOctetString, derOid, derSequence, derSetOf, derTime, encodeTlv } from '../../core/asn1/derWriter';
import {
  OPERATOR_SIGNATURE_FORMAT,
  type ApplicationSubmissionBody,
} from '../../core/backendApi/wire';
import { readCertificateFields } from '../../core/signing/certificateFields';
import { CMS_OID } from '../../core/signing/cmsStructure';
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

const attribute = (type: string, value: Uint8Array) => derSequence(derOid(type), derSetOf(value));
const algorithm = (oid: string) => derSequence(derOid(oid), derNull());

export function signDetachedForTest(key: TestKey, data: Uint8Array, options: TestSignOptions = {}): Uint8Array {
  const signedAttributes = derSetOf(
    attribute(CMS_OID.contentType, derOid(CMS_OID.data)),
    ...(options.omitSigningTime ? [] : [attribute(CMS_OID.signingTime, derTime(options.signingTime ?? new Date()))]),
    attribute(CMS_OID.messageDigest, derOctetString(createHash('sha256').update(data).digest())),
  );
  const fields = readCertificateFields(key.certificate.raw);
  const signerInfo = derSequence(
    derInteger(1),
    derSequence(fields.issuerDer, derInteger(fields.serialHex)),
    algorithm(CMS_OID.sha256),
    Buffer.concat([Uint8Array.of(contextTag(0, true)), signedAttributes.subarray(1)]), // [0] IMPLICIT SET OF
    algorithm(CMS_OID.rsaEncryption),
    derOctetString(sign('sha256', signedAttributes, key.privateKey)),
  );
  const certificates = (options.certificates ?? [key.certificate]).map((certificate) => certificate.raw);
  const encapsulated = options.attachContent
    ? derSequence(derOid(CMS_OID.data), encodeTlv(contextTag(0, true), derOctetString(data)))
    : derSequence(derOid(CMS_OID.data));
  const signedData = derSequence(
    derInteger(1),
    derSetOf(algorithm(CMS_OID.sha256)),
    encapsulated,
    encodeTlv(contextTag(0, true), Buffer.concat(certificates)),
    encodeTlv(TAG.set, signerInfo),
  );
  return derSequence(derOid(CMS_OID.signedData), encodeTlv(contextTag(0, true), signedData));
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
