// Signer over the operator's PKCS#12 key file, with node-forge (DESIGN.md §5, stack-notes.md §7).
// The key is opened for the one call and dropped; the password is never stored, logged or returned.
import { ok, type Result } from '../../core/result';
import { readCertificateFields } from '../../core/signing/certificateFields';
import { certificateOwner, checkSigningCertificate, isSigningKey } from '../../core/signing/certificateRules';
import type { CertificateCard, Signature, Signer, SignerError, SignPolicy } from '../ports/Signer';
import { certificateDerFromPem, describeCertificate } from './certificateDescription';
import { makeDetachedCms } from './forgeDetachedCms';
import { openKeyFile } from './pkcs12KeyFile';
import { verifyDetachedCms } from './verifyDetachedCms';

export class Pkcs12Signer implements Signer {
  inspect(keyFile: Uint8Array, password: string): Result<CertificateCard, SignerError> {
    const opened = openKeyFile(keyFile, password);
    if (!opened.ok) return opened;
    const { certificatePem } = opened.value;
    const fields = readCertificateFields(certificateDerFromPem(certificatePem));
    return ok({
      owner: certificateOwner(fields.subject),
      issuerCommonName: fields.issuerCommonName,
      serialHex: fields.serialHex,
      notBefore: fields.notBefore,
      notAfter: fields.notAfter,
      isSigningKey: isSigningKey(fields.keyUsage),
      certificatePem,
    });
  }

  sign(keyFile: Uint8Array, password: string, data: Uint8Array, policy: SignPolicy): Result<Signature, SignerError> {
    const opened = openKeyFile(keyFile, password);
    if (!opened.ok) return opened;
    const { certificatePem } = opened.value;
    const verdict = checkSigningCertificate(describeCertificate(certificatePem, policy), policy);
    if (!verdict.ok) return verdict;
    const cmsDer = makeDetachedCms(opened.value, data, policy.now);
    // forge cannot verify CMS: an independent check of what it produced. A failure is a bug, so it throws.
    const check = verifyDetachedCms(cmsDer, data);
    if (!check.ok) throw new Error(`CMS self-check failed: ${check.error}`);
    return ok({ cmsDer, certificatePem });
  }
}
