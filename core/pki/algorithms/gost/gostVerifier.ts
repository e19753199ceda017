/**
 * GOST R 34.10 signature verification (2001 maths for GOST 34.310-2004, 2012 maths for GOST 2015)
 * on @noble/curves' generic Weierstrass points. НУЦ РК's byte order, checked against its
 * certificates: the public key is x‖y, each little-endian; the signature is r‖s, each little-endian
 * (the byte-reversal of the s‖r big-endian form of RFC 4491); the digest is read as a little-endian
 * integer. Verification: e = h mod q (1 if 0), v = e⁻¹, z1 = s·v, z2 = −r·v, R = x(z1·G + z2·Q) mod q,
 * valid when R = r.
 *
 * A public key seen a second time (a CA's key, the same operator's key) gets precomputed multiples,
 * which makes every later verification with it several times faster; a key seen once is not worth
 * the table. The tables use 4-bit windows: a 512-bit table then costs tens of milliseconds to build,
 * where 8-bit windows cost hundreds (once per key, on the operator's first signature) for well
 * under a millisecond saved per verification. The cache is per verifier and bounded.
 */
import { weierstrass, type WeierstrassPoint, type WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';
import { hexOf } from '../../asn1';
import type { GostCurve } from './gostCurves';

export type GostVerdict = 'valid' | 'invalid' | 'malformed-key';

const littleEndian = (bytes: Uint8Array): bigint => {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i -= 1) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  return value;
};

function inverse(value: bigint, modulus: bigint): bigint {
  let [oldR, r] = [value % modulus, modulus];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const quotient = oldR / r;
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  return ((oldS % modulus) + modulus) % modulus;
}

/** How many public keys keep their precomputation: a counter sees a handful of CAs and operators. */
const KEY_CACHE_SIZE = 32;
/** wNAF window of the precomputed tables (see the file comment). */
const WINDOW_BITS = 4;

export class GostVerifier {
  private readonly points = new Map<GostCurve, WeierstrassPointCons<bigint>>();
  private readonly keys = new Map<string, { point: WeierstrassPoint<bigint>; uses: number }>();

  /** `keyPoint` is x‖y, `digest` the message hash, `signature` r‖s, all as НУЦ РК encodes them. */
  verify(curve: GostCurve, keyPoint: Uint8Array, digest: Uint8Array, signature: Uint8Array): GostVerdict {
    const n = curve.size;
    if (keyPoint.length !== 2 * n) return 'malformed-key';
    if (signature.length !== 2 * n) return 'invalid';
    const q = curve.q;
    const r = littleEndian(signature.subarray(0, n));
    const s = littleEndian(signature.subarray(n));
    if (r <= 0n || r >= q || s <= 0n || s >= q) return 'invalid';
    const key = this.publicPoint(curve, keyPoint);
    if (key === null) return 'malformed-key';
    let e = littleEndian(digest) % q;
    if (e === 0n) e = 1n;
    const v = inverse(e, q);
    const z1 = (s * v) % q;
    const z2 = (q - ((r * v) % q)) % q;
    const point = this.pointsOf(curve).BASE.multiply(z1).add(key.multiplyUnsafe(z2));
    if (point.is0()) return 'invalid';
    return point.toAffine().x % q === r ? 'valid' : 'invalid';
  }

  private pointsOf(curve: GostCurve): WeierstrassPointCons<bigint> {
    let points = this.points.get(curve);
    if (points === undefined) {
      points = weierstrass({ p: curve.p, n: curve.q, h: 1n, a: curve.a, b: curve.b, Gx: curve.x, Gy: curve.y });
      points.BASE.precompute(WINDOW_BITS);
      this.points.set(curve, points);
    }
    return points;
  }

  /** The key as a curve point, or null when it is not on the curve. */
  private publicPoint(curve: GostCurve, keyPoint: Uint8Array): WeierstrassPoint<bigint> | null {
    const id = `${curve.name}:${hexOf(keyPoint)}`;
    const cached = this.keys.get(id);
    if (cached !== undefined) {
      this.keys.delete(id); // most recently used last
      this.keys.set(id, cached);
      cached.uses += 1;
      if (cached.uses === 2) cached.point.precompute(WINDOW_BITS);
      return cached.point;
    }
    let point: WeierstrassPoint<bigint>;
    try {
      point = this.pointsOf(curve).fromAffine({ x: littleEndian(keyPoint.subarray(0, curve.size)), y: littleEndian(keyPoint.subarray(curve.size)) });
      point.assertValidity();
      if (point.is0()) return null;
    } catch {
      return null;
    }
    if (this.keys.size >= KEY_CACHE_SIZE) this.keys.delete(this.keys.keys().next().value as string);
    this.keys.set(id, { point, uses: 1 });
    return point;
  }
}
