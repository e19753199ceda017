import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, Utf8Error } from './utf8';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
/** The reference: WHATWG's fatal decoder, which refuses exactly what RFC 3629 refuses. */
const reference = (input: Uint8Array): string | null => {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    return null;
  }
};

describe('decodeUtf8', () => {
  it('reads Kazakh Cyrillic, ASCII and astral characters', () => {
    for (const text of ['ҚАСЫМОВА ӘЙГЕРІМ НҰРЛАНҚЫЗЫ', 'IIN850415312343', 'Ғ Ң Ө Ү Һ І ә', '€ 😀 𝔸', '']) {
      expect(decodeUtf8(new TextEncoder().encode(text))).toBe(text);
    }
  });

  it('refuses overlong forms, surrogates, code points above U+10FFFF, stray and missing continuation bytes', () => {
    const bad = [
      bytes(0xc0, 0xaf), // overlong '/'
      bytes(0xe0, 0x80, 0xaf), // overlong, 3 bytes
      bytes(0xf0, 0x80, 0x80, 0xaf), // overlong, 4 bytes
      bytes(0xed, 0xa0, 0x80), // U+D800
      bytes(0xf4, 0x90, 0x80, 0x80), // U+110000
      bytes(0xf5, 0x80, 0x80, 0x80),
      bytes(0x80),
      bytes(0xd2, 0x9a, 0xd2), // Қ then a truncated sequence
      bytes(0xe2, 0x82, 0x41),
    ];
    for (const input of bad) expect(() => decodeUtf8(input), Array.from(input).join(' ')).toThrow(Utf8Error);
  });

  it('agrees with a fatal TextDecoder on arbitrary bytes and on every encoded string', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (input) => {
        const expected = reference(input);
        if (expected === null) expect(() => decodeUtf8(input)).toThrow(Utf8Error);
        else expect(decodeUtf8(input)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decodeUtf8(new TextEncoder().encode(text))).toBe(text);
      }),
    );
  });

  it('decodes values longer than one call can spread', () => {
    const text = 'Қ'.repeat(50_000);
    expect(decodeUtf8(new TextEncoder().encode(text))).toBe(text);
  });
});
