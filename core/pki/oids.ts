/**
 * Object identifiers the PKI code compares against: X.509 names and extensions (RFC 5280), CMS
 * (RFC 5652), timestamps (RFC 3161) and the algorithms of НУЦ РК's certificates. The algorithm
 * OIDs and what they mean are in algorithms/algorithmRegistry.ts; docs/domain/pki.md explains them.
 */
export const NAME_OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
} as const;

export const EXTENSION_OID = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  crlNumber: '2.5.29.20',
  authorityKeyIdentifier: '2.5.29.35',
  extendedKeyUsage: '2.5.29.37',
} as const;

export const CMS_OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** RFC 3161 appendix A: the timestamp token as an unsigned attribute of the signer it stamps. */
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  /** RFC 3161 §2.4.2: the content type of a timestamp token's encapsulated TSTInfo. */
  tstInfo: '1.2.840.113549.1.9.16.1.4',
} as const;

export const KEY_PURPOSE_OID = {
  timeStamping: '1.3.6.1.5.5.7.3.8',
} as const;
