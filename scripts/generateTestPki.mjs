// Writes a throwaway test PKI (test/support/testPki) for manual signing tests — RSA key files and
// GOST 2015-512 / GOST 34.310-2004 hierarchies:
//   node scripts/generateTestPki.mjs [outDir]      (default .data/test-pki)
// The TS module is bundled with esbuild (packages external) to out/scripts/ and imported.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importTestPkiGenerator } from './importTestPkiGenerator.mjs';

// Valid IINs (checksum passes), so the app's IIN validation accepts them.
const OPERATOR_IIN = '850415312343';
const OTHER_IIN = '901120412403';
const PASSWORD = 'Qwerty12';

const outDir = path.resolve(process.argv[2] ?? '.data/test-pki');
const { testPkiFiles } = await importTestPkiGenerator('testPkiFiles');

const started = Date.now();
const files = await testPkiFiles({ now: new Date(), operatorIin: OPERATOR_IIN, otherIin: OTHER_IIN, password: PASSWORD });
const elapsed = Date.now() - started;

for (const [file, content] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
  writeFileSync(path.join(outDir, file), content);
}

console.log(`Test PKI written to ${outDir} (${Object.keys(files).length} files, generated in ${elapsed} ms)`);
console.log(`PKCS#12 password: ${PASSWORD}`);
console.log(`Operator IIN:     ${OPERATOR_IIN} (wrong-iin key: ${OTHER_IIN})`);
console.log('RSA key files at the top; GOST 2015-512 and GOST 34.310-2004 PKIs in gost-*/ (certificates, CRL, private scalars for a fake NCALayer).');
console.log('Test keys only: never trust these CAs outside development.');
