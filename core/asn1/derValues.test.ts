import { describe, expect, it } from 'vitest';
import { DerError, parseDer, TAG } from './derReader';
import { integerHex, normaliseSerialHex, oidOf, stringOf, timeOf } from './derValues';
import { derInteger, derOid, derTime, encodeTlv } from './derWriter';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/ /g, ''), 'hex'));
const element = (tag: number, content: Uint8Array) => parseDer(encodeTlv(tag, content));
const ascii = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

describe('oidOf', () => {
  it('reads multi-byte arcs and the 2.x first arc', () => {
    expect(oidOf(parseDer(hex('06092a864886f70d010702')))).toBe('1.2.840.113549.1.7.2');
    expect(oidOf(parseDer(hex('0603883703')))).toBe('2.999.3');
    expect(oidOf(parseDer(hex('06092a830e030a01010101')))).toBe('1.2.398.3.10.1.1.1.1');
  });

  it('refuses empty, truncated and non-minimal OIDs, and other types', () => {
    for (const text of ['0600', '06022a86', '06032a8001', '020101']) expect(() => oidOf(parseDer(hex(text))), text).toThrow(DerError);
  });
});

describe('integerHex', () => {
  it('is lower-case hex without leading zero octets, keeping a lone zero', () => {
    expect(integerHex(parseDer(hex('020400ff01ab')))).toBe('ff01ab');
    expect(integerHex(parseDer(hex('020100')))).toBe('00');
    expect(normaliseSerialHex('0000ABCD')).toBe('abcd');
    expect(() => integerHex(parseDer(hex('0200')))).toThrow(DerError);
  });
});

describe('timeOf', () => {
  it('reads UTCTime in the RFC 5280 window and GeneralizedTime, fractions dropped', () => {
    expect(timeOf(element(TAG.utcTime, ascii('491231235959Z')))).toEqual(new Date('2049-12-31T23:59:59Z'));
    expect(timeOf(element(TAG.utcTime, ascii('500101000000Z')))).toEqual(new Date('1950-01-01T00:00:00Z'));
    expect(timeOf(element(TAG.generalizedTime, ascii('20500101000000Z')))).toEqual(new Date('2050-01-01T00:00:00Z'));
    expect(timeOf(element(TAG.generalizedTime, ascii('20260302101500.25Z')))).toEqual(new Date('2026-03-02T10:15:00Z'));
  });

  it('refuses local times, missing seconds, impossible dates and other types', () => {
    // an hour, minute or second out of range would roll over in Date.UTC instead of failing
    const utc = ['2603021015Z', '260302101500+0500', '260230101500Z', '260302246000Z', '260302105960Z', '260302106000Z'];
    const bad = [...utc.map((text) => element(TAG.utcTime, ascii(text))), element(TAG.generalizedTime, ascii('260302101500Z')), parseDer(derInteger(1))];
    for (const time of bad) expect(() => timeOf(time)).toThrow(DerError);
  });

  it('reads back what derTime writes', () => {
    for (const date of [new Date('2026-03-02T05:15:07Z'), new Date('2051-07-01T00:00:00Z')]) expect(timeOf(parseDer(derTime(date)))).toEqual(date);
  });
});

describe('stringOf', () => {
  it('reads UTF8String (Kazakh letters), BMPString and the 8-bit string types', () => {
    expect(stringOf(element(TAG.utf8String, new TextEncoder().encode('ҚАСЫМОВА ӘЙГЕРІМ')))).toBe('ҚАСЫМОВА ӘЙГЕРІМ');
    expect(stringOf(element(TAG.bmpString, Uint8Array.from(Buffer.from('Ұлан', 'utf16le').swap16())))).toBe('Ұлан');
    expect(stringOf(element(TAG.printableString, ascii('IIN850415312343')))).toBe('IIN850415312343');
    expect(stringOf(element(TAG.teletexString, Uint8Array.of(0x41, 0xe9)))).toBe('Aé');
  });

  it('refuses malformed UTF-8 and odd BMPStrings; other types read as null', () => {
    expect(() => stringOf(element(TAG.utf8String, Uint8Array.of(0xd2)))).toThrow('malformed UTF8String');
    expect(() => stringOf(element(TAG.bmpString, Uint8Array.of(0x04)))).toThrow(DerError);
    expect(stringOf(parseDer(derOid('2.5.4.3')))).toBeNull();
  });
});
