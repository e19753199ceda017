// Checks a detached CMS SignedData (RFC 5652) against the bytes it claims to sign, without trusting
// whoever produced it: the signing agent, or forge (which cannot verify its own output). It says
// nothing about whether the signer's certificate may sign; certificateDescription does that.
// The CMS is taken apart by core/signing/cmsStructure; this file is the workstation's profile and
// the node:crypto hashing and signature check.
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { err, ok, type Result } from '../../core/result';
import { readCertificateFields, type CertificateFields } from '../../core/signing/certificateFields';
import { CMS_OID, identifiesCertificate, readSignedData, type SignedDataParts, type SignerInfo } from '../../core/signing/cmsStructure';

const KEY_OID = {
  rsaEncryption: CMS_OID.rsaEncryption,
  ecPublicKey: '1.2.840.10045.2.1',
  /** НУЦ РК GOST 34.310-2004 and GOST R 34.10-2015 public keys (kz-domain.md §3.3). */
  kzGostPrefix: '1.2.398.3.10.',
} as const;

export type DetachedCmsProblem =
  | 'malformed'
  | 'not-detached'
  | 'not-one-signer'
  | 'no-signer-certificate'
  | 'unsupported-algorithm'
  | 'attributes-not-der'
  | 'digest-mismatch'
  | 'bad-signature';

export type VerifiedCms = {
  readonly certificateDer: Uint8Array;
  /** false for GOST keys: Node cannot verify them, only the messageDigest was checked. */
  readonly signatureChecked: boolean;
};

type Candidate = { der: Uint8Array; fields: CertificateFields };

function readable(der: Uint8Array): Candidate | null {
  try {
    return { der, fields: readCertificateFields(der) };
  } catch {
    return null;
  }
}

/**
 * The certificate the signer identifier names, or else a lone certificate with the right serial:
 * some producers re-encode the issuer Name (forge does, see forgeDetachedCms). A lone certificate
 * also stands for a subjectKeyIdentifier signer when it carries no matching key identifier.
 */
function signerCertificate(signer: SignerInfo, candidates: readonly Uint8Array[]): Candidate | undefined {
  const certificates = candidates.map(readable).filter((entry) => entry !== null);
  const exact = certificates.find((entry) => identifiesCertificate(signer.sid, entry.fields));
  const [only, ...others] = certificates;
  if (exact !== undefined || only === undefined || others.length > 0) return exact;
  return signer.sid.kind === 'subjectKeyIdentifier' || signer.sid.serialHex === only.fields.serialHex ? only : undefined;
}

/** contentType must name the encapsulated type and messageDigest must be SHA-256 of `data`. */
function attributesProblem(signer: SignerInfo, eContentType: string, data: Uint8Array): DetachedCmsProblem | null {
  const { isDer, contentType, messageDigest } = signer.signedAttributes;
  if (!isDer) return 'attributes-not-der';
  if (contentType === null || contentType !== eContentType || messageDigest === null) return 'malformed';
  return createHash('sha256').update(data).digest().equals(messageDigest) ? null : 'digest-mismatch';
}

function signatureVerifies(fields: CertificateFields, signedBytes: Uint8Array, signature: Uint8Array): boolean | 'unsupported' {
  const key = () => createPublicKey({ key: Buffer.from(fields.subjectPublicKeyInfoDer), format: 'der', type: 'spki' });
  switch (fields.publicKeyAlgorithmOid) {
    case KEY_OID.rsaEncryption:
      return verifySignature('sha256', signedBytes, key(), signature);
    case KEY_OID.ecPublicKey:
      return verifySignature('sha256', signedBytes, { key: key(), dsaEncoding: 'der' }, signature);
    default:
      return 'unsupported';
  }
}

export function verifyDetachedCms(
  cmsDer: Uint8Array,
  data: Uint8Array,
  /** Certificates delivered next to the CMS (the agent's outputCert), for a CMS that carries none. */
  extraCertificatesDer: readonly Uint8Array[] = [],
): Result<VerifiedCms, DetachedCmsProblem> {
  let cms: SignedDataParts;
  try {
    cms = readSignedData(cmsDer, 'ber'); // Java CMS producers write indefinite outer lengths
  } catch {
    return err('malformed');
  }
  if (!cms.detached) return err('not-detached');
  const [signer, ...others] = cms.signers;
  if (signer === undefined || others.length > 0) return err('not-one-signer');
  if (signer.digestAlgorithm.oid !== CMS_OID.sha256) return err('unsupported-algorithm');
  const certificate = signerCertificate(signer, [...cms.certificatesDer, ...extraCertificatesDer]);
  if (certificate === undefined) return err('no-signer-certificate');
  const problem = attributesProblem(signer, cms.eContentType, data);
  if (problem !== null) return err(problem);

  if (certificate.fields.publicKeyAlgorithmOid.startsWith(KEY_OID.kzGostPrefix)) {
    // Node and stock OpenSSL cannot load KZ GOST keys (kz-domain.md §3.3). The digest check above shows
    // the CMS is about these bytes, not that the key holder signed them: the backend verifies the
    // signature itself (NCANode/Kalkan) before it accepts the application.
    return ok({ certificateDer: certificate.der, signatureChecked: false });
  }
  let verdict: boolean | 'unsupported';
  try {
    verdict = signatureVerifies(certificate.fields, signer.signedAttributes.signedBytes, signer.signature);
  } catch {
    return err('bad-signature'); // a key OpenSSL refuses to load cannot vouch for anything
  }
  if (verdict === 'unsupported') return err('unsupported-algorithm');
  return verdict ? ok({ certificateDer: certificate.der, signatureChecked: true }) : err('bad-signature');
}
