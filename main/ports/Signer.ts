import type { Result } from '../../core/result';
import type { CertificateOwner, CertificateProblem } from '../../core/signing/certificateRules';

/**
 * Why a key file could not be used. Never carries the password, the key or any secret material.
 * Certificate problems come from `core/signing/certificateRules`.
 */
export type SignerError =
  | { readonly kind: 'wrong-password' }
  | { readonly kind: 'not-a-key-file' }
  | { readonly kind: 'no-private-key' }
  | CertificateProblem;

/** What the operator sees about the key they picked, before signing. */
export type CertificateCard = {
  readonly owner: CertificateOwner;
  readonly issuerCommonName: string | null;
  readonly serialHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** From keyUsage (nonRepudiation), never from the file name. */
  readonly isSigningKey: boolean;
  readonly certificatePem: string;
};

export type SignPolicy = {
  readonly operatorIin: string;
  readonly now: Date;
  readonly trustAnchorsPem: readonly string[];
  /** Current CRL of the issuing CA (DER); null when none is available → `revocation-unknown`. */
  readonly crlDer: Uint8Array | null;
};

export type Signature = {
  /** Detached CMS SignedData (DER), SHA-256, signed attributes contentType, signingTime, messageDigest. */
  readonly cmsDer: Uint8Array;
  readonly certificatePem: string;
};

/**
 * Signs with the operator's own key file. Implementations open the key for the call only: the
 * password and the decrypted key are never stored, logged or returned.
 */
export interface Signer {
  inspect(keyFile: Uint8Array, password: string): Result<CertificateCard, SignerError>;
  sign(keyFile: Uint8Array, password: string, data: Uint8Array, policy: SignPolicy): Result<Signature, SignerError>;
}

/** Why a signing agent (NCALayer) produced no usable signature. */
export type AgentSignError =
  | { readonly kind: 'agent-unavailable' }
  | { readonly kind: 'agent-cancelled' }
  | { readonly kind: 'agent-error' }
  /** The agent returned a CMS that does not verify over the data it was given. */
  | { readonly kind: 'signature-invalid' }
  | CertificateProblem;

/**
 * Signs through an external agent that holds the key and asks the operator for the password itself
 * (NCALayer: GOST keys, hardware tokens). The result is checked like a key file's: same rules.
 */
export interface AgentSigner {
  sign(data: Uint8Array, policy: SignPolicy): Promise<Result<Signature, AgentSignError>>;
}
