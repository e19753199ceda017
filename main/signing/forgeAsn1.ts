// node-forge speaks "binary strings" (one char per byte) and untyped ASN.1 nodes: conversions and
// checked access for the forge code (key files, forge's CMS). Everything else reads DER with
// core/asn1/derReader.
import type forge from 'node-forge';

export const toBinary = (bytes: Uint8Array): string => Buffer.from(bytes).toString('binary');
export const fromBinary = (binary: string): Uint8Array => Uint8Array.from(Buffer.from(binary, 'binary'));

export function children(node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] {
  if (node === undefined || !Array.isArray(node.value)) throw new Error('ASN.1: expected a constructed element');
  return node.value;
}
