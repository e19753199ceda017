/**
 * One small interface for "does this signature verify with this key": the certificate chain, CRLs,
 * the CMS that NCALayer returns, timestamp tokens and the backend's check of the operator's
 * signature all go through it. RSA and ECDSA go to the host's native crypto (node:crypto, injected:
 * core/ runs without Node); GOST is verified here in pure JS. An algorithm it does not know is its
 * own verdict, never a failed signature.
 */
import * as asn1js from 'asn1js';
import { exactBuffer } from '../asn1';
import type { AlgorithmRef, PublicKeyInfo } from '../certificate';
import { gostKeyPoint } from '../certificate';
import { digestOfOid, keyFamilyOfOid, signatureSchemeOfOid, type AlgorithmLabel, type DigestId, type NativeDigestId, type SignatureScheme } from './algorithmRegistry';
import { createGostDigests, type GostDigests } from './gost/gostDigests';
import { CRYPTO_PRO_A, gostCurveOfOid, TC26_512_A, type GostCurve } from './gost/gostCurves';
import { GostVerifier } from './gost/gostVerifier';

/** The host's own crypto for the non-GOST algorithms. */
export interface NativeCrypto {
  digest(id: NativeDigestId, data: Uint8Array): Uint8Array;
  /** RSA PKCS#1 v1.5 or ECDSA (DER signature); 'bad-key' when the key cannot be loaded as that type. */
  verify(args: { readonly kind: 'rsa' | 'ecdsa'; readonly digest: NativeDigestId; readonly spkiDer: Uint8Array; readonly data: Uint8Array; readonly signature: Uint8Array }): boolean | 'bad-key';
}

export interface SignatureCheck {
  readonly signatureAlgorithm: AlgorithmRef;
  /** A CMS SignerInfo's digestAlgorithm: must be the signature algorithm's own digest where it names one. */
  readonly digestAlgorithm?: AlgorithmRef;
  readonly publicKey: PublicKeyInfo;
  /** The signed bytes (the TBS, the signed attributes), not their digest. */
  readonly data: Uint8Array;
  readonly signature: Uint8Array;
}

export type SignatureVerdict =
  | { readonly kind: 'valid' }
  | { readonly kind: 'invalid' }
  /** A signature, digest, key or curve OID the suite does not know. */
  | { readonly kind: 'unsupported-algorithm'; readonly oid: string }
  /** Known algorithms that do not belong together: a GOST signature with an RSA key, a SHA-256 digest for a Streebog signature… */
  | { readonly kind: 'algorithm-mismatch' }
  /** The key does not load (not on its curve, wrong length, not RSA). */
  | { readonly kind: 'malformed-key' };

export interface SignatureSuite {
  verify(check: SignatureCheck): SignatureVerdict;
  /** The digest named by `oid` over `data`; null for an OID the suite does not know. */
  digest(oid: string, data: Uint8Array): Uint8Array | null;
  /** How the certificate card names the key's algorithm. */
  keyLabel(publicKey: PublicKeyInfo): AlgorithmLabel;
}

const NATIVE_DIGESTS: ReadonlySet<DigestId> = new Set(['sha1', 'sha256', 'sha384', 'sha512']);
const isNative = (digest: DigestId): digest is NativeDigestId => NATIVE_DIGESTS.has(digest);

/** The OIDs in a GOST key's parameters: SEQUENCE { curve OID, digest OID [, cipher OID] }; null when absent or malformed. */
function gostParameterOids(parametersDer: Uint8Array | null): string[] | null {
  if (parametersDer === null) return null;
  try {
    const parsed = asn1js.fromBER(exactBuffer(parametersDer));
    if (parsed.offset !== parametersDer.length || !(parsed.result instanceof asn1js.Sequence)) return null;
    const oids = parsed.result.valueBlock.value.map((item) => (item instanceof asn1js.ObjectIdentifier ? item.getValue() : null));
    return oids.every((oid): oid is string => oid !== null) ? oids : null;
  } catch {
    return null;
  }
}

type GostKey = { readonly curve: GostCurve; readonly point: Uint8Array } | { readonly unsupportedCurve: string } | 'malformed';

