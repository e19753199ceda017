// Turns an X.509 certificate plus the signing policy into the plain `CertificateDescription` the
// pure rules in core/signing/certificateRules judge. Shared by every signer so a key file and a key
// behind the national signing agent are held to exactly the same checks (DESIGN.md §5).
// Fields are read from the DER by core/signing/certificateFields rather than forge.pki, which
// refuses any certificate whose key is not RSA — and the agent's keys are often GOST or EC.
import { X509Certificate } from 'node:crypto';
import { readCertificateFields } from '../../core/signing/certificateFields';
import type { CertificateDescription } from '../../core/signing/certificateRules';
import type { SignPolicy } from '../ports/Signer';
import { revocationStatus } from './crlRevocation';

const PEM_BODY = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/;

export function certificateDerFromPem(certificatePem: string): Uint8Array {
  const body = PEM_BODY.exec(certificatePem)?.[1];
  if (body === undefined) throw new Error('certificate: not a PEM certificate');
  return Uint8Array.from(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
}

export function certificatePemFromDer(certificateDer: Uint8Array): string {
  const lines = Buffer.from(certificateDer).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

const within = (x509: X509Certificate, now: Date): boolean =>
  new Date(x509.validFrom).getTime() <= now.getTime() && now.getTime() <= new Date(x509.validTo).getTime();

/**
 * The configured CA that issued the certificate: DN match, signature verifies, CA in date.
 * Node cannot load GOST keys, so a GOST-signed certificate finds no anchor here (fails closed as
 * `untrusted-issuer`); accepting it would need a GOST-capable verifier such as NCANode.
 */
function issuingAnchor(certificatePem: string, anchorsPem: readonly string[], now: Date): X509Certificate | null {
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(certificatePem);
  } catch {
    return null;
  }
  for (const pem of anchorsPem) {
    try {
      const anchor = new X509Certificate(pem);
      if (anchor.ca && within(anchor, now) && leaf.checkIssued(anchor) && leaf.verify(anchor.publicKey)) return anchor;
    } catch {
      // a malformed anchor, or a key Node cannot load, vouches for nothing
    }
  }
  return null;
}

/** Throws only when `certificatePem` is not a readable certificate. */
export function describeCertificate(certificatePem: string, policy: SignPolicy): CertificateDescription {
  const fields = readCertificateFields(certificateDerFromPem(certificatePem));
  const anchor = issuingAnchor(certificatePem, policy.trustAnchorsPem, policy.now);
  return {
    subject: fields.subject,
    notBefore: fields.notBefore,
    notAfter: fields.notAfter,
    keyUsage: fields.keyUsage,
    chainsToTrustedAnchor: anchor !== null,
    revoked:
      anchor === null
        ? 'unknown'
        : revocationStatus({ crlDer: policy.crlDer, issuer: anchor, serialHex: fields.serialHex, now: policy.now }),
  };
}
