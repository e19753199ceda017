/**
 * An X.509 v2 CRL (RFC 5280 §5) read by @peculiar/asn1-x509: its issuer, freshness, what it revokes
 * and since when, and the bytes its signature covers. revocation.ts decides what it means.
 */
import { CertificateList } from '@peculiar/asn1-x509';
import { err, ok, type Result } from '../result';
import { bytesOf, derOf, hexOf, normaliseSerialHex, parseAsn, SIZE_LIMIT, type Asn1Problem } from './asn1';
import { algorithmRef, type AlgorithmRef } from './certificate';

export interface CrlInfo {
  readonly der: Uint8Array;
  /** The TBSCertList bytes as received: what the CA's signature covers. */
  readonly tbsDer: Uint8Array;
  readonly issuerDer: Uint8Array;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | null;
  /** Normalised serial hex → revocationDate. */
  readonly revoked: ReadonlyMap<string, Date>;
  readonly signatureAlgorithm: AlgorithmRef;
  readonly signature: Uint8Array;
}

export function readCrl(der: Uint8Array): Result<CrlInfo, Asn1Problem> {
  const parsed = parseAsn(der, CertificateList, 'CRL', SIZE_LIMIT.crl);
  if (!parsed.ok) return parsed;
  const crl = parsed.value;
  try {
    const tbs = crl.tbsCertList;
    if (crl.tbsCertListRaw === undefined) return err({ kind: 'malformed', what: 'CRL' });
    const revoked = new Map<string, Date>();
    for (const entry of tbs.revokedCertificates ?? []) revoked.set(normaliseSerialHex(hexOf(bytesOf(entry.userCertificate))), entry.revocationDate.getTime());
    return ok({
      der: Uint8Array.from(der),
      tbsDer: bytesOf(crl.tbsCertListRaw),
      issuerDer: derOf(tbs.issuer),
      thisUpdate: tbs.thisUpdate.getTime(),
      nextUpdate: tbs.nextUpdate?.getTime() ?? null,
      revoked,
      signatureAlgorithm: algorithmRef(crl.signatureAlgorithm),
      signature: bytesOf(crl.signature),
    });
  } catch {
    return err({ kind: 'malformed', what: 'CRL' });
  }
}
