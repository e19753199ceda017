/**
 * Strict UTF-8 decoding (RFC 3629) for core/, which has no TextDecoder. Certificates name Kazakh
 * operators in UTF8String (Ә Ғ Қ Ң Ө Ұ Ү Һ І); a malformed value is refused, never repaired with
 * U+FFFD, so two different byte strings can never read as the same name.
 */

export class Utf8Error extends Error {
  override readonly name = 'Utf8Error';
}

/** Sequence length and payload bits of a lead byte, with the least code point it may encode. */
function leadOf(byte: number): { length: number; bits: number; min: number } {
  if (byte < 0x80) return { length: 1, bits: byte, min: 0 };
  if (byte >= 0xc2 && byte <= 0xdf) return { length: 2, bits: byte & 0x1f, min: 0x80 };
  if (byte >= 0xe0 && byte <= 0xef) return { length: 3, bits: byte & 0x0f, min: 0x800 };
  if (byte >= 0xf0 && byte <= 0xf4) return { length: 4, bits: byte & 0x07, min: 0x10000 };
  throw new Utf8Error('invalid UTF-8 lead byte'); // continuation bytes, C0/C1 (overlong), F5–FF
}

/** Throws Utf8Error on truncated, overlong or surrogate sequences and on code points above U+10FFFF. */
export function decodeUtf8(bytes: Uint8Array): string {
  const codePoints: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const lead = leadOf(bytes[i] ?? 0);
    let codePoint = lead.bits;
    for (let k = 1; k < lead.length; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) throw new Utf8Error('truncated UTF-8 sequence');
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < lead.min) throw new Utf8Error('overlong UTF-8 sequence');
    if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) throw new Utf8Error('invalid code point');
    codePoints.push(codePoint);
    i += lead.length;
  }
  let text = '';
  for (let start = 0; start < codePoints.length; start += 4096) text += String.fromCodePoint(...codePoints.slice(start, start + 4096));
  return text;
}
