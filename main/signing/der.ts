// Small DER helpers for the signer: raw TLV slicing (signature checks need the exact bytes that
// were signed, not a re-encoding) and typed access to forge ASN.1 nodes.
import forge from 'node-forge';

/** Byte length of the complete TLV starting at `offset` (single-byte tags, definite lengths: DER). */
export function tlvLength(bytes: Uint8Array, offset: number): { header: number; total: number } {
  const first = bytes[offset + 1];
  if (first === undefined) throw new Error('DER: truncated length');
  if (first < 0x80) return { header: 2, total: 2 + first };
  const count = first & 0x7f;
  if (count === 0 || count > 4) throw new Error('DER: unsupported length');
  let length = 0;
  for (let i = 0; i < count; i += 1) {
    const byte = bytes[offset + 2 + i];
    if (byte === undefined) throw new Error('DER: truncated length');
    length = length * 256 + byte;
  }
  return { header: 2 + count, total: 2 + count + length };
}

/** The first element inside the outer SEQUENCE, as raw bytes (e.g. TBSCertList of a CRL). */
export function firstInnerTlv(bytes: Uint8Array): Uint8Array {
  const outer = tlvLength(bytes, 0);
  const inner = tlvLength(bytes, outer.header);
  if (outer.header + inner.total > bytes.length) throw new Error('DER: truncated element');
  return bytes.subarray(outer.header, outer.header + inner.total);
}

export const toBinary = (bytes: Uint8Array): string => Buffer.from(bytes).toString('binary');
export const fromBinary = (binary: string): Uint8Array => Uint8Array.from(Buffer.from(binary, 'binary'));

export function children(node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] {
  if (node === undefined || !Array.isArray(node.value)) throw new Error('ASN.1: expected a constructed element');
  return node.value;
}

export function primitive(node: forge.asn1.Asn1 | undefined): string {
  if (node === undefined || typeof node.value !== 'string') throw new Error('ASN.1: expected a primitive element');
  return node.value;
}

export const isUniversal = (node: forge.asn1.Asn1, type: forge.asn1.Type): boolean =>
  node.tagClass === forge.asn1.Class.UNIVERSAL && node.type === type;

/** Hex of an INTEGER's content without leading zero bytes, for serial number comparison. */
export const normaliseSerialHex = (hex: string): string => hex.toLowerCase().replace(/^(00)+/, '');
