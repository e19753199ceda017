/**
 * Just enough DER (X.690) for the backend's PKI work: reading CMS and certificates, writing CRLs.
 * Signatures cover exact bytes, so nodes keep their raw encoding and nothing is re-encoded on the
 * way in. Reading is strict DER (definite, minimal lengths; low tag numbers): whatever is not DER
 * is refused rather than interpreted, since a signature blob comes from the client.
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
  printableString: 0x13,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

/** Context-specific tag `[n]`, constructed (EXPLICIT or IMPLICIT over a constructed type) or primitive. */
export const contextTag = (n: number, constructed: boolean): number => 0x80 | (constructed ? 0x20 : 0) | n;

export interface DerNode {
  readonly tag: number;
  /** The whole TLV as it was received. */
  readonly raw: Uint8Array;
  /** The contents octets. */
  readonly value: Uint8Array;
}

function readNode(bytes: Uint8Array, offset: number): DerNode {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined) throw new DerError('truncated');
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not supported');
  let header = 2;
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0) throw new DerError('indefinite length is not DER');
    if (count > 4) throw new DerError('length too large');
    length = 0;
    for (let i = 0; i < count; i += 1) {
      const byte = bytes[offset + 2 + i];
      if (byte === undefined) throw new DerError('truncated');
      if (i === 0 && byte === 0) throw new DerError('non-minimal length');
      length = length * 256 + byte;
    }
    if (length < 0x80) throw new DerError('non-minimal length');
    header += count;
  }
  const end = offset + header + length;
  if (end > bytes.length) throw new DerError('truncated');
  return { tag, raw: bytes.subarray(offset, end), value: bytes.subarray(offset + header, end) };
}

/** The single DER element that makes up `bytes` (trailing bytes are refused). */
export function parseDer(bytes: Uint8Array): DerNode {
  const node = readNode(bytes, 0);
  if (node.raw.length !== bytes.length) throw new DerError('trailing bytes');
  return node;
}

/** The elements inside a constructed node. */
export function childrenOf(node: DerNode): DerNode[] {
  if (!(node.tag & 0x20)) throw new DerError('expected a constructed element');
  const out: DerNode[] = [];
  for (let offset = 0; offset < node.value.length; ) {
    const child = readNode(node.value, offset);
    out.push(child);
    offset += child.raw.length;
  }
  return out;
}

/** `node` when it has `tag`, otherwise a DerError naming `what`. */
export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (node === undefined || node.tag !== tag) throw new DerError(`expected ${what}`);
  return node;
}

export function decodeOid(node: DerNode): string {
  expectTag(node, TAG.oid, 'an OBJECT IDENTIFIER');
  const arcs: number[] = [];
  let current = 0;
  for (const [index, byte] of node.value.entries()) {
    if (current === 0 && byte === 0x80) throw new DerError('non-minimal OID arc');
    current = current * 128 + (byte & 0x7f);
    if (current > Number.MAX_SAFE_INTEGER / 128) throw new DerError('OID arc too large');
    if (byte & 0x80) {
      if (index === node.value.length - 1) throw new DerError('truncated OID');
      continue;
    }
    if (arcs.length === 0) arcs.push(current < 80 ? Math.floor(current / 40) : 2, current < 80 ? current % 40 : current - 80);
    else arcs.push(current);
    current = 0;
  }
  if (arcs.length === 0) throw new DerError('empty OID');
  return arcs.join('.');
}

/** Hex of an INTEGER's contents without leading zero octets: how serial numbers are compared. */
export const normaliseSerialHex = (hex: string): string => hex.toLowerCase().replace(/^(00)+(?=.)/, '');

export function integerHex(node: DerNode): string {
  expectTag(node, TAG.integer, 'an INTEGER');
  if (node.value.length === 0) throw new DerError('empty INTEGER');
  return normaliseSerialHex(Buffer.from(node.value).toString('hex'));
}

/** UTCTime (YYMMDDHHMMSSZ, RFC 5280 years 1950–2049) or GeneralizedTime (YYYYMMDDHHMMSS[.f]Z). */
export function decodeTime(node: DerNode): Date {
  const text = Buffer.from(node.value).toString('latin1');
  const match =
    node.tag === TAG.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : node.tag === TAG.generalizedTime
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text)
        : null;
  if (!match) throw new DerError('expected a UTC time');
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const fullYear = node.tag === TAG.utcTime ? (year < 50 ? 2000 + year : 1900 + year) : year;
  const date = new Date(Date.UTC(fullYear, month - 1, day, hour, minute, second));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw new DerError('invalid date');
  return date;
}

/** Directory string values as they appear in certificate names. */
export function decodeString(node: DerNode): string | null {
  switch (node.tag) {
    case TAG.utf8String:
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(node.value);
      } catch {
        throw new DerError('malformed UTF8String');
      }
    case TAG.printableString:
    case TAG.ia5String:
      return Buffer.from(node.value).toString('latin1');
    case TAG.bmpString:
      if (node.value.length % 2 !== 0) throw new DerError('malformed BMPString');
      return Buffer.from(node.value).swap16().toString('utf16le');
    default:
      return null;
  }
}

// ---- writing ----

function lengthOctets(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  return Buffer.concat([Uint8Array.of(tag), lengthOctets(value.length), value]);
}

export const derSequence = (...items: Uint8Array[]): Uint8Array => encodeTlv(TAG.sequence, Buffer.concat(items));

/** SET OF in DER order (elements sorted by their encodings, X.690 §11.6). */
export const derSetOf = (...items: Uint8Array[]): Uint8Array =>
  encodeTlv(TAG.set, Buffer.concat([...items].sort((a, b) => Buffer.compare(a, b))));

export const derNull = (): Uint8Array => encodeTlv(TAG.null, new Uint8Array(0));
export const derOctetString = (value: Uint8Array): Uint8Array => encodeTlv(TAG.octetString, value);
/** A BIT STRING of whole octets (no unused bits). */
export const derBitString = (value: Uint8Array): Uint8Array => encodeTlv(TAG.bitString, Buffer.concat([Uint8Array.of(0), value]));

/** Non-negative INTEGER from hex (a serial number) or a safe integer. */
export function derInteger(value: string | number): Uint8Array {
  let hex = typeof value === 'number' ? value.toString(16) : normaliseSerialHex(value);
  if (!/^[0-9a-f]+$/i.test(hex)) throw new DerError('INTEGER must be non-negative hex');
  if (hex.length % 2 === 1) hex = `0${hex}`;
  const bytes = Buffer.from(hex, 'hex');
  return encodeTlv(TAG.integer, (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Uint8Array.of(0), bytes]) : bytes);
}

export function derOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const [first, second, ...rest] = arcs;
  if (first === undefined || second === undefined || arcs.some((arc) => !Number.isSafeInteger(arc) || arc < 0)) {
    throw new DerError('malformed OID');
  }
  const octets: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const group: number[] = [arc % 128];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) group.unshift(0x80 | v % 128);
    octets.push(...group);
  }
  return encodeTlv(TAG.oid, Uint8Array.from(octets));
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050; whole seconds, Z. */
export function derTime(date: Date): Uint8Array {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = iso.slice(0, 19).replace(/[-:T]/g, '');
  const year = date.getUTCFullYear();
  return year < 2050
    ? encodeTlv(TAG.utcTime, Buffer.from(`${digits.slice(2)}Z`, 'latin1'))
    : encodeTlv(TAG.generalizedTime, Buffer.from(`${digits}Z`, 'latin1'));
}
