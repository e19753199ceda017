import type { SignatureInvalidReason } from '../../core/contract/signing';
import type { AlgorithmLabel } from '../../core/pki/algorithms/algorithmRegistry';
import type { CrlInfo } from '../../core/pki/crl';
import type { Result } from '../../core/result';
import type { CertificateOwner, CertificateProblem } from '../../core/signing/certificateRules';
import type { SigningPki } from '../signing/signingPki';

/**
 * Why a key file could not be used. Never carries the password, the key or any secret material.
 * Certificate problems come from `core/signing/certificateRules`.
 */
export type KeyOpenError = { readonly kind: 'wrong-password' } | { readonly kind: 'not-a-key-file' } | { readonly kind: 'no-private-key' };

export type SignerError = KeyOpenError | CertificateProblem;

/** One CA above a certificate, as the card shows it. */
export type ChainLink = { readonly commonName: string | null; readonly notAfter: Date; readonly isRoot: boolean };

/** What the operator sees about a key, before signing or when it was refused. */
export type CertificateCard = {
  readonly owner: CertificateOwner;
  readonly issuerCommonName: string | null;
  readonly serialHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** From keyUsage (nonRepudiation), never from the file name. */
  readonly isSigningKey: boolean;
  readonly algorithm: AlgorithmLabel;
  /** The verified issuers, nearest first; empty when no trusted path was found. */
  readonly chain: readonly ChainLink[];
};

export type SignPolicy = {
  readonly operatorIin: string;
  readonly now: Date;
  readonly pki: SigningPki;
  /** The current CRLs of the trusted CAs; null when none is usable (stale) → `revocation-unknown`. */
  readonly crls: readonly CrlInfo[] | null;
};

export type Signature = {
  /** Detached CMS SignedData (DER): signed attributes contentType, signingTime, messageDigest. */
  readonly cmsDer: Uint8Array;
};

/**
 * Signs with the operator's own key file. Implementations open the key for the call only: the
 * password and the decrypted key are never stored, logged or returned.
 */
export interface Signer {
  /** The key file's certificate (DER), opened with the password for this call only. */
  certificateOf(keyFile: Uint8Array, password: string): Result<Uint8Array, KeyOpenError>;
  /** Checks the certificate under `policy` and signs only when it may; a refused key signs nothing. */
  sign(keyFile: Uint8Array, password: string, data: Uint8Array, policy: SignPolicy): Result<Signature, SignerError>;
}

/** Why a signing agent (NCALayer) produced no usable signature. */
export type AgentSignError =
  | { readonly kind: 'agent-unavailable' }
  | { readonly kind: 'agent-cancelled' }
  | { readonly kind: 'agent-error' }
  /** What the agent returned is not a valid detached signature of the data it was given. */
  | { readonly kind: 'signature-invalid'; readonly reason: SignatureInvalidReason }
  /** The agent signed with a key that may not sign: the problem and the key's card. */
  | { readonly kind: 'certificate-refused'; readonly problem: CertificateProblem; readonly card: CertificateCard };

/**
 * Signs through an external agent that holds the key and asks the operator for the password itself
 * (NCALayer: GOST keys, hardware tokens). The result is checked like a key file's: same rules.
 */
export interface AgentSigner {
  sign(data: Uint8Array, policy: SignPolicy): Promise<Result<Signature, AgentSignError>>;
}
