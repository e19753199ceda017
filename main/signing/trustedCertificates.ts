// The CA certificates the workstation trusts for operators' keys (docs/ARCHITECTURE.md, "Signing"):
// НУЦ РК's public GOST roots and intermediates shipped in resources/pki/nuc (or the administrator's
// folder, signing.trustAnchorsDir), plus the demo CA of resources/pki/demo only while the embedded
// demo backend is in use. PEM (several per file) or DER (.cer/.crt). Read once at start; a folder with
// nothing usable is a start-up error, not a workstation that silently refuses every key.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readCertificate, type CertificateInfo } from '../../core/pki/certificate';
import { derBlocksOf } from '../../nodelib/pki/pem';

export class TrustAnchorsError extends Error {
  override readonly name = 'TrustAnchorsError';
}

/** The CA certificates of one folder; throws TrustAnchorsError naming the folder when it has none. */
export async function loadTrustedCertificates(dir: string): Promise<CertificateInfo[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.(pem|crt|cer)$/i.test(name)).sort();
  } catch (error) {
    throw new TrustAnchorsError(`Trust anchors folder ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const certificates: CertificateInfo[] = [];
  for (const name of names) {
    for (const der of derBlocksOf(new Uint8Array(await readFile(path.join(dir, name))), ['CERTIFICATE'])) {
      const certificate = readCertificate(der);
      // Not a certificate, or not a CA: skipped; an empty result below names the folder.
      if (certificate.ok && certificate.value.isCa) certificates.push(certificate.value);
    }
  }
  if (certificates.length === 0) throw new TrustAnchorsError(`No CA certificates in ${dir} (expected .pem, .crt or .cer files)`);
  return certificates;
}

/** The anchors of several folders, in order, each read as loadTrustedCertificates reads one. */
export async function loadTrustedCertificateSets(dirs: readonly string[]): Promise<CertificateInfo[]> {
  return (await Promise.all(dirs.map(loadTrustedCertificates))).flat();
}
