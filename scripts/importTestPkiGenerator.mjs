// Bundles the test PKI generators (test/support/testPki/) with esbuild (packages external) to
// out/scripts/ and imports them, for the PKI scripts that run from plain Node.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function importTestPkiGenerator(entry = 'generateTestPki') {
  const bundle = path.resolve(`out/scripts/${entry}.mjs`);
  await build({
    entryPoints: [`test/support/testPki/${entry}.ts`],
    outfile: bundle,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return import(pathToFileURL(bundle).href);
}
