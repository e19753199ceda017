/**
 * A CMS SignedData (RFC 5652 §5) read by @peculiar/asn1-cms into what a verifier needs: the
 * certificates exactly as they were sent, and per signer its identifier, algorithms, signed
 * attributes (with the bytes the signature covers), signature and any RFC 3161 timestamp token.
 * Only the structure is read here; verifyDetachedSignature.ts is the profile and the checks.
 */
import { ContentInfo, SignedData, type SignerInfo } from '@peculiar/asn1-cms';
import { AsnParser } from '@peculiar/asn1-schema';
import * as asn1js from 'asn1js';
import { err, ok, type Result } from '../result';
import { bytesOf, compareBytes, derOf, exactBuffer, hexOf, isStrictDer, normaliseSerialHex, parseAsn, SIZE_LIMIT, type Asn1Problem } from './asn1';
import { algorithmRef, type AlgorithmRef, type CertificateInfo } from './certificate';
import { CMS_OID } from './oids';

export type SignerIdentifier =
  | { readonly kind: 'issuerAndSerialNumber'; readonly issuerDer: Uint8Array; /** normalised, as CertificateInfo */ readonly serialHex: string }
  | { readonly kind: 'subjectKeyIdentifier'; readonly keyIdentifier: Uint8Array };

export interface CmsAttribute {
  readonly type: string;
  /** Each value's DER as received. */
  readonly values: readonly Uint8Array[];
}

export interface SignedAttributes {
  /** What the signature covers (RFC 5652 §5.4): the attributes with the SET OF tag instead of [0] IMPLICIT. */
  readonly signedBytes: Uint8Array;
  /** Strict DER throughout and in SET OF order, as a signature over them requires. */
  readonly isDer: boolean;
  readonly all: readonly CmsAttribute[];
  /** The attribute's single value; null when absent, repeated, multi-valued or of the wrong type. */
  readonly contentType: string | null;
  readonly messageDigest: Uint8Array | null;
  readonly signingTime: Date | null;
}

export interface SignerView {
  readonly sid: SignerIdentifier;
  readonly digestAlgorithm: AlgorithmRef;
  /** null when the signer has none (then the signature is over the content itself, which no profile here accepts). */
  readonly signedAttributes: SignedAttributes | null;
  readonly signatureAlgorithm: AlgorithmRef;
  readonly signature: Uint8Array;
  readonly unsignedAttributes: readonly CmsAttribute[];
}

export interface SignedDataView {
  readonly eContentType: string;
  /** The encapsulated content; null when detached. */
  readonly eContent: Uint8Array | null;
  /** X.509 certificates as received (other CertificateChoices are not signers and are left out). */
  readonly certificatesDer: readonly Uint8Array[];
  readonly signers: readonly SignerView[];
}

/** The single value of attribute `type` as an asn1js block, or null when absent, repeated or multi-valued. */
function singleValue(attributes: readonly CmsAttribute[], type: string): asn1js.AsnType | null {
  const matches = attributes.filter((attribute) => attribute.type === type);
  const value = matches.length === 1 && matches[0]?.values.length === 1 ? matches[0].values[0] : undefined;
  if (value === undefined) return null;
  const parsed = asn1js.fromBER(exactBuffer(value));
  return parsed.offset === value.length ? parsed.result : null;
}

function attributesOf(attributes: readonly { attrType: string; attrValues: ArrayBuffer[] }[]): CmsAttribute[] {
  return attributes.map((attribute) => ({ type: attribute.attrType, values: attribute.attrValues.map((value) => bytesOf(value)) }));
}

function signedAttributesOf(signer: SignerInfo, raw: Uint8Array | null): SignedAttributes | null {
  if (signer.signedAttrs === undefined || raw === null) return null;
  const signedBytes = Uint8Array.from(raw);
  signedBytes[0] = 0x31; // [0] IMPLICIT → SET OF, the form the signature covers
  const all = attributesOf(signer.signedAttrs);
  const contentType = singleValue(all, CMS_OID.contentType);
  const messageDigest = singleValue(all, CMS_OID.messageDigest);
  const signingTime = singleValue(all, CMS_OID.signingTime);
  return {
    signedBytes,
    isDer: isStrictDer(signedBytes) && inSetOfOrder(signedBytes),
    all,
    contentType: contentType instanceof asn1js.ObjectIdentifier ? contentType.getValue() : null,
    messageDigest: messageDigest instanceof asn1js.OctetString && !messageDigest.idBlock.isConstructed ? new Uint8Array(messageDigest.valueBlock.valueHexView) : null,
    signingTime: signingTime instanceof asn1js.UTCTime || signingTime instanceof asn1js.GeneralizedTime ? signingTime.toDate() : null,
  };
}

/** X.690 §11.6: the elements of a DER SET OF ascend by their encodings. */
function inSetOfOrder(setBytes: Uint8Array): boolean {
  const parsed = asn1js.fromBER(exactBuffer(setBytes));
  const children = (parsed.result as asn1js.Set).valueBlock.value.map((child) => new Uint8Array(child.valueBeforeDecodeView));
  return children.every((child, i) => i === 0 || compareBytes(children[i - 1] as Uint8Array, child) <= 0);
}

