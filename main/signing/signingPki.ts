// What every signature check of the workstation shares for the session: the signature suite (RSA on
// node:crypto, GOST in core/pki), the memo of signatures already verified (CA certificates and CRLs
// are checked once), and the trusted CA certificates. Built once by composeSigning.
import { createSignatureSuite, type SignatureSuite } from '../../core/pki/algorithms/signatureSuite';
import type { CertificateInfo } from '../../core/pki/certificate';
import { VerificationMemo } from '../../core/pki/verificationMemo';
import { createNodeCrypto } from '../../nodelib/pki/nodeCrypto';

export interface SigningPki {
  readonly suite: SignatureSuite;
  readonly memo: VerificationMemo;
  readonly trusted: readonly CertificateInfo[];
}

export function createSigningPki(trusted: readonly CertificateInfo[]): SigningPki {
  return { suite: createSignatureSuite(createNodeCrypto()), memo: new VerificationMemo(), trusted };
}
