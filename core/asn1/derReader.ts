/**
 * Read-only view of DER (X.690) that keeps every element's exact bytes: a signature covers the
 * bytes that were signed and a CA is named by its Name as encoded, which a parse/re-encode round
 * trip cannot promise. Input is untrusted (a client's CMS, the signing agent's output), so every
 * length is bounds-checked and anything outside the accepted encoding is refused, not interpreted.
 *
 * Two encodings: 'der' is strict (definite, minimal lengths) for whatever must be DER — the
 * backend's whole CMS, certificates, signed attributes. 'ber' also takes the indefinite lengths
 * (and non-minimal lengths) Java CMS producers write for the outer structures of a CMS; an element
 * records whether it was indefinite, so a caller can insist on DER where a signature requires it.
 * Single-byte tags only: CMS and X.509 use no others.
 */

export class DerError extends Error {
  override readonly name = 'DerError';
}

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  numericString: 0x12,
  printableString: 0x13,
  teletexString: 0x14,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  visibleString: 0x1a,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

/** Context-specific tag `[n]`, constructed (EXPLICIT, or IMPLICIT over a constructed type) or primitive. */
export const contextTag = (n: number, constructed: boolean): number => 0x80 | (constructed ? 0x20 : 0) | n;

export type Encoding = 'der' | 'ber';

export interface DerElement {
  readonly tag: number;
  /** The whole element as it appears in the input (a view into it, not a copy). */
  readonly encoded: Uint8Array;
  /** The contents octets; for an indefinite length, without the end-of-contents marker. */
  readonly content: Uint8Array;
  /** BER indefinite length: never valid where DER is required. */
  readonly indefinite: boolean;
  /** The rules the element's children are read by: those it was read by itself. */
  readonly encoding: Encoding;
}

/** Indefinite lengths nest by recursion: a cap keeps hostile input from exhausting the stack. */
const MAX_INDEFINITE_DEPTH = 32;

function readLength(bytes: Uint8Array, offset: number, encoding: Encoding): { header: number; length: number } {
  const first = bytes[offset + 1] ?? 0;
  if (first < 0x80) return { header: 2, length: first };
  const count = first & 0x7f;
  if (count > 4) throw new DerError('length too large');
  let length = 0;
  for (let i = 0; i < count; i += 1) {
    const byte = bytes[offset + 2 + i];
    if (byte === undefined) throw new DerError('truncated length');
    if (encoding === 'der' && i === 0 && byte === 0) throw new DerError('non-minimal length');
    length = length * 256 + byte;
  }
  if (encoding === 'der' && length < 0x80) throw new DerError('non-minimal length');
  return { header: 2 + count, length };
}

function readIndefinite(bytes: Uint8Array, offset: number, tag: number, encoding: Encoding, depth: number): DerElement {
  if (encoding === 'der') throw new DerError('indefinite length is not DER');
  if ((tag & 0x20) === 0) throw new DerError('indefinite length on a primitive element');
  if (depth >= MAX_INDEFINITE_DEPTH) throw new DerError('indefinite lengths nested too deeply');
  let cursor = offset + 2;
  while (bytes[cursor] !== 0 || bytes[cursor + 1] !== 0) {
    if (cursor + 2 > bytes.length) throw new DerError('missing end-of-contents');
    cursor += readElement(bytes, cursor, encoding, depth + 1).encoded.length;
  }
  return { tag, encoded: bytes.subarray(offset, cursor + 2), content: bytes.subarray(offset + 2, cursor), indefinite: true, encoding };
}

function readElement(bytes: Uint8Array, offset: number, encoding: Encoding, depth: number): DerElement {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined) throw new DerError('truncated element');
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not supported');
  if (first === 0x80) return readIndefinite(bytes, offset, tag, encoding, depth);
  const { header, length } = readLength(bytes, offset, encoding);
  const end = offset + header + length;
  if (end > bytes.length) throw new DerError('element overruns its container');
  return { tag, encoded: bytes.subarray(offset, end), content: bytes.subarray(offset + header, end), indefinite: false, encoding };
}

function parseWhole(bytes: Uint8Array, encoding: Encoding): DerElement {
  const element = readElement(bytes, 0, encoding, 0);
  if (element.encoded.length !== bytes.length) throw new DerError('trailing bytes');
  return element;
}

/** The single strict-DER element that makes up all of `bytes`; throws DerError on anything else. */
export const parseDer = (bytes: Uint8Array): DerElement => parseWhole(bytes, 'der');

/** As parseDer, but also accepting BER indefinite and non-minimal lengths (see the file comment). */
export const parseBer = (bytes: Uint8Array): DerElement => parseWhole(bytes, 'ber');

/** The elements inside a constructed element, read by the same rules as the element itself. */
export function childrenOf(element: DerElement): DerElement[] {
  if ((element.tag & 0x20) === 0) throw new DerError('expected a constructed element');
  const out: DerElement[] = [];
  for (let offset = 0; offset < element.content.length; ) {
    const child = readElement(element.content, offset, element.encoding, 0);
    out.push(child);
    offset += child.encoded.length;
  }
  return out;
}

/** `element` when it is present and has `tag`; otherwise a DerError naming `what`. */
export function expectTag(element: DerElement | undefined, tag: number, what: string): DerElement {
  if (element === undefined || element.tag !== tag) throw new DerError(`expected ${what}`);
  return element;
}

/** The `index`-th child of `element`, which must carry `tag`. */
export const childAt = (element: DerElement, index: number, tag: number, what: string): DerElement =>
  expectTag(childrenOf(element)[index], tag, what);

/** Deeper than any CMS or certificate: a bound on the recursion of isDerThroughout over hostile input. */
const MAX_DER_CHECK_DEPTH = 64;

/**
 * Whether the element and every element nested in it are strict DER (definite, minimal lengths),
 * e.g. signed attributes, whose signature verifiers compute over the DER encoding. Element order
 * inside a SET OF is not checked here.
 */
export function isDerThroughout(element: DerElement): boolean {
  const walk = (node: DerElement, depth: number): boolean =>
    depth < MAX_DER_CHECK_DEPTH && ((node.tag & 0x20) === 0 || childrenOf(node).every((child) => walk(child, depth + 1)));
  try {
    return walk(parseDer(element.encoded), 0);
  } catch (error) {
    if (error instanceof DerError) return false;
    throw error;
  }
}
