import { describe, expect, it } from 'vitest';
import { contextTag, DerError, TAG } from '../asn1/derReader';
import { derBitString, derInteger, derNull, derOctetString, derOid, derSequence, derSetOf, derTime, encodeTlv } from '../asn1/derWriter';
import { readCertificateFields } from './certificateFields';

const OID = { cn: '2.5.4.3', sn: '2.5.4.4', serialNumber: '2.5.4.5', c: '2.5.4.6', o: '2.5.4.10', ou: '2.5.4.11', gn: '2.5.4.42' };
const utf8 = (text: string) => encodeTlv(TAG.utf8String, new TextEncoder().encode(text));
const printable = (text: string) => encodeTlv(TAG.printableString, Uint8Array.from(Buffer.from(text, 'latin1')));
const attribute = (type: string, value: Uint8Array) => derSequence(derOid(type), value);
const rdn = (type: string, value: Uint8Array) => derSetOf(attribute(type, value));
const extension = (id: string, value: Uint8Array, critical = false) =>
  derSequence(derOid(id), ...(critical ? [encodeTlv(TAG.boolean, Uint8Array.of(0xff))] : []), derOctetString(value));
/** KeyUsage BIT STRING: digitalSignature (0x80), nonRepudiation (0x40); the first octet counts unused bits. */
const keyUsage = (bits: number) => extension('2.5.29.15', encodeTlv(TAG.bitString, Uint8Array.of(6, bits)), true);
const keyIdentifier = (id: Uint8Array) => extension('2.5.29.14', derOctetString(id));

const issuer = derSequence(rdn(OID.c, printable('KZ')), rdn(OID.cn, utf8('ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA)')));
const subject = derSequence(
  rdn(OID.cn, utf8('ҚАСЫМОВА ӘЙГЕРІМ')),
  rdn(OID.sn, utf8('ҚАСЫМОВА')),
  rdn(OID.serialNumber, printable('IIN850415312343')),
  rdn(OID.c, printable('KZ')),
  rdn(OID.o, utf8('«ҚАЗАҚ ЛИЦЕНЗИЯ» ЖШС')),
  rdn(OID.ou, printable('BIN123456789021')),
  rdn(OID.gn, utf8('НҰРЛАНҚЫЗЫ')),
);
const spki = derSequence(derSequence(derOid('1.2.840.113549.1.1.1'), derNull()), derBitString(Uint8Array.of(0x30, 0x00)));
const NOT_BEFORE = new Date('2026-01-15T06:00:00Z');
const NOT_AFTER = new Date('2027-01-15T06:00:00Z');

function certificate(options: { version?: boolean; subject?: Uint8Array; extensions?: Uint8Array[] | null } = {}): Uint8Array {
  const { version = true, extensions = [keyUsage(0xc0), keyIdentifier(Uint8Array.of(0xab, 0xcd))] } = options;
  const algorithm = derSequence(derOid('1.2.840.113549.1.1.11'), derNull());
  const tbs = derSequence(
    ...(version ? [encodeTlv(contextTag(0, true), derInteger(2))] : []),
    derInteger('00c0ffee'),
    algorithm,
    issuer,
    derSequence(derTime(NOT_BEFORE), derTime(NOT_AFTER)),
    options.subject ?? subject,
    spki,
    ...(extensions === null ? [] : [encodeTlv(contextTag(3, true), derSequence(...extensions))]),
  );
  return derSequence(tbs, algorithm, derBitString(Uint8Array.of(0)));
}

describe('readCertificateFields', () => {
  it('reads the subject of a НУЦ РК-style certificate, Kazakh letters included', () => {
    const fields = readCertificateFields(certificate());
    expect(fields.subject).toEqual({
      commonName: 'ҚАСЫМОВА ӘЙГЕРІМ',
      surname: 'ҚАСЫМОВА',
      givenName: 'НҰРЛАНҚЫЗЫ',
      serialNumber: 'IIN850415312343',
      organization: '«ҚАЗАҚ ЛИЦЕНЗИЯ» ЖШС',
      organizationalUnit: 'BIN123456789021',
    });
    expect(fields.issuerCommonName).toBe('ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA)');
  });

  it('reads serial, validity, keyUsage, key identifier and key algorithm, and hands on Names and key info byte for byte', () => {
    const fields = readCertificateFields(certificate());
    expect(fields.serialHex).toBe('c0ffee');
    expect(fields.notBefore).toEqual(NOT_BEFORE);
    expect(fields.notAfter).toEqual(NOT_AFTER);
    expect(fields.keyUsage).toEqual({ digitalSignature: true, nonRepudiation: true });
    expect(fields.subjectKeyIdentifier).toEqual(Uint8Array.of(0xab, 0xcd));
    expect(fields.publicKeyAlgorithmOid).toBe('1.2.840.113549.1.1.1');
    expect(Buffer.from(fields.issuerDer).equals(issuer)).toBe(true);
    expect(Buffer.from(fields.subjectDer).equals(subject)).toBe(true);
    expect(Buffer.from(fields.subjectPublicKeyInfoDer).equals(spki)).toBe(true);
  });

  it('reads a v1 certificate (no version, no extensions) as having no key usage', () => {
    const fields = readCertificateFields(certificate({ version: false, extensions: null }));
    expect(fields.serialHex).toBe('c0ffee');
    expect(fields.keyUsage).toEqual({ digitalSignature: false, nonRepudiation: false });
    expect(fields.subjectKeyIdentifier).toBeNull();
    expect(readCertificateFields(certificate({ extensions: [keyUsage(0x80)] })).keyUsage).toEqual({ digitalSignature: true, nonRepudiation: false });
  });

  it('gives null for an attribute the subject names twice, so two IINs cannot be chosen between', () => {
    const twice = derSequence(rdn(OID.serialNumber, printable('IIN850415312343')), rdn(OID.serialNumber, printable('IIN901120412403')));
    const multiValued = derSequence(derSetOf(attribute(OID.serialNumber, printable('IIN850415312343')), attribute(OID.serialNumber, printable('IIN901120412403'))));
    for (const name of [twice, multiValued]) expect(readCertificateFields(certificate({ subject: name })).subject.serialNumber).toBeNull();
  });

  it('refuses what is not a DER certificate: garbage, truncation, BER lengths, a repeated extension, malformed UTF-8', () => {
    const good = certificate();
    const ber = Uint8Array.from([0x30, 0x80, ...good.subarray(4), 0, 0]); // good has a 2-octet long-form length
    const badUtf8 = derSequence(derSetOf(attribute(OID.cn, encodeTlv(TAG.utf8String, Uint8Array.of(0xd2, 0x41)))));
    const bad = [
      Uint8Array.of(0x30, 0x00),
      good.subarray(0, good.length - 1),
      ber,
      certificate({ extensions: [keyUsage(0xc0), keyUsage(0x80)] }),
      certificate({ subject: badUtf8 }),
    ];
    expect(good[1]).toBe(0x82);
    for (const bytes of bad) expect(() => readCertificateFields(bytes)).toThrow(DerError);
  });
});
