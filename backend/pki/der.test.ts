import { describe, expect, it } from 'vitest';
import { childrenOf, decodeOid, decodeTime, DerError, derInteger, derOid, derSequence, derTime, integerHex, parseDer } from './der';

describe('DER', () => {
  it('round-trips OIDs, including multi-byte arcs and the 2.x first arc', () => {
    for (const oid of ['1.2.840.113549.1.7.2', '2.16.840.1.101.3.4.2.1', '1.2.398.3.3.4.1.1', '2.999.3']) {
      expect(decodeOid(parseDer(derOid(oid)))).toBe(oid);
    }
  });

  it('encodes serials as positive INTEGERs and compares them without leading zeros', () => {
    expect(Buffer.from(derInteger('ff01')).toString('hex')).toBe('020300ff01');
    expect(Buffer.from(derInteger('0001')).toString('hex')).toBe('020101');
    expect(integerHex(parseDer(derInteger('00ff01')))).toBe('ff01');
    expect(Buffer.from(derInteger(1)).toString('hex')).toBe('020101');
  });

  it('writes UTCTime through 2049 and GeneralizedTime from 2050 (RFC 5280), and reads both back', () => {
    const early = new Date('2049-12-31T23:59:59Z');
    const late = new Date('2050-01-01T00:00:00Z');
    expect(Buffer.from(derTime(early)).toString('latin1')).toContain('491231235959Z');
    expect(Buffer.from(derTime(late)).toString('latin1')).toContain('20500101000000Z');
    expect(decodeTime(parseDer(derTime(early)))).toEqual(early);
    expect(decodeTime(parseDer(derTime(late)))).toEqual(late);
  });

  it('refuses what is not DER: indefinite or non-minimal lengths, truncation, trailing bytes', () => {
    const bad = ['3080020101 0000', '308103020101', '3004020101', '3003020101 00', '1f0100'];
    for (const hex of bad) expect(() => childrenOf(parseDer(Buffer.from(hex.replace(/ /g, ''), 'hex'))), hex).toThrow(DerError);
    expect(childrenOf(parseDer(derSequence(derInteger(1), derInteger(2))))).toHaveLength(2);
  });
});
