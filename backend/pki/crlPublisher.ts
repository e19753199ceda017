import type { BackendPki } from './backendPki';
import { buildCrl } from './crl';

/** How long one CRL is served before a fresh one is signed: clients see thisUpdate move on. */
export const CRL_REISSUE_AFTER_MS = 5 * 60 * 1000;
/** nextUpdate − thisUpdate: a workstation may rely on a CRL this long (offline included). */
export const CRL_VALIDITY_MS = 24 * 60 * 60 * 1000;

/** The CA's current CRL for GET /v1/pki/crl, re-signed every few minutes rather than per request. */
export class CrlPublisher {
  private current: { readonly der: Uint8Array; readonly issuedAtMs: number } | null = null;
  private lastNumber = 0;

  constructor(private readonly pki: BackendPki) {}

  crlAt(now: Date): Uint8Array {
    const age = this.current === null ? Infinity : now.getTime() - this.current.issuedAtMs;
    // A clock that went backwards also gets a fresh CRL: thisUpdate must not lie in the future.
    if (this.current !== null && age >= 0 && age < CRL_REISSUE_AFTER_MS) return this.current.der;
    // Seconds since the epoch grow across restarts too; +1 keeps two CRLs in one second apart.
    const crlNumber = Math.max(Math.floor(now.getTime() / 1000), this.lastNumber + 1);
    const der = buildCrl(this.pki, { thisUpdate: now, nextUpdate: new Date(now.getTime() + CRL_VALIDITY_MS), crlNumber });
    this.current = { der, issuedAtMs: now.getTime() };
    this.lastNumber = crlNumber;
    return der;
  }
}
