/**
 * What exactly the operator's EDS covers (DESIGN.md §5): the RFC 8785 canonical JSON, as UTF-8, of
 * the submission body with its `operatorSignature` member removed. The workstation signs these bytes
 * before it queues the application; the backend recomputes them from the body it receives, so any
 * change to any member after signing (a document digest, the applicant, the key) breaks the signature.
 */
import type { ApplicationSubmissionBody } from '../backendApi/wire';
import { err, ok, type Result } from '../result';
import { canonicalJsonBytes, type CanonicalJsonError } from './canonicalJson';

/** The member of the body that is not itself signed. */
export const SIGNATURE_MEMBER = 'operatorSignature';

/** A submission body as accepted, before it is signed: every signed member present, no signature. */
export type UnsignedSubmission = Omit<ApplicationSubmissionBody, 'operatorSignature'>;

/**
 * Signed bytes of a body as received (a parsed JSON object; unknown members count too, since the
 * signer covered whatever it sent). `not-an-object` for anything but a plain JSON object.
 */
export function signedBytesOf(body: unknown): Result<Uint8Array, CanonicalJsonError | { readonly kind: 'not-an-object' }> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return err({ kind: 'not-an-object' });
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (key !== SIGNATURE_MEMBER) rest[key] = value;
  const bytes = canonicalJsonBytes(rest);
  return bytes.ok ? ok(bytes.value) : bytes;
}
