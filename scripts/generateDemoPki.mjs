// Writes the committed DEMO PKI: a throwaway CA the embedded backend trusts and issues CRLs with,
// the demo operator's key files, and one key per failure case (expired, revoked, wrong IIN…).
//   node scripts/generateDemoPki.mjs
// Long-lived on purpose (10 years) so a fresh clone works without regenerating. The demo operator
// is the backend fixture `operator` (IIN 880808399112). Never trust these keys outside a demo.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importTestPkiGenerator } from './importTestPkiGenerator.mjs';

const OPERATOR_IIN = '880808399112'; // backend/fixtures/operators.ts, login "operator"
const OTHER_IIN = '901120412403'; // nobody in the fixtures: the "wrong IIN" key
const PASSWORD = 'Demo#2026';
const EMPLOYER = { name: 'ХҚО ТЕСТ ФИЛИАЛЫ', bin: '060440000004' };

const { generateTestPki, TEST_KEY_NAMES } = await importTestPkiGenerator();

const pki = await generateTestPki({
  now: new Date(),
  operatorIin: OPERATOR_IIN,
  otherIin: OTHER_IIN,
  password: PASSWORD,
  validForDays: 3650,
  notYetValidInDays: 3000,
  operatorName: { surname: 'ОПЕРАТОРОВ', name: 'НҰРЛАН', patronymic: 'ТЕСТҰЛЫ' },
  employer: EMPLOYER,
});

const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const keysDir = path.resolve('resources/pki/demo-keys');
const trustDir = path.resolve('resources/pki/demo');
const backendDir = path.resolve('backend/fixtures/pki');
for (const dir of [keysDir, trustDir, backendDir]) mkdirSync(dir, { recursive: true });

for (const name of TEST_KEY_NAMES) {
  const file = name === 'valid' ? 'operator.p12' : `operator-${kebab(name)}.p12`;
  writeFileSync(path.join(keysDir, file), pki.keys[name].p12);
}
writeFileSync(path.join(trustDir, 'demo-ca.pem'), pki.ca.certPem);
writeFileSync(
  path.join(backendDir, 'demoPki.json'),
  `${JSON.stringify(
    {
      note: 'DEMO ONLY: the CA key of the throwaway demo PKI (scripts/generateDemoPki.mjs), so the reference backend can issue fresh CRLs.',
      caCertPem: pki.ca.certPem,
      caKeyPem: pki.ca.keyPem,
      revokedSerials: [pki.keys.revoked.serialHex],
      revokedAt: new Date(Date.now() - 86_400_000).toISOString(),
    },
    null,
    2,
  )}\n`,
);
console.log(`Demo PKI written (password ${PASSWORD}, operator IIN ${OPERATOR_IIN}).`);
