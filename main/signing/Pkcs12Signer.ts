// Signer over the operator's PKCS#12 key file (docs/ARCHITECTURE.md, "Signing"): node-forge opens the
// file, the certificate is judged like any other (certificateAssessment), and the CMS is built by
// core/pki and signed on node:crypto. The key is opened for the one call and dropped; the password
// is never stored, logged or returned.
import { err, ok, type Result } from '../../core/result';
import { verifyDetachedSignature } from '../../core/pki/detachedSignature';
import type { KeyOpenError, Signature, Signer, SignerError, SignPolicy } from '../ports/Signer';
import { judgeCertificate } from './certificateAssessment';
import { openKeyFile } from './pkcs12KeyFile';
import { makeDetachedCms } from './rsaDetachedCms';

export class Pkcs12Signer implements Signer {
  certificateOf(keyFile: Uint8Array, password: string): Result<Uint8Array, KeyOpenError> {
    const opened = openKeyFile(keyFile, password);
    return opened.ok ? ok(opened.value.certificateDer) : opened;
  }

  sign(keyFile: Uint8Array, password: string, data: Uint8Array, policy: SignPolicy): Result<Signature, SignerError> {
    const opened = openKeyFile(keyFile, password);
    if (!opened.ok) return opened;
    const judged = judgeCertificate(opened.value.certificateDer, policy);
    // forge parsed it, so it is a certificate; one core/pki cannot read is one nobody can verify.
    if (!judged.ok) return err({ kind: 'not-a-key-file' });
    if (judged.value.problem !== null) return err(judged.value.problem);
    const cmsDer = makeDetachedCms(opened.value, data, policy.now);
    // An independent check of what was produced, with the same verifier the backend runs. A failure is a bug, so it throws.
    const check = verifyDetachedSignature(cmsDer, data, { suite: policy.pki.suite, memo: policy.pki.memo });
    if (!check.ok) throw new Error(`CMS self-check failed: ${check.error.kind}`);
    return ok({ cmsDer });
  }
}
