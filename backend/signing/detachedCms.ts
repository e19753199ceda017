/**
 * Reads the operator's detached CMS SignedData (RFC 5652) into what verification needs. Only the
 * profile DESIGN.md §5 fixes is accepted: one signer identified by issuer and serial number, its
 * certificate among the CMS certificates, SHA-256, RSA, no encapsulated content, strict DER
 * throughout, and signed attributes contentType (id-data), signingTime and messageDigest, each
 * exactly once. The structure is read by core/signing/cmsStructure; this file is the profile.
 */
import { DerError, TAG } from '../../core/asn1/derReader';
import { err, ok, type Result } from '../../core/result';
import { readCertificateFields, type CertificateFields } from '../../core/signing/certificateFields';
import { CMS_OID, identifiesCertificate, readSignedData, type AlgorithmIdentifier, type SignerInfo } from '../../core/signing/cmsStructure';

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

/** Absent or NULL parameters, as RFC 5754 and RFC 4055 write them for SHA-256 and RSA. */
const withoutParameters = (algorithm: AlgorithmIdentifier): boolean => algorithm.parameters === null || algorithm.parameters.tag === TAG.null;

function read(der: Uint8Array): DetachedSignature {
  const cms = readSignedData(der, 'der');
  if (cms.eContentType !== CMS_OID.data) fail('content is not id-data');
  if (!cms.detached) fail('content is not detached');
  const [signer, ...others] = cms.signers;
  if (signer === undefined || others.length > 0) fail('exactly one signer expected');
  // A subjectKeyIdentifier sid is not part of the profile.
  if (signer.sid.kind !== 'issuerAndSerialNumber') fail('expected IssuerAndSerialNumber');
  if (!withoutParameters(signer.digestAlgorithm)) fail('unexpected digestAlgorithm parameters');
  if (signer.digestAlgorithm.oid !== CMS_OID.sha256) fail('digest is not SHA-256');
  if (!withoutParameters(signer.signatureAlgorithm)) fail('unexpected signatureAlgorithm parameters');
  const algorithm = signer.signatureAlgorithm.oid;
  if (algorithm !== CMS_OID.rsaEncryption && algorithm !== CMS_OID.sha256WithRsa) fail('signature is not RSA');

  const certificate = cms.certificatesDer
    .map((certificateDer) => ({ der: certificateDer, fields: readCertificateFields(certificateDer) }))
    .find((candidate) => identifiesCertificate(signer.sid, candidate.fields));
  if (certificate === undefined) fail('signer certificate is not in the CMS');
  const { messageDigest, signingTime, contentType } = requiredAttributes(signer);
  if (contentType !== CMS_OID.data) fail('contentType attribute is not id-data');
  return {
    signerCertificateDer: certificate.der,
    signerCertificate: certificate.fields,
    signedAttributesDer: signer.signedAttributes.signedBytes,
    messageDigest,
    signingTime,
    signature: signer.signature,
  };
}

/** The three attributes the profile requires, each exactly once; no attribute may repeat or carry several values. */
function requiredAttributes(signer: SignerInfo): { contentType: string; messageDigest: Uint8Array; signingTime: Date } {
  const { all, contentType, messageDigest, signingTime } = signer.signedAttributes;
  const types = new Set(all.map((attribute) => attribute.type));
  if (types.size !== all.length || all.some((attribute) => attribute.values.length !== 1)) fail('a signed attribute is repeated or multi-valued');
  if (contentType === null || messageDigest === null || signingTime === null) fail('a required signed attribute is missing');
  return { contentType, messageDigest, signingTime };
}