function signerOf(signer: SignerInfo, rawSignedAttributes: Uint8Array | null): SignerView {
  const { issuerAndSerialNumber, subjectKeyIdentifier } = signer.sid;
  const sid: SignerIdentifier =
    subjectKeyIdentifier !== undefined
      ? { kind: 'subjectKeyIdentifier', keyIdentifier: bytesOf(subjectKeyIdentifier.buffer) }
      : { kind: 'issuerAndSerialNumber', issuerDer: derOf(issuerAndSerialNumber?.issuer), serialHex: normaliseSerialHex(hexOf(bytesOf(issuerAndSerialNumber?.serialNumber ?? new ArrayBuffer(0)))) };
  return {
    sid,
    digestAlgorithm: algorithmRef(signer.digestAlgorithm),
    signedAttributes: signedAttributesOf(signer, rawSignedAttributes),
    signatureAlgorithm: algorithmRef(signer.signatureAlgorithm),
    signature: bytesOf(signer.signature.buffer),
    unsignedAttributes: attributesOf(signer.unsignedAttrs ?? []),
  };
}

const isContext = (block: asn1js.AsnType, tag: number): boolean => block.idBlock.tagClass === 3 && block.idBlock.tagNumber === tag;

/**
 * The certificates of SignedData as received: walked in the asn1js tree ([0] IMPLICIT CertificateSet),
 * since a re-encoding from the typed view could differ from what the CA signed.
 */
function rawCertificates(signedDataBlock: asn1js.AsnType): Uint8Array[] {
  const parts = (signedDataBlock as asn1js.Sequence).valueBlock.value;
  const set = parts.find((part) => isContext(part, 0));
  if (set === undefined) return [];
  return (set as asn1js.Constructed).valueBlock.value
    .filter((choice) => choice.idBlock.tagClass === 1 && choice.idBlock.tagNumber === 16) // SEQUENCE: a Certificate
    .map((choice) => new Uint8Array(choice.valueBeforeDecodeView));
}

/**
 * Each signer's signedAttrs ([0] IMPLICIT) exactly as received, in SignerInfos order: the typed view
 * keeps no raw bytes for a repeated field, and the signature covers these bytes, not a re-encoding.
 */
function rawSignedAttributes(signedDataBlock: asn1js.AsnType): (Uint8Array | null)[] {
  const parts = (signedDataBlock as asn1js.Sequence).valueBlock.value;
  const signerInfos = parts[parts.length - 1] as asn1js.Set | undefined;
  return (signerInfos?.valueBlock.value ?? []).map((signerInfo) => {
    const attributes = (signerInfo as asn1js.Sequence).valueBlock.value.find((part) => isContext(part, 0));
    return attributes === undefined ? null : new Uint8Array(attributes.valueBeforeDecodeView);
  });
}

/** Reads a ContentInfo holding SignedData; BER (indefinite lengths, as Java CMS producers write) is accepted. */
export function readSignedData(der: Uint8Array, limitBytes: number = SIZE_LIMIT.cms): Result<SignedDataView, Asn1Problem> {
  const contentInfo = parseAsn(der, ContentInfo, 'CMS', limitBytes);
  if (!contentInfo.ok) return contentInfo;
  if (contentInfo.value.contentType !== CMS_OID.signedData) return err({ kind: 'malformed', what: 'CMS' });
  const content = bytesOf(contentInfo.value.content);
  try {
    const block = asn1js.fromBER(exactBuffer(content));
    if (block.offset !== content.length || block.result.error !== '') return err({ kind: 'malformed', what: 'CMS' });
    const certificatesDer = rawCertificates(block.result);
    // The certificates are taken as received (above); parsing them into typed objects here as well
    // would cost more than the rest of the CMS, so the typed view is read without them.
    const parts = (block.result as asn1js.Sequence).valueBlock.value;
    (block.result as asn1js.Sequence).valueBlock.value = parts.filter((part) => !isContext(part, 0));
    const signedData = AsnParser.fromASN<SignedData>(block.result, SignedData);
    (block.result as asn1js.Sequence).valueBlock.value = parts;
    const rawAttributes = rawSignedAttributes(block.result);
    const eContent = signedData.encapContentInfo.eContent;
    const eContentBytes = eContent === undefined ? null : eContent.single !== undefined ? bytesOf(eContent.single.buffer) : eContent.any !== undefined ? bytesOf(eContent.any) : null;
    return ok({
      eContentType: signedData.encapContentInfo.eContentType,
      eContent: eContentBytes,
      certificatesDer,
      signers: signedData.signerInfos.map((signer, i) => signerOf(signer, rawAttributes[i] ?? null)),
    });
  } catch {
    return err({ kind: 'malformed', what: 'CMS' });
  }
}

/** Whether the signer identifier names `certificate`: issuer Name and serial, or the subject key identifier. */
export function identifiesCertificate(sid: SignerIdentifier, certificate: CertificateInfo): boolean {
  if (sid.kind === 'subjectKeyIdentifier') {
    const ski = certificate.subjectKeyIdentifier;
    return ski !== null && ski.length === sid.keyIdentifier.length && ski.every((byte, i) => byte === sid.keyIdentifier[i]);
  }
  return certificate.serialHex === sid.serialHex && compareBytes(certificate.issuerDer, sid.issuerDer) === 0;
}
