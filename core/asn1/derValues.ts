/**
 * Values of primitive DER elements as the PKI code compares them: dotted OIDs, serial numbers as
 * normalised hex, times as Dates, directory strings as text. Each refuses (DerError) what it cannot
 * read exactly rather than returning an approximation.
 */
import { hexOf, latin1Of } from './bytes';
import { DerError, expectTag, TAG, type DerElement } from './derReader';
import { decodeUtf8 } from './utf8';

export function oidOf(element: DerElement): string {
  const { content } = expectTag(element, TAG.oid, 'an OBJECT IDENTIFIER');
  const arcs: number[] = [];
  let current = 0;
  for (const [index, byte] of content.entries()) {
    if (current === 0 && byte === 0x80) throw new DerError('non-minimal OID arc');
    current = current * 128 + (byte & 0x7f);
    if (current > Number.MAX_SAFE_INTEGER / 128) throw new DerError('OID arc too large');
    if (byte & 0x80) {
      if (index === content.length - 1) throw new DerError('truncated OID');
      continue;
    }
    // The first subidentifier packs two arcs: 40·X + Y, where only X = 2 allows Y ≥ 40.
    if (arcs.length === 0) arcs.push(current < 80 ? Math.floor(current / 40) : 2, current < 80 ? current % 40 : current - 80);
    else arcs.push(current);
    current = 0;
  }
  if (arcs.length === 0) throw new DerError('empty OID');
  return arcs.join('.');
}

/** Hex of an INTEGER's contents, lower case, without leading zero octets: how serial numbers are compared. */
export const normaliseSerialHex = (hex: string): string => hex.toLowerCase().replace(/^(00)+(?=.)/, '');

export function integerHex(element: DerElement): string {
  const { content } = expectTag(element, TAG.integer, 'an INTEGER');
  if (content.length === 0) throw new DerError('empty INTEGER');
  return normaliseSerialHex(hexOf(content));
}

const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/;

/** UTCTime (YYMMDDHHMMSSZ, years 1950–2049 per RFC 5280 §4.1.2.5.1) or GeneralizedTime (…[.f]Z); fractions dropped. */
export function timeOf(element: DerElement): Date {
  const text = latin1Of(element.content);
  const match = element.tag === TAG.utcTime ? UTC_TIME.exec(text) : element.tag === TAG.generalizedTime ? GENERALIZED_TIME.exec(text) : null;
  if (match === null) throw new DerError('expected a UTC time');
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const fullYear = element.tag === TAG.utcTime ? (year < 50 ? 2000 + year : 1900 + year) : year;
  const date = new Date(Date.UTC(fullYear, month - 1, day, hour, minute, second));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw new DerError('invalid date');
  }
  return date;
}

/** UCS-2 big-endian; a surrogate pair is taken as written, as BMPString readers conventionally do. */
function bmpOf(content: Uint8Array): string {
  if (content.length % 2 !== 0) throw new DerError('malformed BMPString');
  let text = '';
  for (let i = 0; i < content.length; i += 2) text += String.fromCharCode(((content[i] ?? 0) << 8) | (content[i + 1] ?? 0));
  return text;
}

/**
 * Text of a directory string as certificate Names carry it: UTF8String (strict), BMPString, and the
 * 8-bit types read as Latin-1. Null for any other type, which no name check should guess at.
 */
export function stringOf(element: DerElement): string | null {
  switch (element.tag) {
    case TAG.utf8String:
      try {
        return decodeUtf8(element.content);
      } catch {
        throw new DerError('malformed UTF8String');
      }
    case TAG.bmpString:
      return bmpOf(element.content);
    case TAG.numericString:
    case TAG.printableString:
    case TAG.teletexString:
    case TAG.ia5String:
    case TAG.visibleString:
      return latin1Of(element.content);
    default:
      return null;
  }
}
