import { createHash, X509Certificate } from 'node:crypto';
import type { TrustedCaCertificate } from '../../../core/contract/settings';
import { err, ok, type Result } from '../../../core/result';
import { commonNameOf } from './distinguishedName';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * Checks an administrator's CA bundle: every PEM block must be a certificate that parses, is a CA
 * (basicConstraints CA:TRUE) and is valid at `now`; at least one. Text between blocks (the
 * `subject=` lines OpenSSL writes) is ignored. `detail` is short English for logs; the UI has its own words.
 */
export function parseCaBundle(pem: string, now: Date): Result<TrustedCaCertificate[], { detail: string }> {
  const blocks = [...pem.matchAll(PEM_BLOCK)];
  const begins = pem.match(/-----BEGIN /g)?.length ?? 0;
  if (begins !== blocks.length) return err({ detail: 'a PEM block is not terminated' });
  if (blocks.length === 0) return err({ detail: 'no certificate in the bundle' });
  const certificates: TrustedCaCertificate[] = [];
  for (const [index, block] of blocks.entries()) {
    const position = `block ${index + 1}`;
    if (block[1] !== 'CERTIFICATE') return err({ detail: `${position} is a ${block[1]}, not a CERTIFICATE` });
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(block[0]);
    } catch {
      return err({ detail: `${position} is not a readable X.509 certificate` });
    }
    if (!cert.ca) return err({ detail: `${position} is not a CA certificate` });
    const notBefore = Date.parse(cert.validFrom);
    const notAfter = Date.parse(cert.validTo);
    if (!(notBefore <= now.getTime())) return err({ detail: `${position} is not valid yet` });
    if (!(now.getTime() <= notAfter)) return err({ detail: `${position} has expired` });
    certificates.push({
      subject: commonNameOf(cert.subject),
      notAfter: new Date(notAfter).toISOString(),
      sha256: createHash('sha256').update(cert.raw).digest('hex'),
    });
  }
  return ok(certificates);
}
