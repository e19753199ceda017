// Operator signature benchmark (docs/ARCHITECTURE.md, "Signing"; metric keys of the design's §8):
// - signMsMedian: what the operator waits for between "Sign and submit" and the signature with a key
//   file, checks included — open the demo .p12 with its password, chain to the trust anchor,
//   validity, CRL lookup, keyUsage, IIN match, detached CMS over a realistic canonical payload, and
//   the CMS self-check;
// - gostVerifyMs2015_512 / gostVerifyMs2004: what the workstation does with NCALayer's answer for a
//   GOST key, checks included — the CMS (messageDigest and the GOST signature over the signed
//   attributes), the chain to the НУЦ-shaped test root and the GOST-signed CRL, the signing rules.
// All within one session, as at a counter: CA certificates and CRLs verified once are memoised.
// Run: `npm run bench:signing`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { canonicalJsonBytes } from '../core/signing/canonicalJson';
import { Pkcs12Signer } from '../main/signing/Pkcs12Signer';
import { randomBytes } from 'node:crypto';
import { verifyDetachedSignature } from '../core/pki/detachedSignature';
import { judge } from '../main/signing/certificateAssessment';
import { openBackendPki } from '../backend/pki/backendPki';
import { buildCrl } from '../backend/pki/crl';
import { generateGostTestPki } from '../test/support/testPki/gost/generateGostTestPki';
import { issueCrl } from '../test/support/testPki/gost/gostCertificates';
import { signDetachedGost } from '../test/support/testPki/gost/gostCms';
import type { GostFamily } from '../test/support/testPki/gost/gostKeys';
import { signPolicy } from '../test/support/testPki/signPolicy';
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
const caPem = await readFile(path.join(root, 'resources', 'pki', 'demo', 'demo-ca.pem'), 'utf8');
const demo = JSON.parse(await readFile(path.join(root, 'backend', 'fixtures', 'pki', 'demoPki.json'), 'utf8')) as { caCertPem: string; caKeyPem: string; revokedSerials: string[] };
// A CRL the size of a busy CA's daily delta: 2 000 revoked serials, the demo's revoked key among them,
// signed by the demo CA the way the reference backend signs it.
const now = new Date();
const revoked = Array.from({ length: 2_000 }, (_, i) => (0x1000 + i).toString(16).padStart(32, '1'));
const crl = { der: buildCrl(openBackendPki({ caCertPem: demo.caCertPem, caKeyPem: demo.caKeyPem, revokedSerials: [...revoked, ...demo.revokedSerials] }), { thisUpdate: now, nextUpdate: new Date(now.getTime() + 86_400_000), crlNumber: 1 }) };

const signer = new Pkcs12Signer();
const rsaPolicy = (at: Date) => signPolicy({ operatorIin: OPERATOR_IIN, now: at, trusted: [caPem], crls: [crl.der] });
const policy = rsaPolicy(new Date());
const times: number[] = [];
let payloadBytes = 0;
for (let i = 0; i < WARMUP + RUNS; i++) {
  const data = canonicalJsonBytes(samplePayload(i));
  if (!data.ok) throw new Error('payload did not canonicalise');
  payloadBytes = data.value.length;
  const started = performance.now();
  const signed = signer.sign(keyFile, PASSWORD, data.value, policy);
  const elapsed = performance.now() - started;
  if (!signed.ok) throw new Error(`demo key refused: ${signed.error.kind}`);
  if (i >= WARMUP) times.push(elapsed);
}

