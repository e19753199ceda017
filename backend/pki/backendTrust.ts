/**
 * Whom the backend trusts for operators' signatures: its own demo CA (whose CRL it signs, see
 * crlPublisher.ts) and any further CA certificates with their published CRLs given at start —
 * НУЦ РК's hierarchy in a real deployment, a GOST test PKI in tests (PSC_BACKEND_TRUST_DIR). Every
 * check goes through core/pki's signature suite (RSA on node:crypto, GOST in pure JS), with the
 * verified CA signatures and CRLs memoised for the life of the server.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createSignatureSuite, type SignatureSuite } from '../../core/pki/algorithms/signatureSuite';
import { readCertificate, type CertificateInfo } from '../../core/pki/certificate';
import { readCrl, type CrlInfo } from '../../core/pki/crl';
import { VerificationMemo } from '../../core/pki/verificationMemo';
import { createNodeCrypto } from '../../nodelib/pki/nodeCrypto';
import { derBlocksOf } from '../../nodelib/pki/pem';
import type { BackendPki } from './backendPki';
import type { CrlPublisher } from './crlPublisher';

/** More CAs to trust, with the CRLs they published (DER). */
export interface ExtraTrust {
  readonly certificatesDer: readonly Uint8Array[];
  readonly crlsDer: readonly Uint8Array[];
}

export class BackendTrust {
  readonly suite: SignatureSuite = createSignatureSuite(createNodeCrypto());
  readonly memo = new VerificationMemo();
  readonly trusted: readonly CertificateInfo[];
  private readonly extraCrls: readonly CrlInfo[];
  private demoCrl: { der: Uint8Array; info: CrlInfo } | null = null;

  constructor(
    demo: BackendPki,
    private readonly publisher: CrlPublisher,
    extra: ExtraTrust = { certificatesDer: [], crlsDer: [] },
  ) {
    const extraCas = extra.certificatesDer.flatMap((der) => {
      const certificate = readCertificate(der);
      if (!certificate.ok || !certificate.value.isCa) throw new Error('PKI: a trusted certificate is not a readable CA certificate');
      return [certificate.value];
    });
    this.trusted = [demo.caInfo, ...extraCas];
    this.extraCrls = extra.crlsDer.map((der) => {
      const crl = readCrl(der);
      if (!crl.ok) throw new Error('PKI: a CRL cannot be read');
      return crl.value;
    });
  }

  /** The CRLs in force: the demo CA's current one and the others as given. */
  crls(now: Date): readonly CrlInfo[] {
    const der = this.publisher.crlAt(now);
    if (this.demoCrl?.der !== der) {
      const info = readCrl(der);
      if (!info.ok) throw new Error('the demo CA signed an unreadable CRL');
      this.demoCrl = { der, info: info.value };
    }
    return [this.demoCrl.info, ...this.extraCrls];
  }

  /** The same, as DER, for GET /v1/pki/crls. */
  crlsDer(now: Date): readonly Uint8Array[] {
    return this.crls(now).map((crl) => crl.der);
  }
}

/** CA certificates (.pem/.crt/.cer) and CRLs (.crl, DER or PEM) of a folder, for ExtraTrust. */
export async function readTrustDir(dir: string): Promise<ExtraTrust> {
  const names = (await readdir(dir)).sort();
  const certificatesDer: Uint8Array[] = [];
  const crlsDer: Uint8Array[] = [];
  for (const name of names) {
    const bytes = new Uint8Array(await readFile(path.join(dir, name)));
    if (/\.(pem|crt|cer)$/i.test(name)) certificatesDer.push(...derBlocksOf(bytes, ['CERTIFICATE']));
    else if (/\.crl$/i.test(name)) crlsDer.push(...derBlocksOf(bytes, ['X509 CRL']));
  }
  return { certificatesDer, crlsDer };
}
