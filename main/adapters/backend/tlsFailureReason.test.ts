import { describe, expect, it } from 'vitest';
import { PIN_MISMATCH_CODE, tlsFailureReasonOf } from './tlsFailureReason';

/** How fetch reports a failed connection: `TypeError('fetch failed')` with the socket's error as `cause`. */
const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });
const withCode = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(code), { code, ...extra });

describe('tlsFailureReasonOf', () => {
  it('maps certificate-chain verification failures to untrusted-certificate', () => {
    for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED']) {
      expect(tlsFailureReasonOf(fetchFailed(withCode(code))), code).toBe('untrusted-certificate');
    }
  });

  it('maps validity-period failures to expired-certificate', () => {
    expect(tlsFailureReasonOf(fetchFailed(withCode('CERT_HAS_EXPIRED')))).toBe('expired-certificate');
    expect(tlsFailureReasonOf(fetchFailed(withCode('CERT_NOT_YET_VALID')))).toBe('expired-certificate');
  });

  it('maps the host-name check, our pin check and protocol failures', () => {
    expect(tlsFailureReasonOf(fetchFailed(withCode('ERR_TLS_CERT_ALTNAME_INVALID')))).toBe('hostname-mismatch');
    expect(tlsFailureReasonOf(fetchFailed(withCode(PIN_MISMATCH_CODE)))).toBe('pin-mismatch');
    expect(tlsFailureReasonOf(fetchFailed(withCode('ERR_SSL_WRONG_VERSION_NUMBER', { library: 'SSL routines' })))).toBe('handshake-failed');
    expect(tlsFailureReasonOf(fetchFailed(withCode('EPROTO')))).toBe('handshake-failed');
    expect(tlsFailureReasonOf(fetchFailed(Object.assign(new Error('alert'), { library: 'SSL routines' })))).toBe('handshake-failed');
  });

  it('walks a deeper cause chain, and finds the error itself when it is not wrapped', () => {
    expect(tlsFailureReasonOf(new Error('outer', { cause: fetchFailed(withCode('CERT_HAS_EXPIRED')) }))).toBe('expired-certificate');
    expect(tlsFailureReasonOf(withCode('DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe('untrusted-certificate');
  });

  it('leaves everything else to the network/timeout classification', () => {
    for (const error of [
      fetchFailed(withCode('ECONNREFUSED')),
      fetchFailed(withCode('ECONNRESET')),
      fetchFailed(withCode('ENOTFOUND')),
      fetchFailed(withCode('UND_ERR_SOCKET')),
      new TypeError('fetch failed'),
      'a string',
      null,
      undefined,
    ]) {
      expect(tlsFailureReasonOf(error)).toBeNull();
    }
  });

  it('stops on a cyclic cause chain', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    a.cause = new Error('b', { cause: a });
    expect(tlsFailureReasonOf(a)).toBeNull();
  });
});