/** The curve the key's parameters name (or, absent, the family's only set) and its point. */
function gostKeyOf(publicKey: PublicKeyInfo, family: 'gost-2004' | 'gost-2015'): GostKey {
  const point = gostKeyPoint(publicKey.keyBytes);
  if (point === null) return 'malformed';
  const curveOid = gostParameterOids(publicKey.algorithm.parametersDer)?.[0];
  if (curveOid === undefined) {
    if (family === 'gost-2004') return { curve: CRYPTO_PRO_A, point };
    return point.length === 128 ? { curve: TC26_512_A, point } : 'malformed';
  }
  const curve = gostCurveOfOid(curveOid);
  return curve === null ? { unsupportedCurve: curveOid } : { curve, point };
}

export function createSignatureSuite(native: NativeCrypto): SignatureSuite {
  const gostDigests: GostDigests = createGostDigests();
  const gost = new GostVerifier();

  const digestById = (id: DigestId, data: Uint8Array): Uint8Array => (isNative(id) ? native.digest(id, data) : gostDigests[id](data));

  /** The digest the signature is computed with, or why none fits. */
  function digestFor(scheme: SignatureScheme, check: SignatureCheck): DigestId | SignatureVerdict {
    const named = check.digestAlgorithm === undefined ? null : digestOfOid(check.digestAlgorithm.oid);
    if (check.digestAlgorithm !== undefined && named === null) return { kind: 'unsupported-algorithm', oid: check.digestAlgorithm.oid };
    if (scheme.digest === null) return named ?? { kind: 'algorithm-mismatch' };
    if (named !== null && named !== scheme.digest) return { kind: 'algorithm-mismatch' };
    return scheme.digest;
  }

  function verifyGost(scheme: SignatureScheme, digest: DigestId, check: SignatureCheck): SignatureVerdict {
    const key = gostKeyOf(check.publicKey, scheme.key === 'gost-2004' ? 'gost-2004' : 'gost-2015');
    if (key === 'malformed') return { kind: 'malformed-key' };
    if ('unsupportedCurve' in key) return { kind: 'unsupported-algorithm', oid: key.unsupportedCurve };
    const expectedSize = scheme.family === 'gost-2015-512' ? 64 : 32;
    if (key.curve.size !== expectedSize) return { kind: 'algorithm-mismatch' };
    const verdict = gost.verify(key.curve, key.point, digestById(digest, check.data), check.signature);
    return { kind: verdict };
  }

  return {
    verify(check) {
      const scheme = signatureSchemeOfOid(check.signatureAlgorithm.oid);
      if (scheme === null) return { kind: 'unsupported-algorithm', oid: check.signatureAlgorithm.oid };
      const keyFamily = keyFamilyOfOid(check.publicKey.algorithm.oid);
      if (keyFamily === null) return { kind: 'unsupported-algorithm', oid: check.publicKey.algorithm.oid };
      if (keyFamily !== scheme.key) return { kind: 'algorithm-mismatch' };
      const digest = digestFor(scheme, check);
      if (typeof digest !== 'string') return digest;
      if (scheme.family === 'gost-2004' || scheme.family === 'gost-2015-256' || scheme.family === 'gost-2015-512') {
        return verifyGost(scheme, digest, check);
      }
      if (!isNative(digest)) return { kind: 'algorithm-mismatch' };
      const verdict = native.verify({ kind: scheme.family, digest, spkiDer: check.publicKey.spkiDer, data: check.data, signature: check.signature });
      if (verdict === 'bad-key') return { kind: 'malformed-key' };
      return { kind: verdict ? 'valid' : 'invalid' };
    },

    digest(oid, data) {
      const id = digestOfOid(oid);
      return id === null ? null : digestById(id, data);
    },

    keyLabel(publicKey) {
      switch (keyFamilyOfOid(publicKey.algorithm.oid)) {
        case 'rsa':
          return 'RSA';
        case 'ec':
          return 'ECDSA';
        case 'gost-2004':
          return 'GOST 34.310-2004';
        case 'gost-2015': {
          const key = gostKeyOf(publicKey, 'gost-2015');
          if (key === 'malformed' || 'unsupportedCurve' in key) return 'unknown';
          return key.curve.size === 64 ? 'GOST 2015 (512)' : 'GOST 2015 (256)';
        }
        case null:
          return 'unknown';
      }
    },
  };
}
