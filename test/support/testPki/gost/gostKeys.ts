// GOST key pairs and signatures for the throwaway test PKI — test code only: the product never signs
// with a GOST key (that is NCALayer's certified job), it only verifies (core/pki). Same maths and byte
// order as core/pki/algorithms/gost/gostVerifier.ts: x‖y and r‖s little-endian, digest read little-endian.
import { randomBytes } from 'node:crypto';
import { weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { DIGEST_OID, KEY_OID, SIGNATURE_OID, type DigestId } from '../../../../core/pki/algorithms/algorithmRegistry';
import { createGostDigests } from '../../../../core/pki/algorithms/gost/gostDigests';
import { CRYPTO_PRO_A, CURVE_OID, TC26_512_A, type GostCurve } from '../../../../core/pki/algorithms/gost/gostCurves';

export type GostFamily = 'gost-2015-512' | 'gost-2004' | 'gost-2015-256';

export interface GostAlgorithmSpec {
  readonly family: GostFamily;
  readonly curve: GostCurve;
  readonly keyOid: string;
  /** SubjectPublicKeyInfo parameters: SEQUENCE { curve OID, digest OID }. */
  readonly curveParameterOid: string;
  readonly digestParameterOid: string;
  readonly signatureOid: string;
  readonly digest: Extract<DigestId, 'gost34311-95' | 'streebog-256' | 'streebog-512'>;
}

export const GOST_SPECS: Readonly<Record<GostFamily, GostAlgorithmSpec>> = {
  'gost-2015-512': {
    family: 'gost-2015-512',
    curve: TC26_512_A,
    keyOid: KEY_OID.gost2015,
    curveParameterOid: CURVE_OID.kzTc26_512A,
    digestParameterOid: DIGEST_OID['streebog-512'],
    signatureOid: SIGNATURE_OID.gost2015With512,
    digest: 'streebog-512',
  },
  'gost-2004': {
    family: 'gost-2004',
    curve: CRYPTO_PRO_A,
    keyOid: KEY_OID.gost2004,
    curveParameterOid: CURVE_OID.kzCryptoProA,
    digestParameterOid: '1.2.398.3.10.1.3.1.1.0', // as in НУЦ's GOST 34.310-2004 certificates
    signatureOid: SIGNATURE_OID.gost2004,
    digest: 'gost34311-95',
  },
  'gost-2015-256': {
    family: 'gost-2015-256',
    curve: CRYPTO_PRO_A,
    keyOid: KEY_OID.gost2015,
    curveParameterOid: CURVE_OID.kzCryptoProA,
    digestParameterOid: DIGEST_OID['streebog-256'],
    signatureOid: SIGNATURE_OID.gost2015With256,
    digest: 'streebog-256',
  },
};

export interface GostKeyPair {
  readonly spec: GostAlgorithmSpec;
  readonly privateKey: bigint;
  /** x‖y, little-endian each. */
  readonly publicPoint: Uint8Array;
}

const digests = createGostDigests();

const toLittleEndian = (value: bigint, size: number): Uint8Array => {
  const out = new Uint8Array(size);
  let rest = value;
  for (let i = 0; i < size; i += 1) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
};
const fromLittleEndian = (bytes: Uint8Array): bigint => bytes.reduceRight((value, byte) => (value << 8n) | BigInt(byte), 0n);

const pointsOf = (curve: GostCurve) => weierstrass({ p: curve.p, n: curve.q, h: 1n, a: curve.a, b: curve.b, Gx: curve.x, Gy: curve.y });

function randomScalar(q: bigint, size: number): bigint {
  for (;;) {
    const candidate = fromLittleEndian(randomBytes(size)) % q;
    if (candidate > 0n) return candidate;
  }
}

export function generateGostKeyPair(spec: GostAlgorithmSpec): GostKeyPair {
  const { curve } = spec;
  const privateKey = randomScalar(curve.q, curve.size);
  const point = pointsOf(curve).BASE.multiply(privateKey).toAffine();
  return { spec, privateKey, publicPoint: new Uint8Array([...toLittleEndian(point.x, curve.size), ...toLittleEndian(point.y, curve.size)]) };
}

export const gostDigest = (spec: GostAlgorithmSpec, data: Uint8Array): Uint8Array => digests[spec.digest](data);

/** GOST R 34.10 signature of `data` (hashed here with the spec's digest): r‖s little-endian. */
export function gostSign(key: GostKeyPair, data: Uint8Array): Uint8Array {
  const { curve } = key.spec;
  const q = curve.q;
  let e = fromLittleEndian(gostDigest(key.spec, data)) % q;
  if (e === 0n) e = 1n;
  const points = pointsOf(curve);
  for (;;) {
    const k = randomScalar(q, curve.size);
    const r = points.BASE.multiply(k).toAffine().x % q;
    if (r === 0n) continue;
    const s = (r * key.privateKey + k * e) % q;
    if (s === 0n) continue;
    return new Uint8Array([...toLittleEndian(r, curve.size), ...toLittleEndian(s, curve.size)]);
  }
}
