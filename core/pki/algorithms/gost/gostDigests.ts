/**
 * The GOST hash functions НУЦ РК signs with, from @wavesenterprise/crypto-gost-js (MIT, pure JS,
 * checked against НУЦ's own certificates): GOST 34.311-95 — GOST R 34.11-94 with the *test*
 * S-box ("D-TEST"; CryptoPro's S-box does not verify НУЦ's signatures) — and Streebog (GOST R
 * 34.11-2012) 256 and 512. Only the hashes come from there; the curve arithmetic is in gostVerifier.ts.
 */
import cryptoGost from '@wavesenterprise/crypto-gost-js';
import { exactBuffer } from '../../asn1';

export type GostDigestId = 'gost34311-95' | 'streebog-256' | 'streebog-512';

export type GostDigests = Readonly<Record<GostDigestId, (data: Uint8Array) => Uint8Array>>;

/** Engines are stateless between calls; one set per verifier. */
export function createGostDigests(): GostDigests {
  const engine = cryptoGost.GostEngine;
  const gost94 = engine.getGostDigest({ name: 'GOST R 34.11', version: 1994, length: 256, sBox: 'D-TEST' });
  const streebog256 = engine.getGostDigest({ name: 'GOST R 34.11', version: 2012, length: 256 });
  const streebog512 = engine.getGostDigest({ name: 'GOST R 34.11', version: 2012, length: 512 });
  // The engine reads an ArrayBuffer: hand it a copy of exactly the view's bytes.
  const run = (digest: { digest(data: ArrayBuffer): ArrayBuffer }) => (data: Uint8Array) => new Uint8Array(digest.digest(exactBuffer(data)));
  return { 'gost34311-95': run(gost94), 'streebog-256': run(streebog256), 'streebog-512': run(streebog512) };
}
