/**
 * The one door through which untrusted DER enters the PKI code: @peculiar's ASN.1 schemas (over
 * asn1js) do the parsing; this file bounds the input first, insists on one whole element with no
 * trailing bytes, and turns every library failure (including a stack overflow on hostile nesting)
 * into a typed problem instead of an exception.
 */
import { AsnConvert, AsnParser } from '@peculiar/asn1-schema';
import * as asn1js from 'asn1js';
import { err, ok, type Result } from '../result';

export type Asn1Problem =
  /** Larger than anything of its kind can honestly be: refused before parsing. */
  | { readonly kind: 'too-large'; readonly what: string; readonly limitBytes: number }
  /** Not DER/BER, truncated, trailing bytes, or not the expected structure. */
  | { readonly kind: 'malformed'; readonly what: string };

/** Upper bounds on what is parsed at all (a НУЦ certificate is ~1.5 KB; a full CRL of a national CA tens of MB). */
export const SIZE_LIMIT = {
  certificate: 64 * 1024,
  cms: 1024 * 1024,
  crl: 64 * 1024 * 1024,
  timestampToken: 256 * 1024,
} as const;

type Constructor<T> = new () => T;

/**
 * A fresh ArrayBuffer holding exactly `bytes`. Not `bytes.slice().buffer`: for a Node Buffer, slice()
 * is a view into Node's shared pool, and its .buffer holds other data around it.
 */
export function exactBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

const bufferOf = exactBuffer;

/** Parses exactly one element of type `target` spanning all of `bytes`. */
export function parseAsn<T>(bytes: Uint8Array, target: Constructor<T>, what: string, limitBytes: number): Result<T, Asn1Problem> {
  if (bytes.length > limitBytes) return err({ kind: 'too-large', what, limitBytes });
  if (bytes.length === 0) return err({ kind: 'malformed', what });
  try {
    const parsed = asn1js.fromBER(bufferOf(bytes));
    if (parsed.offset === -1 || parsed.result.error !== '' || parsed.offset !== bytes.length) return err({ kind: 'malformed', what });
    return ok(AsnParser.fromASN<T>(parsed.result, target));
  } catch {
    // Schema mismatch, an unknown CHOICE, or RangeError from nesting deep enough to exhaust the stack.
    return err({ kind: 'malformed', what });
  }
}

/** DER of an @peculiar object (or an asn1js block); throws only on a programming error. */
export const derOf = (value: unknown): Uint8Array => new Uint8Array(AsnConvert.serialize(value));

/** The bytes of a raw ArrayBuffer/view field as a fresh Uint8Array. */
export function bytesOf(source: ArrayBuffer | ArrayBufferView): Uint8Array {
  return source instanceof ArrayBuffer ? new Uint8Array(source.slice(0)) : new Uint8Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength));
}

/** Deeper than any certificate or CMS: bounds the walk below on hostile input. */
const MAX_DER_DEPTH = 64;

type Block = {
  idBlock: { warnings: string[]; isConstructed: boolean };
  lenBlock: { warnings: string[]; isIndefiniteForm: boolean };
  valueBlock: { warnings: string[]; value?: unknown };
};

function isDerBlock(block: Block, depth: number): boolean {
  if (depth > MAX_DER_DEPTH) return false;
  if (block.lenBlock.isIndefiniteForm) return false;
  if (block.idBlock.warnings.length > 0 || block.lenBlock.warnings.length > 0 || block.valueBlock.warnings.length > 0) return false;
  const children = block.valueBlock.value;
  // Only constructed elements hold elements; a primitive's value array (an OID's arcs) does not.
  return !block.idBlock.isConstructed || !Array.isArray(children) || children.every((child) => isDerBlock(child as Block, depth + 1));
}

/**
 * Whether `bytes` is one element in strict DER throughout (definite, minimal lengths; asn1js
 * reports every relaxation it accepted as a warning). Signed attributes must be DER: a verifier
 * that re-encoded them would check other bytes than the signer signed. SET OF order is not checked.
 */
export function isStrictDer(bytes: Uint8Array): boolean {
  try {
    const parsed = asn1js.fromBER(bufferOf(bytes));
    return parsed.offset === bytes.length && parsed.result.error === '' && isDerBlock(parsed.result as unknown as Block, 0);
  } catch {
    return false;
  }
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Unsigned lexicographic order, shorter first on a common prefix: the DER SET OF order (X.690 §11.6). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

export const hexOf = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Hex of an INTEGER's contents, lower case, without leading zero octets: how serial numbers are compared. */
export const normaliseSerialHex = (hex: string): string => hex.toLowerCase().replace(/^(00)+(?=.)/, '');
