/**
 * The operator's EDS (Diagram No. 2 step 6, DESIGN.md §5). The renderer never sees a private key:
 * it sends the key file the operator picked and the password typed for this one call, and gets the
 * certificate card back. Signing itself happens inside `submissions.submitDraft`, over the payload
 * main assembles, so what is signed is exactly what is queued.
 */
import { z } from 'zod';
import type { Result } from '../result';
import type { NotSignedIn } from './common';
import { MAX_KEY_FILE_BYTES } from './limits';

export { MAX_KEY_FILE_BYTES };

export const keySourceSchema = z.discriminatedUnion('kind', [
  /** A file the operator picked now. `path` where the host knows it (Electron), so it can be remembered. */
  z.object({
    kind: z.literal('file'),
    fileName: z.string().min(1).max(255),
    path: z.string().min(1).max(4096).nullable(),
    bytesBase64: z.base64().min(1).max(Math.ceil(MAX_KEY_FILE_BYTES / 3) * 4),
  }),
  /** The key file this operator used last time, reopened from its remembered path. */
  z.object({ kind: z.literal('remembered') }),
]);
export type KeySource = z.infer<typeof keySourceSchema>;

export const keyPasswordSchema = z.string().min(1).max(256);

/** How the operator signs this application. */
export const signingMethodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('key-file'), key: keySourceSchema, password: keyPasswordSchema }),
  /** NCALayer, the national signing agent (GOST keys, tokens): it asks for the password itself. */
  z.object({ kind: z.literal('ncalayer') }),
]);
export type SigningMethod = z.infer<typeof signingMethodSchema>;

/** The key's algorithm as НУЦ РК names it ('unknown': one the workstation cannot verify). */
export type KeyAlgorithmLabel = 'RSA' | 'ECDSA' | 'GOST 34.310-2004' | 'GOST 2015 (256)' | 'GOST 2015 (512)' | 'unknown';

/** One CA above the key's certificate (dates ISO 8601). */
export interface CertificateChainLinkView {
  readonly commonName: string | null;
  readonly notAfter: string;
  /** Self-signed: the root of the chain. */
  readonly isRoot: boolean;
}

/** What the operator sees about a key before signing (dates ISO 8601). */
export interface CertificateCardView {
  readonly owner: { readonly fullName: string; readonly iin: string | null; readonly organization: string | null; readonly bin: string | null };
  readonly issuerCommonName: string | null;
  readonly serialHex: string;
  readonly notBefore: string;
  readonly notAfter: string;
  /** From keyUsage (nonRepudiation), never from the file name. */
  readonly isSigningKey: boolean;
  readonly algorithm: KeyAlgorithmLabel;
  /** The verified issuers up to the root, nearest first; empty when no trusted path was found. */
  readonly chain: readonly CertificateChainLinkView[];
}

/** The key file could not be opened at all. */
export type KeyOpenProblem =
  | { readonly kind: 'wrong-password' }
  | { readonly kind: 'not-a-key-file' }
  | { readonly kind: 'no-private-key' }
  /** The remembered file is gone or unreadable (USB stick removed): pick it again. */
  | { readonly kind: 'key-file-unavailable' };

/** The key opened, but may not sign today (core/signing/certificateRules.ts, dates ISO). */
export type CertificateProblemView =
  | { readonly kind: 'untrusted-issuer' }
  /** The certificate or a CA above it uses an algorithm (or curve) the workstation does not know: the OID. */
  | { readonly kind: 'unsupported-algorithm'; readonly algorithm: string }
  /** The CA that issued it is not valid now (expired): НУЦ has re-issued the key under a new CA. */
  | { readonly kind: 'issuer-not-valid' }
  /** The issuers lead back to themselves: no path to a root. */
  | { readonly kind: 'chain-loop' }
  | { readonly kind: 'not-yet-valid'; readonly notBefore: string }
  | { readonly kind: 'expired'; readonly notAfter: string }
  | { readonly kind: 'revoked' }
  | { readonly kind: 'revocation-unknown' }
  /** The cached revocation list is older than the allowed maximum and cannot be refreshed now. */
  | { readonly kind: 'revocation-list-stale'; readonly fetchedAt: string | null }
  | { readonly kind: 'not-a-signing-key' }
  | { readonly kind: 'iin-mismatch'; readonly certificateIin: string | null };

/** Why what NCALayer returned is not a valid signature of this application (core/pki/detachedSignature.ts). */
export type SignatureInvalidReason =
  | 'too-large'
  | 'malformed'
  | 'not-detached'
  | 'not-one-signer'
  | 'no-signer-certificate'
  | 'attributes-invalid'
  | 'attributes-not-der'
  | 'unsupported-algorithm'
  | 'algorithm-mismatch'
  | 'digest-mismatch'
  | 'bad-signature';

/** NCALayer could not produce a signature. */
export type SigningAgentProblem =
  | { readonly kind: 'agent-unavailable' }
  | { readonly kind: 'agent-cancelled' }
  | { readonly kind: 'agent-error' }
  /**
   * The agent claimed success, but what came back is not a valid detached signature of exactly this
   * application. Retrying will not fix it and it may mean a tampered agent: call support.
   */
  | { readonly kind: 'signature-invalid'; readonly reason: SignatureInvalidReason };

export type SigningProblem = KeyOpenProblem | CertificateProblemView | SigningAgentProblem;

/**
 * A refused signing attempt: why, and the certificate it was refused for where one was read (the key
 * NCALayer signed with), so the operator sees whose key, which algorithm and which chain.
 */
export interface SigningRefusal {
  readonly kind: 'signing-failed';
  readonly problem: SigningProblem;
  readonly card: CertificateCardView | null;
}

export interface KeyInspection {
  readonly card: CertificateCardView;
  /** The first reason this key may not sign today; null when it may. */
  readonly problem: CertificateProblemView | null;
}

export interface RememberedKey {
  readonly fileName: string;
  /** Whether main can reopen it without the operator picking it again (the host gave its path). */
  readonly reopenable: boolean;
}

export interface RevocationListStatus {
  /** When the cached CRL was fetched from the backend; null when none was ever fetched. */
  readonly fetchedAt: string | null;
  /** The CRL's own nextUpdate; null when none. */
  readonly nextUpdate: string | null;
  /** Too old to vouch for a certificate: signing is refused until it is refreshed. */
  readonly stale: boolean;
}

export interface SigningApi {
  /** The key file this operator used last; null when none. Never the password. */
  rememberedKey(): Promise<Result<RememberedKey | null, NotSignedIn>>;
  /**
   * Opens the key with the password for this call only and checks its certificate against today's
   * rules (trust anchors, validity, CRL, keyUsage, the operator's IIN), without signing. Remembers
   * the file for next time when it opened.
   */
  inspectKey(key: KeySource, password: string): Promise<Result<KeyInspection, NotSignedIn | KeyOpenProblem>>;
  /** The revocation list the checks use; refreshes it from the backend when it can. */
  revocationStatus(): Promise<Result<RevocationListStatus, NotSignedIn>>;
}
