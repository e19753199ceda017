import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema, registrationSchema, type ApplicationSubmissionBody } from '../../core/backendApi/wire';
import { generateTestPki, type TestKeyName, type TestPki } from '../../test/support/testPki/generateTestPki';
import { DEMO_CREDENTIALS } from '../fixtures';
import { fakePdf, prepareSubmission, sha256Hex, startBackend, TEST_SERVICE_ID, type BackendHarness, type HttpAnswer } from '../testing/backendHarness';
import { openTestKeyFile, signDetachedForTest, withOperatorSignature } from '../testing/testCmsSigner';

/** The fixture login `operator`. */
const OPERATOR = { operatorId: 'op-0001', iin: '880808399112' } as const;
const PASSWORD = 'Test#2026';
const NOW = new Date();

let pki: TestPki;
let backend: BackendHarness;
let stateDir: string;
let token: string;

beforeAll(async () => {
  pki = await generateTestPki({ now: NOW, operatorIin: OPERATOR.iin, otherIin: '901120412403', password: PASSWORD });
}, 60_000);
afterEach(async () => {
  await backend.close();
  await rm(stateDir, { recursive: true, force: true });
});

async function start(): Promise<void> {
  stateDir = await mkdtemp(path.join(tmpdir(), 'psc-backend-signatures-'));
  backend = await startBackend({
    clock: () => NOW,
    stateDir,
    signatureRequiredServiceIds: new Set([TEST_SERVICE_ID]),
    pki: { caCertPem: pki.ca.certPem, caKeyPem: pki.ca.keyPem, revokedSerials: [pki.keys.revoked.serialHex] },
  });
  token = await backend.login();
}

function signed(body: ApplicationSubmissionBody, key: string, keyName: TestKeyName = 'valid'): ApplicationSubmissionBody {
  const { operatorSignature: _none, ...unsigned } = body;
  const testKey = openTestKeyFile(pki.keys[keyName].p12, PASSWORD);
  return withOperatorSignature({ ...unsigned, operator: OPERATOR, idempotencyKey: key }, (bytes) => signDetachedForTest(testKey, bytes));
}

const submit = (body: unknown, key: string, auth = token): Promise<HttpAnswer> =>
  backend.request('POST', '/v1/applications', { token: auth, json: body, headers: { 'idempotency-key': key } });

function expectProblem(answer: HttpAnswer, code: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(422);
  expect(problemSchema.parse(answer.body).code).toBe(code);
}

describe('POST /v1/applications for a service that requires the operator’s EDS', () => {
  it('refuses an unsigned body, registers a signed one (201) and replays it (200)', async () => {
    await start();
    const body = await prepareSubmission(backend, token);
    expectProblem(await submit(body, 'key-1'), 'signature-required');

    const good = signed(body, 'key-1');
    const first = await submit(good, 'key-1');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const replay = await submit(good, 'key-1');
    expect(replay.status).toBe(200);
    expect(registrationSchema.parse(replay.body)).toEqual(registrationSchema.parse(first.body));
  });

  it('refuses a body changed after signing with signature-invalid, even when the changed document was uploaded', async () => {
    await start();
    const good = signed(await prepareSubmission(backend, token), 'key-1');
    const other = fakePdf('swapped in after signing');
    await backend.request('PUT', `/v1/blobs/${sha256Hex(other)}`, { token, bytes: other });
    const swapped = { ...good, documents: [{ sha256: sha256Hex(other), fileName: 'a.pdf', mediaType: 'application/pdf', sizeBytes: other.length }] };
    expectProblem(await submit(swapped, 'key-1'), 'signature-invalid');
  });

  it.each([
    ['revoked', 'certificate-revoked'],
    ['expired', 'certificate-not-valid'],
    ['otherCa', 'certificate-untrusted'],
    ['authOnly', 'not-a-signing-key'],
    ['wrongIin', 'signer-not-operator'],
  ] as const)('refuses a signature with the %s key with %s', async (keyName, code) => {
    await start();
    expectProblem(await submit(signed(await prepareSubmission(backend, token), 'key-1', keyName), 'key-1'), code);
  });

  it('refuses the operator’s signature sent in another operator’s session with signer-not-operator', async () => {
    await start();
    const body = signed(await prepareSubmission(backend, token), 'key-1');
    const supervisor = await backend.login(DEMO_CREDENTIALS.supervisor);
    expectProblem(await submit(body, 'key-1', supervisor), 'signer-not-operator');
  });

  it('refuses a signed body sent under another Idempotency-Key with validation-failed', async () => {
    await start();
    const answer = await submit(signed(await prepareSubmission(backend, token), 'key-1'), 'key-2');
    expectProblem(answer, 'validation-failed');
    expect(problemSchema.parse(answer.body).message).toContain('idempotencyKey');
  });

  it('refuses a document whose stored bytes no longer hash to its digest with document-digest-mismatch', async () => {
    await start();
    const body = signed(await prepareSubmission(backend, token), 'key-1');
    const [document] = body.documents;
    if (!document) throw new Error('no document');
    await writeFile(path.join(stateDir, 'blobs', document.sha256.slice(0, 2), document.sha256.slice(2)), fakePdf('bit rot'));
    expectProblem(await submit(body, 'key-1'), 'document-digest-mismatch');
  });

  it('still refuses a signed body naming a document that was never uploaded with missing-document', async () => {
    await start();
    const prepared = await prepareSubmission(backend, token);
    const missing = fakePdf('never uploaded');
    const body = signed(
      { ...prepared, documents: [{ sha256: sha256Hex(missing), fileName: 'x.pdf', mediaType: 'application/pdf', sizeBytes: missing.length }] },
      'key-1',
    );
    expectProblem(await submit(body, 'key-1'), 'missing-document');
  });
});
