/**
 * X.509 v2 CRL (RFC 5280 §5) of the backend's CA, DER, signed sha256WithRSAEncryption with
 * node:crypto. The issuer Name is the CA certificate's subject byte for byte, so verifiers match
 * the CRL to the CA without re-encoding it.
 */
import { createHash, sign } from 'node:crypto';
import { childrenOf, contextTag, parseDer } from '../../core/asn1/derReader';
import { derBitString, derInteger, derNull, derOctetString, derOid, derSequence, derTime, encodeTlv } from '../../core/asn1/derWriter';
import type { BackendPki } from './backendPki';

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const AUTHORITY_KEY_IDENTIFIER = '2.5.29.35';
const CRL_NUMBER = '2.5.29.20';

export interface CrlContents {
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  /** Must grow with every CRL the CA issues (RFC 5280 §5.2.3). */
  readonly crlNumber: number;
}

const extension = (id: string, value: Uint8Array): Uint8Array => derSequence(derOid(id), derOctetString(value));

/** RFC 5280 §4.2.1.2 method 1 (SHA-1 of the subjectPublicKey bits) when the CA has no SKI. */
function keyIdentifier(pki: BackendPki): Uint8Array {
  if (pki.caFields.subjectKeyIdentifier !== null) return pki.caFields.subjectKeyIdentifier;
  const [, bits] = childrenOf(parseDer(pki.caFields.subjectPublicKeyInfoDer));
  return createHash('sha1').update(bits?.content.subarray(1) ?? new Uint8Array(0)).digest();
}

export function buildCrl(pki: BackendPki, contents: CrlContents): Uint8Array {
  const algorithm = derSequence(derOid(SHA256_WITH_RSA), derNull());
  const revoked = [...pki.revokedSerials].map((serial) => derSequence(derInteger(serial), derTime(pki.revokedAt)));
  const tbs = derSequence(
    derInteger(1), // v2
    algorithm,
    pki.caFields.subjectDer,
    derTime(contents.thisUpdate),
    derTime(contents.nextUpdate),
    // An empty revokedCertificates is not allowed: left out when nothing is revoked.
    ...(revoked.length > 0 ? [derSequence(...revoked)] : []),
    encodeTlv(
      contextTag(0, true),
      derSequence(
        extension(AUTHORITY_KEY_IDENTIFIER, derSequence(encodeTlv(contextTag(0, false), keyIdentifier(pki)))),
        extension(CRL_NUMBER, derInteger(contents.crlNumber)),
      ),
    ),
  );
  return derSequence(tbs, algorithm, derBitString(sign('sha256', tbs, pki.caKey)));
}
