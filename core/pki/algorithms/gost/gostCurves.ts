/**
 * Elliptic-curve parameter sets of the GOST keys НУЦ РК issues, by the curve OID in the key's
 * parameters (SEQUENCE { curve, digest }). KZ names its own OIDs for the standard sets; the
 * Russian/TC26 OIDs of the same sets are accepted as aliases. Values from GOST R 34.10 / RFC 4357 /
 * RFC 7836 (the same tables crypto-gost-js ships); docs/domain/pki.md.
 */

export interface GostCurve {
  readonly name: string;
  /** Coordinate and scalar size in bytes: 32 (256-bit) or 64 (512-bit). */
  readonly size: 32 | 64;
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  /** Order of the base point's subgroup. */
  readonly q: bigint;
  readonly x: bigint;
  readonly y: bigint;
}

export const CRYPTO_PRO_A: GostCurve = {
  name: 'CryptoPro-A',
  size: 32,
  p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd97n,
  a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd94n,
  b: 166n,
  q: 0xffffffffffffffffffffffffffffffff6c611070995ad10045841b09b761b893n,
  x: 1n,
  y: 0x8d91e471e0989cda27df505a453f2b7635294f2ddf23e3b122acc99c9e9f1e14n,
};

export const TC26_512_A: GostCurve = {
  name: 'TC26-512-A',
  size: 64,
  p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffdc7n,
  a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffdc4n,
  b: 0xe8c2505dedfc86ddc1bd0b2b6667f1da34b82574761cb0e879bd081cfd0b6265ee3cb090f30d27614cb4574010da90dd862ef9d4ebee4761503190785a71c760n,
  q: 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff27e69532f48d89116ff22b8d4e0560609b4b38abfad2b85dcacdb1411f10b275n,
  x: 3n,
  y: 0x7503cfe87a836ae3a61b8816e25450e6ce5e1c93acf1abc1778064fdcbefa921df1626be4fd036e93d75e6a50e3a41e98028fe5fc235f5b889a589cb5215f2a4n,
};

export const CURVE_OID = {
  /** НУЦ РК's name for CryptoPro-A, in GOST 34.310-2004 keys. */
  kzCryptoProA: '1.2.398.3.10.1.1.1.1.1',
  /** НУЦ РК's name for TC26 512-bit set A, in GOST 2015 512-bit keys. */
  kzTc26_512A: '1.2.398.3.10.1.1.2.2.1',
  cryptoProA: '1.2.643.2.2.35.1',
  cryptoProXchA: '1.2.643.2.2.36.0',
  tc26_256B: '1.2.643.7.1.2.1.1.2',
  tc26_512A: '1.2.643.7.1.2.1.2.1',
} as const;

const CURVES: ReadonlyMap<string, GostCurve> = new Map([
  [CURVE_OID.kzCryptoProA, CRYPTO_PRO_A],
  [CURVE_OID.cryptoProA, CRYPTO_PRO_A],
  [CURVE_OID.cryptoProXchA, CRYPTO_PRO_A],
  [CURVE_OID.tc26_256B, CRYPTO_PRO_A],
  [CURVE_OID.kzTc26_512A, TC26_512_A],
  [CURVE_OID.tc26_512A, TC26_512_A],
]);

export const gostCurveOfOid = (oid: string): GostCurve | null => CURVES.get(oid) ?? null;
