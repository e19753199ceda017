/**
 * Reads the operator's detached CMS SignedData (RFC 5652) into what verification needs. Only the
 * profile DESIGN.md §5 fixes is accepted: one signer identified by issuer and serial number, its
 * certificate among the CMS certificates, SHA-256, RSA, no encapsulated content, and signed
 * attributes contentType (id-data), signingTime and messageDigest, each exactly once.
 */
import { err, ok, type Result } from '../../core/result';
import { certificateFields, type CertificateFields } from '../pki/certificateFields';
import { childrenOf, contextTag, decodeOid, decodeTime, DerError, expectTag, integerHex, parseDer, TAG, type DerNode } from '../pki/der';

export const CMS_OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

export interface DetachedSignature {
  readonly signerCertificateDer: Uint8Array;
  readonly signerCertificate: CertificateFields;
  /** The signed attributes as the signature covers them: re-tagged from [0] IMPLICIT to SET OF. */
  readonly signedAttributesDer: Uint8Array;
  readonly messageDigest: Uint8Array;
  readonly signingTime: Date;
  readonly signature: Uint8Array;
}

/** Why the CMS was not accepted; for logs, never quoting the CMS. */
export type CmsProblem = { readonly kind: 'malformed-cms'; readonly reason: string };

export function parseDetachedCms(der: Uint8Array): Result<DetachedSignature, CmsProblem> {
  try {
    return ok(read(der));
  } catch (error) {
    if (error instanceof DerError) return err({ kind: 'malformed-cms', reason: error.message });
    throw error;
  }
}

function fail(reason: string): never {
  throw new DerError(reason);
}

/** AlgorithmIdentifier with absent or NULL parameters. */
function algorithmOf(node: DerNode | undefined, what: string): string {
  const [oid, parameters, ...rest] = childrenOf(expectTag(node, TAG.sequence, what));
  if (rest.length > 0 || (parameters !== undefined && parameters.tag !== TAG.null)) fail(`unexpected ${what} parameters`);
  return decodeOid(expectTag(oid, TAG.oid, what));
}

function read(der: Uint8Array): DetachedSignature {
  const [contentType, wrapped] = childrenOf(expectTag(parseDer(der), TAG.sequence, 'ContentInfo'));
  if (decodeOid(expectTag(contentType, TAG.oid, 'contentType')) !== CMS_OID.signedData) fail('not SignedData');
  const [signedDataNode] = childrenOf(expectTag(wrapped, contextTag(0, true), 'content'));
  const signedData = childrenOf(expectTag(signedDataNode, TAG.sequence, 'SignedData'));
  const [_version, _digestAlgorithms, encapsulated, ...rest] = signedData;

  const [eContentType, eContent] = childrenOf(expectTag(encapsulated, TAG.sequence, 'EncapsulatedContentInfo'));
  if (decodeOid(expectTag(eContentType, TAG.oid, 'eContentType')) !== CMS_OID.data) fail('content is not id-data');
  if (eContent !== undefined) fail('content is not detached');

  const certificates = rest.find((node) => node.tag === contextTag(0, true));
  const signerInfos = expectTag(rest[rest.length - 1], TAG.set, 'SignerInfos');
  const infos = childrenOf(signerInfos);
  if (infos.length !== 1) fail('exactly one signer expected');
  const info = childrenOf(expectTag(infos[0], TAG.sequence, 'SignerInfo'));
  const [_infoVersion, sid, digestAlgorithm, signedAttributes, signatureAlgorithm, signature] = info;

  // issuerAndSerialNumber; a subjectKeyIdentifier sid ([0]) is not part of the profile.
  const [sidIssuer, sidSerial] = childrenOf(expectTag(sid, TAG.sequence, 'IssuerAndSerialNumber'));
  const issuerDer = expectTag(sidIssuer, TAG.sequence, 'issuer').raw;
  const serialHex = integerHex(expectTag(sidSerial, TAG.integer, 'serialNumber'));
  if (algorithmOf(digestAlgorithm, 'digestAlgorithm') !== CMS_OID.sha256) fail('digest is not SHA-256');
  const attributes = expectTag(signedAttributes, contextTag(0, true), 'signedAttrs');
  const algorithm = algorithmOf(signatureAlgorithm, 'signatureAlgorithm');
  if (algorithm !== CMS_OID.rsaEncryption && algorithm !== CMS_OID.sha256WithRsa) fail('signature is not RSA');

  const signer = certificates === undefined ? undefined : findCertificate(certificates, issuerDer, serialHex);
  if (signer === undefined) fail('signer certificate is not in the CMS');
  const values = signedAttributeValues(attributes);
  if (decodeOid(expectTag(values.get(CMS_OID.contentType), TAG.oid, 'contentType attribute')) !== CMS_OID.data) {
    fail('contentType attribute is not id-data');
  }
  const signingTime = values.get(CMS_OID.signingTime);
  if (signingTime === undefined) fail('signingTime attribute missing');
  return {
    signerCertificateDer: signer.der,
    signerCertificate: signer.fields,
    // RFC 5652 §5.4: the signature is over the DER of SET OF, not over the [0] IMPLICIT tag.
    signedAttributesDer: Buffer.concat([Uint8Array.of(TAG.set), attributes.raw.subarray(1)]),
    messageDigest: expectTag(values.get(CMS_OID.messageDigest), TAG.octetString, 'messageDigest attribute').value,
    signingTime: decodeTime(signingTime),
    signature: expectTag(signature, TAG.octetString, 'signature').value,
  };
}

/** The certificate the signer identifier names: issuer Name bytes and serial number both match. */
function findCertificate(set: DerNode, issuerDer: Uint8Array, serialHex: string): { der: Uint8Array; fields: CertificateFields } | undefined {
  for (const choice of childrenOf(set)) {
    if (choice.tag !== TAG.sequence) continue; // other CertificateChoices (attribute certificates) are not signers
    const fields = certificateFields(choice.raw);
    if (fields.serialHex === serialHex && Buffer.from(fields.issuerDer).equals(issuerDer)) return { der: choice.raw, fields };
  }
  return undefined;
}

/** attrType → its single value, for the three attributes the profile requires (each exactly once). */
function signedAttributeValues(attributes: DerNode): Map<string, DerNode> {
  const values = new Map<string, DerNode>();
  for (const attribute of childrenOf(attributes)) {
    const [type, set] = childrenOf(expectTag(attribute, TAG.sequence, 'Attribute'));
    const oid = decodeOid(expectTag(type, TAG.oid, 'attrType'));
    const [value, ...more] = childrenOf(expectTag(set, TAG.set, 'attrValues'));
    if (values.has(oid) || value === undefined || more.length > 0) fail('a signed attribute is repeated or multi-valued');
    values.set(oid, value);
  }
  for (const required of [CMS_OID.contentType, CMS_OID.signingTime, CMS_OID.messageDigest]) {
    if (!values.has(required)) fail('a required signed attribute is missing');
  }
  return values;
}
