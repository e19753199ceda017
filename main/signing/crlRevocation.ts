// Revocation status from an X.509 v2 CRL (RFC 5280 §5): the CRL must be signed by the CA that issued
// the certificate and still be current (nextUpdate not passed); otherwise the status is 'unknown'.
import { verify as verifySignature, type X509Certificate } from 'node:crypto';
import { childAt, childrenOf, expectTag, parseBer, TAG } from '../../core/asn1/derReader';
import { integerHex, normaliseSerialHex, oidOf, timeOf } from '../../core/asn1/derValues';

const SIGNATURE_HASHES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};

type ParsedCrl = { tbs: Uint8Array; hash: string | undefined; signature: Uint8Array; nextUpdate: Date | null; revoked: Set<string> };

/** BER is tolerated as forge tolerated it: the signature is checked over the TBSCertList bytes as received. */
function parseCrl(der: Uint8Array): ParsedCrl {
  const [tbsCertList, algorithm, signature] = childrenOf(expectTag(parseBer(der), TAG.sequence, 'CertificateList'));
  const tbsElement = expectTag(tbsCertList, TAG.sequence, 'TBSCertList');
  const tbs = childrenOf(tbsElement);
  let index = tbs[0]?.tag === TAG.integer ? 1 : 0; // optional version
  index += 3; // signature, issuer, thisUpdate
  let nextUpdate: Date | null = null;
  const next = tbs[index];
  if (next?.tag === TAG.utcTime || next?.tag === TAG.generalizedTime) {
    nextUpdate = timeOf(next);
    index += 1;
  }
  const revoked = new Set<string>();
  const list = tbs[index];
  if (list?.tag === TAG.sequence) {
    for (const entry of childrenOf(list)) revoked.add(integerHex(childAt(entry, 0, TAG.integer, 'userCertificate')));
  }
  const oid = oidOf(childAt(expectTag(algorithm, TAG.sequence, 'signatureAlgorithm'), 0, TAG.oid, 'algorithm'));
  const bits = expectTag(signature, TAG.bitString, 'signatureValue').content;
  // bits[0] counts the unused bits of the BIT STRING; the signature is the rest.
  return { tbs: tbsElement.encoded, hash: SIGNATURE_HASHES[oid], signature: bits.subarray(1), nextUpdate, revoked };
}

/** true / false from a current CRL signed by `issuer`; 'unknown' when the CRL cannot vouch for the certificate. */
export function revocationStatus(args: {
  crlDer: Uint8Array | null;
  issuer: X509Certificate;
  serialHex: string;
  now: Date;
}): boolean | 'unknown' {
  if (args.crlDer === null) return 'unknown';
  let crl: ParsedCrl;
  try {
    crl = parseCrl(args.crlDer);
  } catch {
    return 'unknown';
  }
  if (crl.hash === undefined) return 'unknown';
  if (!verifySignature(crl.hash, crl.tbs, args.issuer.publicKey, crl.signature)) return 'unknown';
  if (crl.nextUpdate !== null && crl.nextUpdate.getTime() < args.now.getTime()) return 'unknown'; // stale
  return crl.revoked.has(normaliseSerialHex(args.serialHex));
}

/**
 * What the workstation checks before it caches a CRL fetched from the backend: it parses, and one of
 * the trust anchors signed it. Null when it does not parse; a CRL nobody we trust signed vouches for nothing.
 */
export function inspectCrl(der: Uint8Array, anchors: readonly X509Certificate[]): { nextUpdate: Date | null; signedByAnchor: boolean } | null {
  let crl: ParsedCrl;
  try {
    crl = parseCrl(der);
  } catch {
    return null;
  }
  const hash = crl.hash;
  const signedByAnchor = hash !== undefined && anchors.some((anchor) => verifySignature(hash, crl.tbs, anchor.publicKey, crl.signature));
  return { nextUpdate: crl.nextUpdate, signedByAnchor };
}
