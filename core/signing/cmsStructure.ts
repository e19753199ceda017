/**
 * A CMS SignedData (RFC 5652 §5) taken apart into what a verifier needs: the certificates, and per
 * signer its identifier, algorithms, signed attributes and signature bytes. Only the structure is
 * checked here. Which algorithms, how many signers, whether content may be attached, and the
 * hashing and signature verification belong to each side's profile: main/signing/verifyDetachedCms
 * for the signing agent's output, backend/signing/detachedCms for a submitted signature.
 */
import { bytesEqual } from '../asn1/bytes';
import { childAt, childrenOf, contextTag, DerError, expectTag, parseBer, parseDer, TAG, type DerElement, type Encoding } from '../asn1/derReader';
import { integerHex, oidOf } from '../asn1/derValues';
import type { CertificateFields } from './certificateFields';
import { ATTRIBUTE_OID, readSignedAttributes, type SignedAttributes } from './cmsSignedAttributes';

export const CMS_OID = {
  ...ATTRIBUTE_OID,
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

export interface AlgorithmIdentifier {
  readonly oid: string;
  /** null when absent; an explicit NULL is an element like any other. */
  readonly parameters: DerElement | null;
}

export type SignerIdentifier =
  | { readonly kind: 'issuerAndSerialNumber'; readonly issuerDer: Uint8Array; /** normalised, as CertificateFields */ readonly serialHex: string }
  | { readonly kind: 'subjectKeyIdentifier'; readonly keyIdentifier: Uint8Array };

export interface SignerInfo {
  readonly sid: SignerIdentifier;
  readonly digestAlgorithm: AlgorithmIdentifier;
  /** Required here: without them the signature is over the content itself, which no profile accepts. */
  readonly signedAttributes: SignedAttributes;
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly signature: Uint8Array;
}

export interface SignedDataParts {
  readonly eContentType: string;
  /** No eContent: the signed bytes travel separately. */
  readonly detached: boolean;
  /** The certificates as encoded; other CertificateChoices (attribute certificates) are not signers and left out. */
  readonly certificatesDer: readonly Uint8Array[];
  readonly signers: readonly SignerInfo[];
}

/**
 * Throws DerError when `cms` is not a ContentInfo holding SignedData. `encoding` 'ber' admits the
 * indefinite outer lengths Java CMS producers write; the signed attributes' own encoding is
 * reported in `isDer` rather than refused.
 */
export function readSignedData(cms: Uint8Array, encoding: Encoding): SignedDataParts {
  const contentInfo = expectTag((encoding === 'der' ? parseDer : parseBer)(cms), TAG.sequence, 'ContentInfo');
  if (oidOf(childAt(contentInfo, 0, TAG.oid, 'contentType')) !== CMS_OID.signedData) throw new DerError('not SignedData');
  const content = childAt(contentInfo, 1, contextTag(0, true), 'content');
  const [version, digestAlgorithms, encapsulated, ...rest] = childrenOf(childAt(content, 0, TAG.sequence, 'SignedData'));
  expectTag(version, TAG.integer, 'CMSVersion');
  expectTag(digestAlgorithms, TAG.set, 'digestAlgorithms');
  const [eContentType, eContent, ...extra] = childrenOf(expectTag(encapsulated, TAG.sequence, 'EncapsulatedContentInfo'));
  if (extra.length > 0) throw new DerError('malformed EncapsulatedContentInfo');
  const certificates = rest.find((part) => part.tag === contextTag(0, true));
  return {
    eContentType: oidOf(expectTag(eContentType, TAG.oid, 'eContentType')),
    detached: eContent === undefined,
    certificatesDer: certificates === undefined ? [] : childrenOf(certificates).filter((choice) => choice.tag === TAG.sequence).map((choice) => choice.encoded),
    signers: childrenOf(expectTag(rest[rest.length - 1], TAG.set, 'SignerInfos')).map(readSignerInfo),
  };
}

function algorithmOf(element: DerElement | undefined, what: string): AlgorithmIdentifier {
  const [oid, parameters, ...rest] = childrenOf(expectTag(element, TAG.sequence, what));
  if (rest.length > 0) throw new DerError(`malformed ${what}`);
  return { oid: oidOf(expectTag(oid, TAG.oid, what)), parameters: parameters ?? null };
}

function signerIdentifierOf(sid: DerElement | undefined): SignerIdentifier {
  if (sid?.tag === contextTag(0, false)) return { kind: 'subjectKeyIdentifier', keyIdentifier: sid.content };
  const [issuer, serial] = childrenOf(expectTag(sid, TAG.sequence, 'IssuerAndSerialNumber'));
  return {
    kind: 'issuerAndSerialNumber',
    issuerDer: expectTag(issuer, TAG.sequence, 'issuer Name').encoded,
    serialHex: integerHex(expectTag(serial, TAG.integer, 'serialNumber')),
  };
}

function readSignerInfo(element: DerElement): SignerInfo {
  const [version, sid, digestAlgorithm, signedAttributes, signatureAlgorithm, signature, unsigned, ...rest] = childrenOf(
    expectTag(element, TAG.sequence, 'SignerInfo'),
  );
  expectTag(version, TAG.integer, 'CMSVersion');
  if (rest.length > 0 || (unsigned !== undefined && unsigned.tag !== contextTag(1, true))) throw new DerError('malformed SignerInfo');
  return {
    sid: signerIdentifierOf(sid),
    digestAlgorithm: algorithmOf(digestAlgorithm, 'digestAlgorithm'),
    signedAttributes: readSignedAttributes(expectTag(signedAttributes, contextTag(0, true), 'signedAttrs')),
    signatureAlgorithm: algorithmOf(signatureAlgorithm, 'signatureAlgorithm'),
    signature: expectTag(signature, TAG.octetString, 'signature').content,
  };
}

/** Whether the signer identifier names `certificate`: issuer Name bytes and serial, or the subject key identifier. */
export function identifiesCertificate(sid: SignerIdentifier, certificate: CertificateFields): boolean {
  if (sid.kind === 'subjectKeyIdentifier') {
    return certificate.subjectKeyIdentifier !== null && bytesEqual(certificate.subjectKeyIdentifier, sid.keyIdentifier);
  }
  return certificate.serialHex === sid.serialHex && bytesEqual(certificate.issuerDer, sid.issuerDer);
}
