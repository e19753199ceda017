import type { TlsFailureReason } from '../../../core/submission/backendFailure';

/** The `code` of the error our checkServerIdentity returns when no certificate of the chain matches a pin. */
export const PIN_MISMATCH_CODE = 'ERR_PSC_TLS_PIN_MISMATCH';

/** OpenSSL verification results (X509_V_ERR_*, as Node names them) that mean "not signed by a CA we trust". */
const UNTRUSTED = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_REVOKED',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'CERT_CHAIN_TOO_LONG',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
]);

const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

const HOSTNAME = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_TLS_CERT_ALTNAME_FORMAT', 'HOSTNAME_MISMATCH', 'IP_ADDRESS_MISMATCH']);

/** fetch wraps the socket's error (undici: `TypeError('fetch failed', { cause })`); a few levels are plenty. */
const MAX_CAUSE_DEPTH = 8;

/**
 * Which TLS check refused the connection, read from a failed request's error and its `cause`
 * chain; null when the failure was not a TLS one (refused connection, DNS, reset, timeout…).
 */
export function tlsFailureReasonOf(error: unknown): TlsFailureReason | null {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && typeof current === 'object' && current !== null; depth += 1) {
    const reason = reasonOfCode((current as { code?: unknown }).code, (current as { library?: unknown }).library);
    if (reason !== null) return reason;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function reasonOfCode(code: unknown, library: unknown): TlsFailureReason | null {
  if (typeof code === 'string') {
    if (code === PIN_MISMATCH_CODE) return 'pin-mismatch';
    if (EXPIRED.has(code)) return 'expired-certificate';
    if (HOSTNAME.has(code)) return 'hostname-mismatch';
    if (UNTRUSTED.has(code)) return 'untrusted-certificate';
    // Protocol or cipher mismatch, a server that speaks plain HTTP, a handshake cut short.
    if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO') return 'handshake-failed';
  }
  // OpenSSL errors without a mapped code still name their library.
  if (library === 'SSL routines') return 'handshake-failed';
  return null;
}
