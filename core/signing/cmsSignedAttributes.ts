/**
 * The signed attributes of a CMS SignerInfo (RFC 5652 §5.3, §11): the bytes the signature covers
 * and the three attributes both signature profiles rely on. What to require of them is the caller's
 * profile; this only reads, refusing (DerError) a value of the wrong type.
 */
import { compareBytes, concatBytes } from '../asn1/bytes';
import { childrenOf, DerError, expectTag, isDerThroughout, parseBer, parseDer, TAG, type DerElement } from '../asn1/derReader';
import { oidOf, timeOf } from '../asn1/derValues';

export const ATTRIBUTE_OID = {
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

export interface SignedAttribute {
  readonly type: string;
  readonly values: readonly DerElement[];
}

export interface SignedAttributes {
  /** What the signature covers (RFC 5652 §5.4): the attributes with the SET OF tag, not their [0] IMPLICIT one. */
  readonly signedBytes: Uint8Array;
  /** Strict DER throughout and in SET OF order, as the signature requires; a verifier re-encoding them would sign other bytes. */
  readonly isDer: boolean;
  readonly all: readonly SignedAttribute[];
  /** The attribute's single value; null when it is absent, repeated or multi-valued. */
  readonly contentType: string | null;
  readonly messageDigest: Uint8Array | null;
  readonly signingTime: Date | null;
}

/** X.690 §11.6: the elements of a DER SET OF ascend by their encodings. */
function inSetOfOrder(elements: readonly DerElement[]): boolean {
  return elements.every((element, i) => {
    const previous = elements[i - 1];
    return previous === undefined || compareBytes(previous.encoded, element.encoded) <= 0;
  });
}

/** `implicitSet` is the [0] IMPLICIT SET OF Attribute element of a SignerInfo. */
export function readSignedAttributes(implicitSet: DerElement): SignedAttributes {
  const signedBytes = concatBytes([Uint8Array.of(TAG.set), implicitSet.encoded.subarray(1)]);
  const set = (implicitSet.encoding === 'der' ? parseDer : parseBer)(signedBytes);
  const elements = childrenOf(set);
  const all = elements.map((element): SignedAttribute => {
    const [type, values, ...rest] = childrenOf(expectTag(element, TAG.sequence, 'Attribute'));
    if (rest.length > 0) throw new DerError('malformed Attribute');
    return { type: oidOf(expectTag(type, TAG.oid, 'attrType')), values: childrenOf(expectTag(values, TAG.set, 'attrValues')) };
  });
  const single = (type: string): DerElement | null => {
    const matches = all.filter((attribute) => attribute.type === type);
    const values = matches.length === 1 ? matches[0]?.values : undefined;
    return values?.length === 1 ? (values[0] ?? null) : null;
  };
  const contentType = single(ATTRIBUTE_OID.contentType);
  const messageDigest = single(ATTRIBUTE_OID.messageDigest);
  const signingTime = single(ATTRIBUTE_OID.signingTime);
  return {
    signedBytes,
    isDer: isDerThroughout(set) && inSetOfOrder(elements),
    all,
    contentType: contentType === null ? null : oidOf(contentType),
    messageDigest: messageDigest === null ? null : expectTag(messageDigest, TAG.octetString, 'messageDigest').content,
    signingTime: signingTime === null ? null : timeOf(signingTime),
  };
}
