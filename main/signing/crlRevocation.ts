// Revocation status from an X.509 v2 CRL (RFC 5280 §5): the CRL must be signed by the CA that issued
// the certificate and still be current (nextUpdate not passed); otherwise the status is 'unknown'.
import { verify as verifySignature, type X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { children, firstInnerTlv, isUniversal, normaliseSerialHex, primitive, tlvLength, toBinary } from './der';

const SIGNATURE_HASHES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};

type ParsedCrl = { tbs: Uint8Array; hash: string | undefined; signature: Buffer; nextUpdate: Date | null; revoked: Set<string> };

function parseCrl(der: Uint8Array): ParsedCrl {
  const { Type } = forge.asn1;
  const root = forge.asn1.fromDer(toBinary(der));
  const [tbsNode, algorithm] = children(root);
  const tbs = children(tbsNode);
  let index = tbs[0] !== undefined && isUniversal(tbs[0], Type.INTEGER) ? 1 : 0; // optional version
  index += 3; // signature, issuer, thisUpdate
  let nextUpdate: Date | null = null;
  const next = tbs[index];
  if (next !== undefined && (isUniversal(next, Type.UTCTIME) || isUniversal(next, Type.GENERALIZEDTIME))) {
    nextUpdate = isUniversal(next, Type.UTCTIME)
      ? forge.asn1.utcTimeToDate(primitive(next))
      : forge.asn1.generalizedTimeToDate(primitive(next));
    index += 1;
  }
  const revoked = new Set<string>();
  const list = tbs[index];
  if (list !== undefined && isUniversal(list, Type.SEQUENCE)) {
    for (const entry of children(list)) {
      const serial = children(entry)[0];
      revoked.add(normaliseSerialHex(forge.util.bytesToHex(primitive(serial))));
    }
  }
  const oid = forge.asn1.derToOid(primitive(children(algorithm)[0]));
  return { tbs: firstInnerTlv(der), hash: SIGNATURE_HASHES[oid], signature: signatureBytes(der), nextUpdate, revoked };
}

/** The signature BIT STRING's bytes, sliced from the raw DER (after TBS and algorithm; skip the unused-bits byte). */
function signatureBytes(der: Uint8Array): Buffer {
  let offset = tlvLength(der, 0).header;
  offset += tlvLength(der, offset).total; // tbsCertList
  offset += tlvLength(der, offset).total; // signatureAlgorithm
  const bits = tlvLength(der, offset);
  return Buffer.from(der.subarray(offset + bits.header + 1, offset + bits.total));
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
