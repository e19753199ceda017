/**
 * Signatures already verified this session, so a CA certificate, a CRL or a chain link checked once
 * is not checked again for every application (a GOST 2015 verification costs milliseconds, a chain
 * plus a CRL plus the CMS is four of them). Only successes are remembered, keyed by the signer's
 * key and the signature value itself, which no other signed object shares. Bounded: the oldest
 * entry goes first.
 */
import { hexOf } from './asn1';

const DEFAULT_CAPACITY = 4096;

export class VerificationMemo {
  private readonly verified = new Set<string>();

  constructor(private readonly capacity: number = DEFAULT_CAPACITY) {}

  static keyOf(signerKey: Uint8Array, signature: Uint8Array): string {
    return `${hexOf(signerKey)}/${hexOf(signature)}`;
  }

  has(key: string): boolean {
    return this.verified.has(key);
  }

  remember(key: string): void {
    if (this.verified.size >= this.capacity) this.verified.delete(this.verified.values().next().value as string);
    this.verified.add(key);
  }

  /** Forgets everything, e.g. when the trust anchors change. */
  clear(): void {
    this.verified.clear();
  }
}
