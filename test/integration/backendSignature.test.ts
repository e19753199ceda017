/**
 * The operator's EDS end to end over HTTP, with the committed demo PKI: the workstation's signer
 * (Pkcs12Signer) signs a real submission with the demo operator's key file after checking it
 * against the CRL the backend serves; the backend verifies and registers it; OpenSSL, as an
 * independent verifier, accepts the same CMS over the same canonical bytes. Then what the backend
 * must catch: a document swapped after signing, and stored bytes changed behind its back.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema, registrationSchema, registryAnswerSchema, type ApplicationSubmissionBody } from '../../core/backendApi/wire';
import { catalogSchema } from '../../core/catalog/catalogSchema';
import { signedBytesOf, type UnsignedSubmission } from '../../core/signing/signedPayload';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures';
import { loadCatalogServices } from '../../backend/startup/startupConfig';
import { sha256Hex, startBackend, type BackendHarness } from '../../backend/testing/backendHarness';
import { withOperatorSignature } from '../../backend/testing/testCmsSigner';
import { signPolicy } from '../support/testPki/signPolicy';
import { Pkcs12Signer } from '../../main/signing/Pkcs12Signer';
import { requireSystemTool } from '../support/requireSystemTool';

const DEMO_PASSWORD = 'Demo#2026';
const DEMO_OPERATOR = { operatorId: 'op-0001', iin: '880808399112' } as const; // fixture login `operator`
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CATALOG = path.join(REPO_ROOT, 'resources', 'catalog', 'services.json');

let backend: BackendHarness;
let stateDir: string;
let workDir: string;
let token: string;
let crlDer: Uint8Array;
let caPem: string;
let operatorKey: Uint8Array;
let service: { id: string; regulation: { seedFile: string; annex: string | null } };

beforeAll(async () => {
  requireSystemTool('openssl', 'openssl', ['version'], { mustSucceed: true });
  stateDir = await mkdtemp(path.join(tmpdir(), 'psc-signature-state-'));
  workDir = await mkdtemp(path.join(tmpdir(), 'psc-signature-openssl-'));
  // As backend/main.ts configures it from the shipped catalog.
  const { serviceIds, signatureRequiredServiceIds } = await loadCatalogServices(CATALOG);
  const catalog = catalogSchema.parse(JSON.parse(await readFile(CATALOG, 'utf8')));
  const signedService = catalog.services.find((s) => signatureRequiredServiceIds.has(s.id));
  if (!signedService) throw new Error('the catalog has no service that requires the operator EDS');
  service = { id: signedService.id, regulation: signedService.source };
  backend = await startBackend({ stateDir, serviceIds, signatureRequiredServiceIds });
  token = await backend.login(DEMO_CREDENTIALS.operator);

  const crl = await backend.request('GET', '/v1/pki/crl');
  expect(crl.status).toBe(200);
  crlDer = crl.bytes;
  caPem = await readFile(path.join(REPO_ROOT, 'resources', 'pki', 'demo', 'demo-ca.pem'), 'utf8');
  await writeFile(path.join(workDir, 'ca.pem'), caPem);
  operatorKey = await readFile(path.join(REPO_ROOT, 'resources', 'pki', 'demo-keys', 'operator.p12'));
}, 60_000);
afterAll(async () => {
  await backend.close();
  await rm(stateDir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

async function realPdf(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Uint8Array.from(await pdf.save());
}

async function upload(bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  const answer = await backend.request('PUT', `/v1/blobs/${sha256Hex(bytes)}`, { token, bytes });
  expect([200, 201]).toContain(answer.status);
}

/** What the workstation would queue: every signed member, for an uploaded PDF, under `key`. */
async function unsignedSubmission(pdf: Uint8Array, key: string): Promise<UnsignedSubmission> {
  const lookup = await backend.request('GET', `/v1/registry/persons/${FIXTURE_IDS.activeMan}`, { token });
  return {
    serviceId: service.id,
    regulation: service.regulation,
    subtype: 'issue',
    applicant: { kind: 'individual', iin: FIXTURE_IDS.activeMan },
    registryAnswerId: registryAnswerSchema.parse(lookup.body).answerId,
    representative: null,
    documents: [{ sha256: sha256Hex(pdf), fileName: 'өтініш.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length, pageCount: 1 }],
    localNumber: `WS-2026-${key.slice(0, 4)}`,
    workstationId: 'ws-integration',
    acceptedAt: new Date().toISOString(),
    operator: DEMO_OPERATOR,
    idempotencyKey: key,
  };
}

/** Signed by the workstation's signer with the demo operator's key, checked against the backend's CRL. */
function signWithDemoKey(body: UnsignedSubmission, keyFile = operatorKey): ApplicationSubmissionBody {
  return withOperatorSignature(body, (bytes) => {
    const signature = new Pkcs12Signer().sign(keyFile, DEMO_PASSWORD, bytes, signPolicy({ operatorIin: DEMO_OPERATOR.iin, now: new Date(), trusted: [caPem], crls: [crlDer] }));
    if (!signature.ok) throw new Error(`demo key refused: ${signature.error.kind}`);
    return signature.value.cmsDer;
  });
}

const submit = (body: ApplicationSubmissionBody, key: string) =>
  backend.request('POST', '/v1/applications', { token, json: body, headers: { 'idempotency-key': key } });

function openssl(args: string[]): { status: number | null; output: string } {
  const run = spawnSync('openssl', args, { cwd: workDir, encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('the operator EDS between workstation signer and reference backend', () => {
  it('registers a submission signed with the demo operator key, and OpenSSL verifies the same CMS', async () => {
    const pdf = await realPdf('Application for a licence');
    await upload(pdf);
    const key = randomUUID();
    const body = signWithDemoKey(await unsignedSubmission(pdf, key));
    const answer = await submit(body, key);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(registrationSchema.parse(answer.body).status).toBe('registered');

    const { operatorSignature, ...unsigned } = body;
    const canonical = signedBytesOf(unsigned);
    if (!canonical.ok || !operatorSignature) throw new Error('no canonical bytes or signature');
    await writeFile(path.join(workDir, 'payload.json'), canonical.value);
    await writeFile(path.join(workDir, 'signature.p7s'), Buffer.from(operatorSignature.cms, 'base64'));
    const verify = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'signature.p7s', '-content', 'payload.json', '-CAfile', 'ca.pem', '-purpose', 'any', '-out', '/dev/null'];
    const verified = openssl(verify);
    expect(verified.status, verified.output).toBe(0);
    expect(verified.output).toContain('Verification successful');

    const tampered = Uint8Array.from(canonical.value);
    tampered[tampered.length - 2] = (tampered[tampered.length - 2] ?? 0) ^ 0x01;
    await writeFile(path.join(workDir, 'payload.json'), tampered);
    expect(openssl(verify).status).not.toBe(0);
  });

  it('refuses the signed body once one byte of a document digest changed, the altered document uploaded, with signature-invalid', async () => {
    const pdf = await realPdf('Original document');
    await upload(pdf);
    const key = randomUUID();
    const body = signWithDemoKey(await unsignedSubmission(pdf, key));
    const altered = Uint8Array.from(pdf);
    altered[altered.length - 10] = (altered[altered.length - 10] ?? 0) ^ 0x01;
    await upload(altered);
    const [document] = body.documents;
    if (!document) throw new Error('no document');
    expect(sha256Hex(altered)).not.toBe(document.sha256);
    const answer = await submit({ ...body, documents: [{ ...document, sha256: sha256Hex(altered) }] }, key);
    expect(answer.status).toBe(422);
    expect(problemSchema.parse(answer.body).code).toBe('signature-invalid');
  });

  it('refuses a document whose stored bytes were changed behind the backend’s back with document-digest-mismatch', async () => {
    const pdf = await realPdf('Stored, then corrupted');
    await upload(pdf);
    const key = randomUUID();
    const body = signWithDemoKey(await unsignedSubmission(pdf, key));
    const digest = sha256Hex(pdf);
    const stored = path.join(stateDir, 'blobs', digest.slice(0, 2), digest.slice(2));
    const corrupted = Uint8Array.from(await readFile(stored));
    corrupted[corrupted.length - 10] = (corrupted[corrupted.length - 10] ?? 0) ^ 0x01;
    await writeFile(stored, corrupted);
    const answer = await submit(body, key);
    expect(answer.status).toBe(422);
    expect(problemSchema.parse(answer.body).code).toBe('document-digest-mismatch');
  });

  it('serves a CRL that makes the workstation signer refuse the demo revoked key', async () => {
    const revoked = await readFile(path.join(REPO_ROOT, 'resources', 'pki', 'demo-keys', 'operator-revoked.p12'));
    const body = await unsignedSubmission(await realPdf('Never sent'), randomUUID());
    expect(() => signWithDemoKey(body, revoked)).toThrow('demo key refused: revoked');
  });
});
