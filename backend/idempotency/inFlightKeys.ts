/**
 * Idempotency keys whose request is being processed right now. A second request with a key in
 * this set gets 409 instead of waiting (draft-ietf-httpapi-idempotency-key-header §2.7); the
 * client retries and then receives the stored registration. Node runs handlers on one thread,
 * so check-and-add here is atomic with respect to other requests.
 */
export class InFlightKeys {
  private readonly keys = new Set<string>();

  /** A release function when the key was free, or null when another request holds it. */
  tryAcquire(key: string): (() => void) | null {
    if (this.keys.has(key)) return null;
    this.keys.add(key);
    return () => {
      this.keys.delete(key);
    };
  }
}
