/**
 * How the licensing backend can fail, as seen by its client, and what the outbox does about it.
 * Pure rules: retryable failures wait and try again; others need the operator.
 */
/** Which check refused the backend's TLS certificate (configured CA bundle, validity, host name, pins). */
export type TlsFailureReason = 'untrusted-certificate' | 'expired-certificate' | 'hostname-mismatch' | 'pin-mismatch' | 'handshake-failed';

export type BackendFailure =
  | { readonly kind: 'network' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'http'; readonly status: number; readonly code: string; readonly retryAfterSeconds: number | null }
  /** The backend answered 2xx with a body that does not match the wire contract. */
  | { readonly kind: 'invalid-response' }
  /**
   * The TLS handshake was refused (by us or by the server): the backend cannot be reached until an
   * administrator fixes the certificate or the trust settings.
   */
  | { readonly kind: 'tls'; readonly reason: TlsFailureReason };

export type FailureClass =
  | { readonly action: 'retry'; readonly notBeforeMs: number | null }
  /** The session token expired: retry after the operator signs in again. */
  | { readonly action: 'reauthenticate' }
  | { readonly action: 'needs-operator'; readonly code: string };

/** A refused TLS certificate is retried like an outage: the administrator may fix it, and queued applications must keep waiting, never be dropped. */
export function classifyBackendFailure(failure: BackendFailure): FailureClass {
  switch (failure.kind) {
    case 'network':
    case 'timeout':
    case 'invalid-response':
    case 'tls':
      return { action: 'retry', notBeforeMs: null };
    case 'http': {
      const retryAfter = failure.retryAfterSeconds === null ? null : failure.retryAfterSeconds * 1000;
      if (failure.status === 401) return { action: 'reauthenticate' };
      // 409 here means "the same key is still being processed": the first attempt will finish.
      if (failure.status === 408 || failure.status === 409 || failure.status === 425 || failure.status === 429 || failure.status >= 500) {
        return { action: 'retry', notBeforeMs: retryAfter };
      }
      return { action: 'needs-operator', code: failure.code };
    }
  }
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"):
 * a uniformly random delay in [0, min(cap, base·2^attempt)], never earlier than Retry-After.
 * `random` is injected so the rule stays deterministic under test.
 */
export function retryDelayMs(attempt: number, random: () => number, notBeforeMs: number | null = null, baseMs = 1_000, capMs = 5 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, notBeforeMs ?? 0);
}
