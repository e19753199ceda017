/**
 * X.509 Names as the signing rules read them: single attributes by type, as text. A type that
 * occurs more than once reads as null, so a certificate cannot name two IINs and have the rules
 * pick the convenient one. Values of a type no directory string covers read as null too.
 */
import type { AttributeValue, Name } from '@peculiar/asn1-x509';
import { NAME_OID } from './oids';

function textOf(value: AttributeValue): string | null {
  return value.utf8String ?? value.printableString ?? value.bmpString ?? value.teletexString ?? value.ia5String ?? value.universalString ?? null;
}

/** Attribute type → its text (null when repeated or not a string). */
export function nameValues(name: Name): Map<string, string | null> {
  const values = new Map<string, string | null>();
  for (const rdn of name) {
    for (const attribute of rdn) values.set(attribute.type, values.has(attribute.type) ? null : textOf(attribute.value));
  }
  return values;
}

export type CertificateSubject = {
  readonly commonName: string | null;
  readonly surname: string | null;
  /** НУЦ puts the patronymic here. */
  readonly givenName: string | null;
  /** `IIN` + 12 digits for individuals. */
  readonly serialNumber: string | null;
  readonly organization: string | null;
  /** `BIN` + 12 digits for employees of a legal entity. */
  readonly organizationalUnit: string | null;
};

export function subjectOf(name: Name): CertificateSubject {
  const values = nameValues(name);
  const get = (oid: string): string | null => values.get(oid) ?? null;
  return {
    commonName: get(NAME_OID.commonName),
    surname: get(NAME_OID.surname),
    givenName: get(NAME_OID.givenName),
    serialNumber: get(NAME_OID.serialNumber),
    organization: get(NAME_OID.organization),
    organizationalUnit: get(NAME_OID.organizationalUnit),
  };
}
