// Types for the part of @wavesenterprise/crypto-gost-js (MIT, pure JS, no types of its own) that
// gostDigests.ts uses: the synchronous digest engine.
declare module '@wavesenterprise/crypto-gost-js' {
  interface GostDigestAlgorithm {
    readonly name: 'GOST R 34.11';
    readonly version: 1994 | 2012;
    readonly length: 256 | 512;
    /** GOST 28147-89 S-box of the 1994 hash, e.g. 'D-TEST'. */
    readonly sBox?: string;
  }
  interface GostDigestEngine {
    digest(data: ArrayBuffer | ArrayBufferView): ArrayBuffer;
  }
  const cryptoGost: {
    readonly GostEngine: { getGostDigest(algorithm: GostDigestAlgorithm): GostDigestEngine };
  };
  export default cryptoGost;
}
