/**
 * Backend refusals that a new signature over the same, unchanged payload cures: the key was expired,
 * revoked, untrusted, an authentication key, or another person's — or no signature was sent. Not
 * `signature-invalid`: there the body no longer matches what was signed, and signing it again would
 * certify content nobody checked; such an application is withdrawn and taken anew.
 */
export const RESIGNABLE_PROBLEM_CODES: ReadonlySet<string> = new Set([
  'signature-required',
  'certificate-untrusted',
  'certificate-not-valid',
  'certificate-revoked',
  'not-a-signing-key',
  'signer-not-operator',
]);

export function isResignable(problemCode: string | null): boolean {
  return problemCode !== null && RESIGNABLE_PROBLEM_CODES.has(problemCode);
}
