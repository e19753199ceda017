import { describe, expect, it } from 'vitest';
import { childAt, childrenOf, contextTag, DerError, expectTag, isDerThroughout, parseBer, parseDer, TAG } from './derReader';
import { derInteger, derOctetString, derSequence } from './derWriter';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/ /g, ''), 'hex'));
const hexOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('parseDer', () => {
  it('keeps each element as the exact bytes received, header and contents apart', () => {
    const outer = parseDer(derSequence(derInteger(1), derOctetString(hex('cafe'))));
    const [integer, octets] = childrenOf(outer);
    expect(hexOf(outer.encoded)).toBe('3007020101' + '0402cafe');
    expect(integer && hexOf(integer.encoded)).toBe('020101');
    expect(octets && hexOf(octets.content)).toBe('cafe');
    expect(childAt(outer, 1, TAG.octetString, 'OCTET STRING').indefinite).toBe(false);
  });

  it('reads long-form lengths', () => {
    const long = derOctetString(new Uint8Array(300));
    expect(hexOf(long.subarray(0, 4))).toBe('0482012c');
    expect(parseDer(long).content).toHaveLength(300);
  });

  it('refuses what is not DER: indefinite or non-minimal lengths, truncation, trailing bytes, high tags', () => {
    const bad = ['3080020101 0000', '308103020101', '30820003020101', '3004020101', '3003020101 00', '1f0100', '30', '', '3085000000000100'];
    for (const text of bad) expect(() => childrenOf(parseDer(hex(text))), text).toThrow(DerError);
  });

  it('refuses a child that overruns its parent, and children of a primitive', () => {
    expect(() => childrenOf(parseDer(hex('3003 020201')))).toThrow(DerError);
    expect(() => childrenOf(parseDer(hex('020101')))).toThrow(DerError);
  });

  it('names what it expected when a tag is wrong or missing', () => {
    const outer = parseDer(derSequence(derInteger(1)));
    expect(() => childAt(outer, 0, TAG.oid, 'an OID')).toThrow('expected an OID');
    expect(() => childAt(outer, 1, TAG.integer, 'version')).toThrow('expected version');
    expect(() => expectTag(undefined, TAG.sequence, 'Certificate')).toThrow(DerError);
  });
});

describe('parseBer', () => {
  it('reads indefinite lengths, nested, and marks them; children are read by BER too', () => {
    const ber = hex('3080 a080 3080 020101 0000 0000 0000');
    const outer = parseBer(ber);
    expect(outer.indefinite).toBe(true);
    expect(outer.encoded).toHaveLength(ber.length);
    const inner = childAt(childAt(outer, 0, contextTag(0, true), '[0]'), 0, TAG.sequence, 'SEQUENCE');
    expect(inner.indefinite).toBe(true);
    expect(hexOf(inner.content)).toBe('020101');
    expect(() => parseDer(ber)).toThrow(DerError);
  });

  it('accepts non-minimal definite lengths, which BER allows', () => {
    expect(hexOf(childAt(parseBer(hex('308103020101')), 0, TAG.integer, 'INTEGER').content)).toBe('01');
  });

  it('refuses an indefinite primitive, a missing end-of-contents and hostile nesting', () => {
    expect(() => parseBer(hex('0480 0000'))).toThrow(DerError);
    expect(() => parseBer(hex('3080 020101'))).toThrow(DerError);
    expect(() => parseBer(hex('3080 0201'))).toThrow(DerError);
    const deep = 40;
    const nested = Uint8Array.from([...Array.from({ length: deep }, () => [0x30, 0x80]).flat(), ...new Array(deep * 2).fill(0)]);
    expect(() => parseBer(nested)).toThrow('nested too deeply');
  });
});

describe('isDerThroughout', () => {
  it('looks inside: a non-minimal length anywhere makes the whole not DER', () => {
    expect(isDerThroughout(parseDer(derSequence(derSequence(derInteger(1)))))).toBe(true);
    expect(isDerThroughout(parseBer(hex('3006 308103020101')))).toBe(false);
    expect(isDerThroughout(parseBer(hex('3080 020101 0000')))).toBe(false);
  });
});
