import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesEqual, bytesOfHex, compareBytes, concatBytes, hexOf, latin1Bytes, latin1Of } from './bytes';

describe('byte helpers', () => {
  it('order bytes as Buffer.compare does (the DER SET OF order)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 6 }), fc.uint8Array({ maxLength: 6 }), (a, b) => {
        expect(Math.sign(compareBytes(a, b))).toBe(Buffer.compare(a, b));
        expect(bytesEqual(a, b)).toBe(Buffer.from(a).equals(b));
      }),
    );
  });

  it('round-trip hex and Latin-1, and refuse what they cannot represent', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (input) => {
        expect(hexOf(input)).toBe(Buffer.from(input).toString('hex'));
        expect(bytesOfHex(hexOf(input).toUpperCase())).toEqual(input);
        expect(latin1Of(input)).toBe(Buffer.from(input).toString('latin1'));
        expect(latin1Bytes(latin1Of(input))).toEqual(input);
      }),
    );
    expect(() => bytesOfHex('abc')).toThrow();
    expect(() => bytesOfHex('zz')).toThrow();
    expect(() => latin1Bytes('Қ')).toThrow();
    expect(latin1Of(new Uint8Array(100_000).fill(0x41))).toHaveLength(100_000);
  });

  it('concatenates in order', () => {
    expect(concatBytes([Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3)])).toEqual(Uint8Array.of(1, 2, 3));
  });
});
