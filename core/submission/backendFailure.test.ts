import { describe, expect, it } from 'vitest';
import { classifyBackendFailure, retryDelayMs } from './backendFailure';

const http = (status: number, code = 'x', retryAfterSeconds: number | null = null) => ({ kind: 'http' as const, status, code, retryAfterSeconds });

describe('classifyBackendFailure', () => {
  it('retries network trouble, timeouts, 5xx, 429 and in-flight 409', () => {
    for (const f of [{ kind: 'network' as const }, { kind: 'timeout' as const }, http(500), http(503), http(429), http(409)]) {
      expect(classifyBackendFailure(f).action).toBe('retry');
    }
  });

  it('keeps applications waiting through every TLS refusal: an administrator can fix the certificate', () => {
    for (const reason of ['untrusted-certificate', 'expired-certificate', 'hostname-mismatch', 'pin-mismatch', 'handshake-failed'] as const) {
      expect(classifyBackendFailure({ kind: 'tls', reason }), reason).toEqual({ action: 'retry', notBeforeMs: null });
    }
  });

  it('honours Retry-After in milliseconds', () => {
    expect(classifyBackendFailure(http(429, 'rate', 7))).toEqual({ action: 'retry', notBeforeMs: 7000 });
  });

  it('hands validation and key-reuse problems to the operator with the backend code', () => {
    expect(classifyBackendFailure(http(422, 'missing-document'))).toEqual({ action: 'needs-operator', code: 'missing-document' });
    expect(classifyBackendFailure(http(400, 'validation-failed'))).toEqual({ action: 'needs-operator', code: 'validation-failed' });
  });

  it('asks for a new sign-in on 401 instead of giving up', () => {
    expect(classifyBackendFailure(http(401, 'unauthorized'))).toEqual({ action: 'reauthenticate' });
  });
});

describe('retryDelayMs', () => {
  it('stays within the doubling ceiling and the cap', () => {
    expect(retryDelayMs(0, () => 0.999)).toBe(999);
    expect(retryDelayMs(3, () => 0.5)).toBe(4000);
    expect(retryDelayMs(40, () => 0.999)).toBe(299_700);
  });

  it('never goes below Retry-After', () => {
    expect(retryDelayMs(0, () => 0, 30_000)).toBe(30_000);
  });
});
