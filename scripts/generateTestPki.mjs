// Writes a throwaway test PKI (test/support/testPki) for manual signing tests:
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
const { generateTestPki, TEST_KEY_NAMES } = await importTestPkiGenerator();

const started = Date.now();
const pki = await generateTestPki({ now: new Date(), operatorIin: OPERATOR_IIN, otherIin: OTHER_IIN, password: PASSWORD });
const elapsed = Date.now() - started;

/** `notYetValid` → `not-yet-valid`, for file names. */
const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

mkdirSync(outDir, { recursive: true });
const files = {
  'ca.pem': pki.ca.certPem,
  'other-ca.pem': pki.otherCa.certPem,
  'crl.pem': pki.crlPem,
  'crl.der': pki.crlDer,
};
for (const name of TEST_KEY_NAMES) {
  files[`operator-${kebab(name)}.p12`] = pki.keys[name].p12;
  files[`operator-${kebab(name)}.pem`] = pki.keys[name].certPem;
}
for (const [file, content] of Object.entries(files)) writeFileSync(path.join(outDir, file), content);

console.log(`Test PKI written to ${outDir} (${Object.keys(files).length} files, generated in ${elapsed} ms)`);
console.log(`PKCS#12 password: ${pki.password}`);
console.log(`Operator IIN:     ${OPERATOR_IIN} (wrong-iin key: ${OTHER_IIN})`);
console.log('Test keys only: never trust ca.pem outside development.');
