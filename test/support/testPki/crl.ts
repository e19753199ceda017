// X.509 v2 CRL (RFC 5280 §5). node-forge has no CRL builder, so TBSCertList is assembled with
// forge.asn1 and signed sha256WithRSAEncryption with the CA key.
import forge from 'node-forge';
import { keyIdentifier, type Issuer } from './certificates';

export type RevokedEntry = { serialHex: string; revocationDate: Date };

const { create, Class, Type } = forge.asn1;

const seq = (items: forge.asn1.Asn1[]): forge.asn1.Asn1 => create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const oid = (value: string): forge.asn1.Asn1 =>
  create(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(value).getBytes());
const integerBytes = (bytes: string): forge.asn1.Asn1 => create(Class.UNIVERSAL, Type.INTEGER, false, bytes);
// RFC 5280 §5.1.2.4: UTCTime through 2049 (our dates are "now" ± days, well inside).
const utcTime = (date: Date): forge.asn1.Asn1 =>
  create(Class.UNIVERSAL, Type.UTCTIME, false, forge.asn1.dateToUtcTime(date));

const sha256WithRsa = (): forge.asn1.Asn1 =>
  seq([oid('1.2.840.113549.1.1.11'), create(Class.UNIVERSAL, Type.NULL, false, '')]);
/** Non-critical Extension: SEQUENCE { extnID, extnValue OCTET STRING (DER of value) }. */
const extension = (id: string, value: forge.asn1.Asn1): forge.asn1.Asn1 =>
  seq([oid(id), create(Class.UNIVERSAL, Type.OCTETSTRING, false, forge.asn1.toDer(value).getBytes())]);

export function buildCrl(args: {
  issuer: Issuer;
  thisUpdate: Date;
  nextUpdate: Date;
  crlNumber: number;
  revoked: readonly RevokedEntry[];
}): { der: Uint8Array; pem: string } {
  const entries = args.revoked.map((entry) =>
    seq([integerBytes(forge.util.hexToBytes(entry.serialHex)), utcTime(entry.revocationDate)]),
  );
  const extensions = [
    // AKI lets verifiers pick the right CA key; cRLNumber is required for conforming v2 CRLs.
    extension('2.5.29.35', seq([create(Class.CONTEXT_SPECIFIC, 0, false, keyIdentifier(args.issuer.cert))])),
    extension('2.5.29.20', integerBytes(forge.asn1.integerToDer(args.crlNumber).getBytes())),
  ];
  const tbs = seq([
    integerBytes('\x01'), // v2
    sha256WithRsa(),
    forge.pki.distinguishedNameToAsn1(args.issuer.cert.subject),
    utcTime(args.thisUpdate),
    utcTime(args.nextUpdate),
    // An empty revokedCertificates SEQUENCE is not allowed: omit it when nothing is revoked.
    ...(entries.length > 0 ? [seq(entries)] : []),
    create(Class.CONTEXT_SPECIFIC, 0, true, [seq(extensions)]),
  ]);
  const md = forge.md.sha256.create();
  md.update(forge.asn1.toDer(tbs).getBytes());
  const signature = args.issuer.keys.privateKey.sign(md);
  const crl = seq([tbs, sha256WithRsa(), create(Class.UNIVERSAL, Type.BITSTRING, false, `\x00${signature}`)]);
  const derBytes = forge.asn1.toDer(crl).getBytes();
  const pem = forge.pem.encode({ type: 'X509 CRL', body: derBytes });
  return { der: Uint8Array.from(Buffer.from(derBytes, 'binary')), pem };
}
