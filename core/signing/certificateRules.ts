// Pure rules deciding whether an operator's certificate may sign an application (docs/ARCHITECTURE.md,
// "Signing"). They take a plain description of the certificate (read and its chain verified by
// core/pki), so they stay free of Node and of any crypto library. Subject layout of НУЦ РК
// certificates: docs/domain/pki.md.
import type { ChainProblem } from '../pki/chain';
import type { CertificateSubject } from '../pki/name';
import { err, ok, type Result } from '../result';

export type { CertificateSubject };

export type CertificateDescription = {
  readonly subject: CertificateSubject;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly keyUsage: { readonly digitalSignature: boolean; readonly nonRepudiation: boolean };
  /** Whether a verified path leads to a trusted НУЦ РК (or demo) CA, and why not. */
  readonly trust: { readonly kind: 'trusted' } | ChainProblem;
  /** `'unknown'` when no usable CRL covers the certificate's issuer. */
  readonly revoked: boolean | 'unknown';
};

export type SigningPolicy = { readonly operatorIin: string; readonly now: Date };

export type CertificateProblem =
  | ChainProblem
  | { readonly kind: 'not-yet-valid'; readonly notBefore: Date }
  | { readonly kind: 'expired'; readonly notAfter: Date }
  | { readonly kind: 'revoked' }
  | { readonly kind: 'revocation-unknown' }
  | { readonly kind: 'not-a-signing-key' }
  | { readonly kind: 'iin-mismatch'; readonly certificateIin: string | null };

export type CertificateOwner = {
  /** CN ("SURNAME NAME") followed by the patronymic from GIVENNAME, when present. */
  readonly fullName: string;
  readonly iin: string | null;
  readonly organization: string | null;
  readonly bin: string | null;
};

const IIN_PATTERN = /^IIN(\d{12})$/;
const BIN_PATTERN = /^BIN(\d{12})$/;

/** `IIN123456789012` → `123456789012`; anything else (BIN…, wrong length, spaces) → null. */
export function parseSubjectIin(serialNumber: string | null): string | null {
  return serialNumber === null ? null : (IIN_PATTERN.exec(serialNumber)?.[1] ?? null);
}

function parseSubjectBin(organizationalUnit: string | null): string | null {
  return organizationalUnit === null ? null : (BIN_PATTERN.exec(organizationalUnit)?.[1] ?? null);
}

/** What the certificate card shows about the key's owner. */
export function certificateOwner(subject: CertificateSubject): CertificateOwner {
  const parts = [subject.commonName, subject.givenName]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part.length > 0);
  return {
    fullName: parts.join(' '),
    iin: parseSubjectIin(subject.serialNumber),
    organization: subject.organization,
    bin: parseSubjectBin(subject.organizationalUnit),
  };
}

/** A SIGN key has nonRepudiation in keyUsage (AUTH keys have digitalSignature + keyEncipherment only). */
export function isSigningKey(keyUsage: CertificateDescription['keyUsage']): boolean {
  return keyUsage.nonRepudiation;
}

/** First problem found, in the order an operator can act on it; `ok(null)` when the key may sign. */
export function checkSigningCertificate(
  certificate: CertificateDescription,
  policy: SigningPolicy,
): Result<null, CertificateProblem> {
  if (certificate.trust.kind !== 'trusted') return err(certificate.trust);
  const now = policy.now.getTime();
  if (now < certificate.notBefore.getTime()) return err({ kind: 'not-yet-valid', notBefore: certificate.notBefore });
  if (now > certificate.notAfter.getTime()) return err({ kind: 'expired', notAfter: certificate.notAfter });
  if (certificate.revoked === true) return err({ kind: 'revoked' });
  if (certificate.revoked === 'unknown') return err({ kind: 'revocation-unknown' });
  if (!isSigningKey(certificate.keyUsage)) return err({ kind: 'not-a-signing-key' });
  const certificateIin = parseSubjectIin(certificate.subject.serialNumber);
  if (certificate.subject.serialNumber !== `IIN${policy.operatorIin}` || certificateIin === null) {
    return err({ kind: 'iin-mismatch', certificateIin });
  }
  return ok(null);
}
