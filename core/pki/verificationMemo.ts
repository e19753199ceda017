/**
 * Certificates already read this session (by their exact DER: reading is a pure function of the
 * bytes, so a hit is the same answer), because every application carries the same operator
 * certificate and reading one costs milliseconds. And signatures already verified this session, so a CA certificate, a CRL or a chain link checked once
 * is not checked again for every application (a GOST 2015 verification costs milliseconds, a chain
 * plus a CRL plus the CMS is four of them). Only successes are remembered: the signer's key, the
 * signature value and the exact signed bytes, all three compared on a hit — a forged certificate
 * reusing a genuine signature value over other bytes must not pass for verified. Bounded: the oldest
 * entry goes first.
 */
import { bytesEqual, hexOf } from './asn1';
import { readCertificate, type CertificateInfo, type CertificateProblem } from './certificate';
import type { Result } from '../result';

const DEFAULT_CAPACITY = 1024;

export class VerificationMemo {
  private readonly verified = new Map<string, Uint8Array>();
  private readonly certificates = new Map<string, Result<CertificateInfo, CertificateProblem>>();

  constructor(private readonly capacity: number = DEFAULT_CAPACITY) {}

  private static keyOf(signerKey: Uint8Array, signature: Uint8Array): string {
    return `${hexOf(signerKey)}/${hexOf(signature)}`;
  }

  /** Whether `signerKey` was found to have made `signature` over exactly `signedBytes`. */
  has(signerKey: Uint8Array, signature: Uint8Array, signedBytes: Uint8Array): boolean {
    const remembered = this.verified.get(VerificationMemo.keyOf(signerKey, signature));
    return remembered !== undefined && bytesEqual(remembered, signedBytes);
  }

  remember(signerKey: Uint8Array, signature: Uint8Array, signedBytes: Uint8Array): void {
    const key = VerificationMemo.keyOf(signerKey, signature);
    if (!this.verified.has(key) && this.verified.size >= this.capacity) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(key, Uint8Array.from(signedBytes));
  }

  /** readCertificate(der), answered from memory for DER read before (successes and refusals alike). */
  readCertificate(der: Uint8Array): Result<CertificateInfo, CertificateProblem> {
    const key = hexOf(der);
    const known = this.certificates.get(key);
    if (known !== undefined) return known;
    const read = readCertificate(der);
    // A certificate refused for its size is not kept: its hex would be the largest key of all.
    if (!read.ok && read.error.kind === 'too-large') return read;
    if (this.certificates.size >= this.capacity) this.certificates.delete(this.certificates.keys().next().value as string);
    this.certificates.set(key, read);
    return read;
  }

  /** Forgets everything, e.g. when the trust anchors change. */
  clear(): void {
    this.verified.clear();
    this.certificates.clear();
  }
}