/** NCALayer's answer checked as NcaLayerSigner checks it: CMS in full, then chain, CRL and rules. Returns [cold ms, warm times]. */
function gostVerifyTimes(family: GostFamily): { cold: number; warm: number[]; crlEntries: number } {
  const now = new Date();
  const pki = generateGostTestPki({ family, now, operatorIin: OPERATOR_IIN, otherIin: '901120412403', employer: { name: 'ХҚО ТЕСТ ФИЛИАЛЫ', bin: '060440000004' } });
  // As busy as the RSA CRL: 2 000 revoked serials besides the test PKI's own revoked key.
  const revokedEntries = Array.from({ length: 2_000 }, () => ({ serial: Uint8Array.from([0x11, ...randomBytes(19)]).buffer, revocationDate: new Date(now.getTime() - 86_400_000) }));
  const gostCrl = issueCrl({ issuer: pki.ca, thisUpdate: now, nextUpdate: new Date(now.getTime() + 86_400_000), revoked: [...revokedEntries, { serial: pki.keys.revoked.certificate.tbsCertificate.serialNumber, revocationDate: pki.revokedAt }] });
  const gostPolicy = signPolicy({ operatorIin: OPERATOR_IIN, now, trusted: [pki.root.der, pki.ca.der], crls: [gostCrl] });
  const signatures = Array.from({ length: WARMUP + RUNS + 1 }, (_, i) => {
    const data = canonicalJsonBytes(samplePayload(i));
    if (!data.ok) throw new Error('payload did not canonicalise');
    return { data: data.value, cms: signDetachedGost(pki.keys.valid, data.value) };
  });
  const check = ({ data, cms }: { data: Uint8Array; cms: Uint8Array }): number => {
    const started = performance.now();
    const verified = verifyDetachedSignature(cms, data, { suite: gostPolicy.pki.suite, memo: gostPolicy.pki.memo });
    if (!verified.ok) throw new Error(`GOST CMS refused: ${verified.error.kind}`);
    const { problem } = judge(verified.value.signer, gostPolicy, verified.value.otherCertificates);
    if (problem !== null) throw new Error(`GOST key refused: ${problem.kind}`);
    return performance.now() - started;
  };
  const [first, ...rest] = signatures;
  const cold = check(first!);
  const warm = rest.map(check).slice(WARMUP);
  return { cold, warm, crlEntries: revokedEntries.length + 1 };
}

const gost512 = gostVerifyTimes('gost-2015-512');
const gost2004 = gostVerifyTimes('gost-2004');

const sorted = [...times].sort((a, b) => a - b);
const p95 = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;
const metrics = {
  signMsMedian: Number(median(times).toFixed(2)),
  signMsP95: Number(sorted[Math.floor(sorted.length * 0.95)]!.toFixed(2)),
  gostVerifyMs2015_512: Number(median(gost512.warm).toFixed(2)),
  gostVerifyMs2015_512P95: Number(p95(gost512.warm).toFixed(2)),
  gostVerifyMs2015_512Cold: Number(gost512.cold.toFixed(2)),
  gostVerifyMs2004: Number(median(gost2004.warm).toFixed(2)),
  gostVerifyMs2004P95: Number(p95(gost2004.warm).toFixed(2)),
  gostVerifyMs2004Cold: Number(gost2004.cold.toFixed(2)),
  payloadBytes,
  crlEntries: revoked.length + demo.revokedSerials.length,
};
printTable([
  ['signatures per measure', String(RUNS)],
  ['payload (canonical bytes)', String(payloadBytes)],
  ['CRL entries', String(metrics.crlEntries)],
  ['RSA key file: sign median ms (checks included)', metrics.signMsMedian.toFixed(2)],
  ['RSA key file: p95 ms', metrics.signMsP95.toFixed(2)],
  ['GOST 2015-512 via NCALayer: verify median ms (checks included)', metrics.gostVerifyMs2015_512.toFixed(2)],
  ['GOST 2015-512: p95 / first of the session ms', `${metrics.gostVerifyMs2015_512P95.toFixed(2)} / ${metrics.gostVerifyMs2015_512Cold.toFixed(2)}`],
  ['GOST 34.310-2004 via NCALayer: verify median ms (checks included)', metrics.gostVerifyMs2004.toFixed(2)],
  ['GOST 34.310-2004: p95 / first of the session ms', `${metrics.gostVerifyMs2004P95.toFixed(2)} / ${metrics.gostVerifyMs2004Cold.toFixed(2)}`],
]);
const file = await writeBenchResult(
  'signing',
  metrics,
  `signMsMedian: Pkcs12Signer.sign with the demo operator key (RSA 2048, PKCS#12 3DES), all certificate checks against a ${metrics.crlEntries}-entry CRL, detached CMS over a ${payloadBytes}-byte canonical payload and its self-check. ` +
    `gostVerifyMs2015_512 / gostVerifyMs2004: NcaLayerSigner's checks of a GOST detached CMS (core/pki: messageDigest with Streebog-512 / GOST 34.311-95, the GOST signature over the signed attributes on @noble/curves, chain leaf → CA → root, a ${gost512.crlEntries}-entry GOST-signed CRL, the signing rules), one new signature by the same operator key each time; the first verification of the session (Cold: both CA signatures and the CRL verified, nothing precomputed) is reported apart. ` +
    `${RUNS} runs after ${WARMUP} warm-up each, one at a time.`,
);
process.stdout.write(`written ${file}\n`);
