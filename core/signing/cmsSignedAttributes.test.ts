import { describe, expect, it } from 'vitest';
import { concatBytes } from '../asn1/bytes';
import { contextTag, DerError, parseBer, parseDer, TAG } from '../asn1/derReader';
import { derInteger, derOctetString, derOid, derSequence, derSetOf, derTime, encodeTlv } from '../asn1/derWriter';
import { ATTRIBUTE_OID, readSignedAttributes } from './cmsSignedAttributes';

const ID_DATA = '1.2.840.113549.1.7.1';
const SIGNED_AT = new Date('2026-03-02T05:15:00Z');
const DIGEST = Uint8Array.from({ length: 32 }, (_, i) => i);
const attribute = (type: string, ...values: Uint8Array[]) => derSequence(derOid(type), derSetOf(...values));
const contentType = attribute(ATTRIBUTE_OID.contentType, derOid(ID_DATA));
const signingTime = attribute(ATTRIBUTE_OID.signingTime, derTime(SIGNED_AT));
const messageDigest = attribute(ATTRIBUTE_OID.messageDigest, derOctetString(DIGEST));
/** As a SignerInfo carries them: [0] IMPLICIT instead of the SET OF tag. */
const implicit = (set: Uint8Array) => concatBytes([Uint8Array.of(contextTag(0, true)), set.subarray(1)]);
/** A SET OF in the order given, not sorted. */
const setAsGiven = (...items: Uint8Array[]) => encodeTlv(TAG.set, concatBytes(items));

describe('readSignedAttributes', () => {
  it('reads contentType, signingTime and messageDigest, and signs over the SET OF encoding', () => {
    const set = derSetOf(contentType, signingTime, messageDigest);
    const attributes = readSignedAttributes(parseDer(implicit(set)));
    expect(attributes.contentType).toBe(ID_DATA);
    expect(attributes.signingTime).toEqual(SIGNED_AT);
    expect(attributes.messageDigest).toEqual(DIGEST);
    expect(Buffer.from(attributes.signedBytes).equals(set)).toBe(true);
    expect(attributes.isDer).toBe(true);
    expect(attributes.all.map((entry) => entry.type).sort()).toEqual(Object.values(ATTRIBUTE_OID).sort());
  });

  it('gives null for an attribute that is absent, repeated or multi-valued', () => {
    const otherDigest = derOctetString(new Uint8Array(32));
    const cases = [
      derSetOf(contentType, signingTime),
      derSetOf(contentType, messageDigest, attribute(ATTRIBUTE_OID.messageDigest, otherDigest)),
      derSetOf(contentType, attribute(ATTRIBUTE_OID.messageDigest, derOctetString(DIGEST), otherDigest)),
    ];
    for (const set of cases) expect(readSignedAttributes(parseDer(implicit(set))).messageDigest).toBeNull();
    expect(readSignedAttributes(parseDer(implicit(cases[0] ?? new Uint8Array(0)))).signingTime).toEqual(SIGNED_AT);
  });

  it('reports attributes out of SET OF order, or with BER lengths, as not DER', () => {
    expect(readSignedAttributes(parseDer(implicit(setAsGiven(messageDigest, contentType, signingTime)))).isDer).toBe(false);
    const indefinite = concatBytes([Uint8Array.of(contextTag(0, true), 0x80), contentType, signingTime, messageDigest, Uint8Array.of(0, 0)]);
    const read = readSignedAttributes(parseBer(indefinite));
    expect(read.isDer).toBe(false);
    expect(read.messageDigest).toEqual(DIGEST);
  });

  it('refuses a value of the wrong type rather than ignoring it', () => {
    for (const wrong of [attribute(ATTRIBUTE_OID.messageDigest, derInteger(1)), attribute(ATTRIBUTE_OID.contentType, derOctetString(DIGEST))]) {
      expect(() => readSignedAttributes(parseDer(implicit(derSetOf(signingTime, wrong))))).toThrow(DerError);
    }
    expect(() => readSignedAttributes(parseDer(implicit(derSetOf(derSequence(derOid(ATTRIBUTE_OID.contentType))))))).toThrow(DerError);
  });
});
