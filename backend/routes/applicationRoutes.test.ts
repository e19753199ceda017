import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { problemSchema, registrationSchema, registryAnswerSchema, type ApplicationSubmissionBody } from '../../core/backendApi/wire';
import { FIXTURE_IDS } from '../fixtures';
import { fakePdf, prepareSubmission, sha256Hex, startBackend, type BackendHarness } from '../testing/backendHarness';

const NOW = new Date('2026-03-02T05:00:00.000Z');
let backend: BackendHarness;
let stateDir: string | null = null;
afterEach(async () => {
  await backend.close();
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
  stateDir = null;
});

async function start(options: { durable?: boolean } = {}) {
  if (options.durable) stateDir = await mkdtemp(path.join(tmpdir(), 'psc-backend-apps-'));
  backend = await startBackend({ clock: () => NOW, stateDir });
  const token = await backend.login();
  const submit = (body: unknown, key: string | null = 'key-1', auth = token) =>
    backend.request('POST', '/v1/applications', { token: auth, json: body, headers: key === null ? {} : { 'idempotency-key': key } });
  return { token, submit };
}

describe('POST /v1/applications', () => {
  it('registers a valid submission: 201, uuid, LIC-<year>-<sequence>, clock time, status registered', async () => {
    const { token, submit } = await start();
    const answer = await submit(await prepareSubmission(backend, token));
    expect(answer.status).toBe(201);
    const registration = registrationSchema.parse(answer.body);
    expect(registration).toEqual({
      applicationId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      registrationNumber: 'LIC-2026-000001',
      registeredAt: '2026-03-02T05:00:00.000Z',
      status: 'registered',
    });
    expect(Object.keys(answer.body as object).sort()).toEqual(['applicationId', 'registeredAt', 'registrationNumber', 'status']);

    const fetched = await backend.request('GET', `/v1/applications/${registration.applicationId}`, { token });
    expect(fetched.status).toBe(200);
    expect(registrationSchema.parse(fetched.body)).toEqual(registration);
  });

  it('replays the same key and body with 200 and the same registration, registering nothing new', async () => {
    const { token, submit } = await start();
    const body = await prepareSubmission(backend, token);
    const first = registrationSchema.parse((await submit(body)).body);
    const reordered = Object.fromEntries(Object.entries(body).reverse()); // same body, other key order
    const replay = await submit(reordered);
    expect(replay.status).toBe(200);
    expect(registrationSchema.parse(replay.body)).toEqual(first);
    // The quoted Structured Field form of the header names the same key.
    expect(registrationSchema.parse((await submit(body, '"key-1"')).body)).toEqual(first);

    const next = await submit(await prepareSubmission(backend, token), 'key-2');
    expect(registrationSchema.parse(next.body).registrationNumber).toBe('LIC-2026-000002');
  });

  it('refuses the same key with a different body with 422 idempotency-key-reused', async () => {
    const { token, submit } = await start();
    const body = await prepareSubmission(backend, token);
    expect((await submit(body)).status).toBe(201);
    const changed = await submit({ ...body, localNumber: 'WS-2026-0002' });
    expect(changed.status).toBe(422);
    expect(problemSchema.parse(changed.body).code).toBe('idempotency-key-reused');
  });

  it('registers exactly once when requests with the same key race (durable store, so writes overlap)', async () => {
    const { token, submit } = await start({ durable: true });
    const body = await prepareSubmission(backend, token);
    const answers = await Promise.all(Array.from({ length: 12 }, () => submit(body, 'race-key')));

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 200 || s === 409)).toBe(true);
    for (const a of answers.filter((x) => x.status === 409)) expect(problemSchema.parse(a.body).code).toBe('idempotency-key-in-flight');
    const numbers = new Set(answers.filter((a) => a.status < 300).map((a) => registrationSchema.parse(a.body).registrationNumber));
    expect(numbers).toEqual(new Set(['LIC-2026-000001']));

    const replay = await submit(body, 'race-key');
    expect(replay.status).toBe(200);
    const saved = JSON.parse(await readFile(path.join(stateDir ?? '', 'state.json'), 'utf8')) as { registrations: unknown[] };
    expect(saved.registrations).toHaveLength(1);
  });

  it('refuses a document that was never uploaded, or whose size differs, with 422 missing-document', async () => {
    const { token, submit } = await start();
    const body = await prepareSubmission(backend, token);
    const [uploaded] = body.documents;
    const notUploaded = fakePdf('never uploaded');
    const missing = await submit({
      ...body,
      documents: [...body.documents, { ...uploaded, sha256: sha256Hex(notUploaded), sizeBytes: notUploaded.length }],
    });
    expect(missing.status).toBe(422);
    expect(problemSchema.parse(missing.body).code).toBe('missing-document');

    const wrongSize = await submit({ ...body, documents: [{ ...uploaded, sizeBytes: (uploaded?.sizeBytes ?? 0) + 1 }] }, 'key-2');
    expect(wrongSize.status).toBe(422);
    expect(problemSchema.parse(wrongSize.body).code).toBe('missing-document');
  });

  it('lets a refused request be retried under the same key once it is fixed', async () => {
    const { token, submit } = await start();
    const body = await prepareSubmission(backend, token);
    const pdf = fakePdf('late upload');
    const withLate: ApplicationSubmissionBody = {
      ...body,
      documents: [{ sha256: sha256Hex(pdf), fileName: 'late.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length }],
    };
    expect((await submit(withLate)).status).toBe(422);
    await backend.request('PUT', `/v1/blobs/${sha256Hex(pdf)}`, { token, bytes: pdf });
    expect((await submit(withLate)).status).toBe(201);
  });

  it('refuses a service that is not in the catalog with 422 unknown-service', async () => {
    const { token, submit } = await start();
    const answer = await submit({ ...(await prepareSubmission(backend, token)), serviceId: '999-no-such-service' });
    expect(answer.status).toBe(422);
    expect(problemSchema.parse(answer.body).code).toBe('unknown-service');
  });

  it('refuses a deceased person or a liquidated company with 422 applicant-ineligible, whatever the workstation sent', async () => {
    const { token, submit } = await start();
    const base = await prepareSubmission(backend, token);
    for (const applicant of [
      { kind: 'individual' as const, iin: FIXTURE_IDS.deceased, path: `/v1/registry/persons/${FIXTURE_IDS.deceased}` },
      { kind: 'legal-entity' as const, bin: FIXTURE_IDS.liquidatedCompany, path: `/v1/registry/legal-entities/${FIXTURE_IDS.liquidatedCompany}` },
    ]) {
      const answer = registryAnswerSchema.parse((await backend.request('GET', applicant.path, { token })).body);
      const { path: _path, ...ref } = applicant;
      const refused = await submit({ ...base, applicant: ref, registryAnswerId: answer.answerId }, `key-${answer.answerId}`);
      expect(refused.status).toBe(422);
      expect(problemSchema.parse(refused.body).code).toBe('applicant-ineligible');
    }
  });

  it('refuses a registry answer this backend never gave, or gave for someone else, with 422 validation-failed', async () => {
    const { token, submit } = await start();
    const body = await prepareSubmission(backend, token);
    const invented = await submit({ ...body, registryAnswerId: '00000000-0000-4000-8000-000000000000' });
    expect(invented.status).toBe(422);
    expect(problemSchema.parse(invented.body).code).toBe('validation-failed');

    const otherPerson = await submit({ ...body, applicant: { kind: 'individual', iin: FIXTURE_IDS.activeWoman } }, 'key-2');
    expect(otherPerson.status).toBe(422);

    const company = registryAnswerSchema.parse(
      (await backend.request('GET', `/v1/registry/legal-entities/${FIXTURE_IDS.activeCompany}`, { token })).body,
    );
    const companyAnswerForPerson = await submit({ ...body, registryAnswerId: company.answerId }, 'key-3');
    expect(companyAnswerForPerson.status).toBe(422);
    const asCompany = await submit(
      { ...body, applicant: { kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany }, registryAnswerId: company.answerId },
      'key-4',
    );
    expect(asCompany.status).toBe(201);
  });

  it.each([
    ['missing', null],
    ['empty', ''],
    ['over 255 characters', 'k'.repeat(256)],
  ])('refuses a %s Idempotency-Key with 400 validation-failed', async (_label, key) => {
    const { token, submit } = await start();
    const answer = await submit(await prepareSubmission(backend, token), key);
    expect(answer.status).toBe(400);
    expect(problemSchema.parse(answer.body).code).toBe('validation-failed');
  });

  it('refuses a body that does not match the wire schema with 400, naming fields but not values', async () => {
    const { token, submit } = await start();
    const body = await prepareSubmission(backend, token);
    const answer = await submit({ ...body, applicant: { kind: 'individual', iin: '12345' } });
    expect(answer.status).toBe(400);
    const problem = problemSchema.parse(answer.body);
    expect(problem.code).toBe('validation-failed');
    expect(problem.message).toContain('applicant.iin');
    expect(problem.message).not.toContain('12345');
  });

  it('answers 401 without a token, and 404 for an unknown application id', async () => {
    const { token, submit } = await start();
    const body = await prepareSubmission(backend, token);
    expect((await submit(body, 'key-1', 'not-a-session-token-at-all')).status).toBe(401);
    const unknown = await backend.request('GET', '/v1/applications/00000000-0000-4000-8000-000000000000', { token });
    expect(unknown.status).toBe(404);
    expect(problemSchema.parse(unknown.body).code).toBe('not-found');
    expect((await backend.request('GET', '/v1/applications/00000000-0000-4000-8000-000000000000')).status).toBe(401);
  });
});
