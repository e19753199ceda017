// Operator signature benchmark (issue #5; DESIGN.md §8): what the operator waits for between
// "Sign and submit" and the signature, checks included — open the demo .p12 with its password,
// chain to the trust anchor, validity, CRL lookup, keyUsage, IIN match, detached CMS over a
// realistic canonical payload, and the CMS self-check. Run: `node scripts/runBench.mjs signing`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import { canonicalJsonBytes } from '../core/signing/canonicalJson';
import { Pkcs12Signer } from '../main/signing/Pkcs12Signer';
import { buildCrl } from '../test/support/testPki/crl';
import { median, printTable, writeBenchResult } from './support/benchResult';

const RUNS = 60;
const WARMUP = 5;
const OPERATOR_IIN = '880808399112';
const PASSWORD = 'Demo#2026';

/** A payload the size of a real application: five documents, a representative, all references. */
function samplePayload(i: number) {
  return {
    serviceId: '002-a2-casino-2014',
    regulation: { seedFile: '002_4ab1f6ad2d1d6e0a.txt', annex: '2-қосымша' },
    subtype: 'issue',
    applicant: { kind: 'legal-entity', bin: '150340999016' },
    registryAnswerId: `gbdul-${i}`,
    representative: { iin: '850101399014', registryAnswerId: `gbdfl-${i}`, powerOfAttorney: { kind: 'notarised', number: '2026-ҚН-000124', notaryAnswerId: `enis-${i}` } },
    documents: ['Өтініш', 'Жарғы', 'Сенімхат', 'Төлем түбіртегі', 'Біліктілік'].map((title, n) => ({
      sha256: (n + i).toString(16).padStart(2, '0').repeat(32), fileName: `${title}.pdf`, mediaType: 'application/pdf', sizeBytes: 180_000 + n, pageCount: n + 1,
    })),
    localNumber: `ABC123-20261123-${String(i).padStart(4, '0')}`,
    workstationId: '3f0c2a8e-6a55-4c55-9d55-2f0f2b8f7c11',
    acceptedAt: '2026-11-23T06:00:00.000Z',
    operator: { operatorId: 'op-0001', iin: OPERATOR_IIN },
    idempotencyKey: `1b4e28ba-2fa1-11d2-883f-0016d3cca${String(i).padStart(3, '0')}`,
  };
}

const root = process.cwd();
const keyFile = new Uint8Array(await readFile(path.join(root, 'resources', 'pki', 'demo-keys', 'operator.p12')));
const caPem = await readFile(path.join(root, 'resources', 'pki', 'trust', 'demo-ca.pem'), 'utf8');
const demo = JSON.parse(await readFile(path.join(root, 'backend', 'fixtures', 'pki', 'demoPki.json'), 'utf8')) as { caCertPem: string; caKeyPem: string; revokedSerials: string[] };
// A CRL the size of a busy CA's daily delta: 2 000 revoked serials, the demo's revoked key among them.
const caCert = forge.pki.certificateFromPem(demo.caCertPem);
const caKey = forge.pki.privateKeyFromPem(demo.caKeyPem) as forge.pki.rsa.PrivateKey;
const now = new Date();
const revoked = Array.from({ length: 2_000 }, (_, i) => ({ serialHex: (0x1000 + i).toString(16).padStart(32, '1'), revocationDate: new Date(now.getTime() - 86_400_000) }));
const crl = buildCrl({
  issuer: { cert: caCert, keys: { privateKey: caKey, publicKey: caCert.publicKey as forge.pki.rsa.PublicKey } },
  thisUpdate: now, nextUpdate: new Date(now.getTime() + 86_400_000), crlNumber: 1,
  revoked: [...revoked, ...demo.revokedSerials.map((serialHex) => ({ serialHex, revocationDate: now }))],
});

const signer = new Pkcs12Signer();
const times: number[] = [];
let payloadBytes = 0;
for (let i = 0; i < WARMUP + RUNS; i++) {
  const data = canonicalJsonBytes(samplePayload(i));
  if (!data.ok) throw new Error('payload did not canonicalise');
  payloadBytes = data.value.length;
  const started = performance.now();
  const signed = signer.sign(keyFile, PASSWORD, data.value, { operatorIin: OPERATOR_IIN, now: new Date(), trustAnchorsPem: [caPem], crlDer: crl.der });
  const elapsed = performance.now() - started;
  if (!signed.ok) throw new Error(`demo key refused: ${signed.error.kind}`);
  if (i >= WARMUP) times.push(elapsed);
}

const sorted = [...times].sort((a, b) => a - b);
const metrics = {
  signMsMedian: Number(median(times).toFixed(2)),
  signMsP95: Number(sorted[Math.floor(sorted.length * 0.95)]!.toFixed(2)),
  payloadBytes,
  crlEntries: revoked.length + demo.revokedSerials.length,
};
printTable([
  ['signatures', String(RUNS)],
  ['payload (canonical bytes)', String(payloadBytes)],
  ['CRL entries', String(metrics.crlEntries)],
  ['median ms (checks included)', metrics.signMsMedian.toFixed(2)],
  ['p95 ms', metrics.signMsP95.toFixed(2)],
]);
const file = await writeBenchResult(
  'signing',
  metrics,
  `Pkcs12Signer.sign with the demo operator key (RSA 2048, PKCS#12 3DES), all certificate checks against a ${metrics.crlEntries}-entry CRL, detached CMS over a ${payloadBytes}-byte canonical payload and its self-check; ${RUNS} runs after ${WARMUP} warm-up, one at a time.`,
);
process.stdout.write(`written ${file}\n`);
