// НУЦ РК's public certificates and test vectors (test/fixtures/pki-kz/README.md) as DER, for tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { derBlocksOf } from '../../../nodelib/pki/pem';

const DIR = fileURLToPath(new URL('../../fixtures/pki-kz/', import.meta.url));

export function kzFixture(file: string): Uint8Array {
  const bytes = new Uint8Array(readFileSync(path.join(DIR, file)));
  const [der] = file.endsWith('.bin') ? [bytes] : derBlocksOf(bytes, ['CERTIFICATE']);
  if (der === undefined) throw new Error(`no certificate in ${file}`);
  return der;
}
