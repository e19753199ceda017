// Bundles test/support/testPki/generateTestPki.ts with esbuild (packages external) to out/scripts/
// and imports it, for the PKI scripts that run from plain Node.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function importTestPkiGenerator() {
  const bundle = path.resolve('out/scripts/generateTestPki.mjs');
  await build({
    entryPoints: ['test/support/testPki/generateTestPki.ts'],
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
