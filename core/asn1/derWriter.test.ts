import { describe, expect, it } from 'vitest';
import { childrenOf, DerError, parseDer, TAG } from './derReader';
import { integerHex, oidOf, timeOf } from './derValues';
import { derBitString, derInteger, derNull, derOid, derSequence, derSetOf, derTime, encodeTlv } from './derWriter';

const hexOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('DER writer', () => {
  it('round-trips OIDs, including multi-byte arcs and the 2.x first arc', () => {
    for (const oid of ['1.2.840.113549.1.7.2', '2.16.840.1.101.3.4.2.1', '1.2.398.3.3.4.1.1', '2.999.3']) {
      expect(oidOf(parseDer(derOid(oid)))).toBe(oid);
    }
    for (const bad of ['1', '1.x.3', '1.-2']) expect(() => derOid(bad), bad).toThrow(DerError);
  });

  it('encodes serials as positive INTEGERs and compares them without leading zeros', () => {
    expect(hexOf(derInteger('ff01'))).toBe('020300ff01');
    expect(hexOf(derInteger('0001'))).toBe('020101');
    expect(integerHex(parseDer(derInteger('00ff01')))).toBe('ff01');
    expect(hexOf(derInteger(1))).toBe('020101');
    expect(() => derInteger('-1')).toThrow(DerError);
  });

  it('writes UTCTime through 2049 and GeneralizedTime from 2050 (RFC 5280), and reads both back', () => {
    const early = new Date('2049-12-31T23:59:59Z');
    const late = new Date('2050-01-01T00:00:00Z');
    expect(Buffer.from(derTime(early)).toString('latin1')).toContain('491231235959Z');
    expect(parseDer(derTime(early)).tag).toBe(TAG.utcTime);
    expect(Buffer.from(derTime(late)).toString('latin1')).toContain('20500101000000Z');
    expect(timeOf(parseDer(derTime(early)))).toEqual(early);
    expect(timeOf(parseDer(derTime(late)))).toEqual(late);
  });

  it('sorts SET OF by encoding and writes minimal long-form lengths', () => {
    expect(hexOf(derSetOf(derInteger(2), derNull(), derInteger(1)))).toBe('31080201010201020500');
    expect(hexOf(encodeTlv(TAG.octetString, new Uint8Array(200)).subarray(0, 3))).toBe('0481c8');
    expect(hexOf(encodeTlv(TAG.octetString, new Uint8Array(256)).subarray(0, 4))).toBe('04820100');
    expect(hexOf(derBitString(Uint8Array.of(0xa5)))).toBe('030200a5');
    expect(childrenOf(parseDer(derSequence(derInteger(1), derInteger(2))))).toHaveLength(2);
  });
});
