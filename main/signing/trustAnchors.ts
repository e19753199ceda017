// Trust anchors for the operator's certificate (DESIGN.md §5): the CA certificates in one folder —
// НУЦ РК's roots in production, resources/pki/trust (the demo CA) by default. PEM (several per file
// allowed) or DER (.cer/.crt). Read once at start; a folder with nothing usable is a startup error,
// not a workstation that silently refuses every key.
import { X509Certificate } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export class TrustAnchorsError extends Error {
  override readonly name = 'TrustAnchorsError';
}

export type TrustAnchors = { readonly pem: readonly string[]; readonly certificates: readonly X509Certificate[] };

export async function loadTrustAnchors(dir: string): Promise<TrustAnchors> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.(pem|crt|cer)$/i.test(name)).sort();
  } catch (error) {
    throw new TrustAnchorsError(`Trust anchors folder ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const certificates: X509Certificate[] = [];
  for (const name of names) {
    const bytes = await readFile(path.join(dir, name));
    const text = bytes.toString('latin1');
    const blocks = text.includes('-----BEGIN CERTIFICATE-----') ? (text.match(PEM_BLOCK) ?? []) : [bytes];
    for (const block of blocks) {
      try {
        const certificate = new X509Certificate(block);
        if (certificate.ca) certificates.push(certificate);
      } catch {
        // Not a certificate: skipped; an empty result below names the folder.
      }
    }
  }
  if (certificates.length === 0) throw new TrustAnchorsError(`No CA certificates in ${dir} (expected .pem, .crt or .cer files)`);
  return { pem: certificates.map((c) => c.toString()), certificates };
}
