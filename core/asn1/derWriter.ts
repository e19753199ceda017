/**
 * Just enough DER writing for the PKI code: the backend's CRLs and the test CMS signer. Every
 * function returns one complete element, so structures are built by nesting calls.
 */
import { bytesOfHex, compareBytes, concatBytes, latin1Bytes } from './bytes';
import { DerError, TAG } from './derReader';
import { normaliseSerialHex } from './derValues';

function lengthOctets(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export const encodeTlv = (tag: number, content: Uint8Array): Uint8Array => concatBytes([Uint8Array.of(tag), lengthOctets(content.length), content]);

export const derSequence = (...items: Uint8Array[]): Uint8Array => encodeTlv(TAG.sequence, concatBytes(items));

/** SET OF in DER order (elements sorted by their encodings, X.690 §11.6). */
export const derSetOf = (...items: Uint8Array[]): Uint8Array => encodeTlv(TAG.set, concatBytes([...items].sort(compareBytes)));

export const derNull = (): Uint8Array => encodeTlv(TAG.null, new Uint8Array(0));
export const derOctetString = (content: Uint8Array): Uint8Array => encodeTlv(TAG.octetString, content);
/** A BIT STRING of whole octets (no unused bits). */
export const derBitString = (content: Uint8Array): Uint8Array => encodeTlv(TAG.bitString, concatBytes([Uint8Array.of(0), content]));

/** Non-negative INTEGER from hex (a serial number) or a safe integer. */
export function derInteger(value: string | number): Uint8Array {
  let hex = typeof value === 'number' ? value.toString(16) : normaliseSerialHex(value);
  if (!/^[0-9a-f]+$/i.test(hex)) throw new DerError('INTEGER must be non-negative hex');
  if (hex.length % 2 === 1) hex = `0${hex}`;
  const bytes = bytesOfHex(hex);
  return encodeTlv(TAG.integer, (bytes[0] ?? 0) & 0x80 ? concatBytes([Uint8Array.of(0), bytes]) : bytes);
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
  const digits = date.toISOString().slice(0, 19).replace(/[-:T]/g, ''); // YYYYMMDDHHMMSS
  return date.getUTCFullYear() < 2050
    ? encodeTlv(TAG.utcTime, latin1Bytes(`${digits.slice(2)}Z`))
    : encodeTlv(TAG.generalizedTime, latin1Bytes(`${digits}Z`));
}
