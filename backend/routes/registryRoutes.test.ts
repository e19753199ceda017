import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema, registryAnswerSchema } from '../../core/backendApi/wire';
import { FIXTURE_IDS } from '../fixtures';
import { startBackend, type BackendHarness } from '../testing/backendHarness';

let backend: BackendHarness;
let token: string;
beforeAll(async () => {
  backend = await startBackend({ clock: () => new Date('2026-03-02T05:00:00.000Z') });
  token = await backend.login();
});
afterAll(() => backend.close());

const get = (path: string, auth = true) => backend.request('GET', path, auth ? { token } : {});

describe('GET /v1/registry/persons/{iin}', () => {
  it('answers a fixture person with a fresh answer id and the clock time', async () => {
    const first = await get(`/v1/registry/persons/${FIXTURE_IDS.activeMan}`);
    const second = await get(`/v1/registry/persons/${FIXTURE_IDS.activeMan}`);
    expect(first.status).toBe(200);
    const answer = registryAnswerSchema.parse(first.body);
    expect(answer.answeredAt).toBe('2026-03-02T05:00:00.000Z');
    expect(answer.answerId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(answer.record).toMatchObject({ kind: 'individual', iin: FIXTURE_IDS.activeMan, lastName: 'ТЕСТОВ', status: 'active' });
    expect(registryAnswerSchema.parse(second.body).answerId).not.toBe(answer.answerId);
  });

  it('reports the deceased status and the entrepreneur registration as the registry states them', async () => {
    const deceased = registryAnswerSchema.parse((await get(`/v1/registry/persons/${FIXTURE_IDS.deceased}`)).body);
    const entrepreneur = registryAnswerSchema.parse((await get(`/v1/registry/persons/${FIXTURE_IDS.entrepreneur}`)).body);
    expect(deceased.record).toMatchObject({ status: 'deceased' });
    expect(entrepreneur.record).toMatchObject({ entrepreneur: { tradeName: 'ИП «ТЕСТОВАЯ ЛАВКА»' } });
  });

  it('answers 404 not-found for a valid IIN the registry does not know', async () => {
    const answer = await get(`/v1/registry/persons/${FIXTURE_IDS.unknownValidIin}`);
    expect(answer.status).toBe(404);
    expect(problemSchema.parse(answer.body).code).toBe('not-found');
  });

  it.each([
    ['a wrong check digit', FIXTURE_IDS.invalidChecksumIin],
    ['11 digits', '85010139901'],
    ['letters', '85010139901x'],
  ])('answers 400 validation-failed for %s, without echoing the value', async (_label, value) => {
    const answer = await get(`/v1/registry/persons/${value}`);
    expect(answer.status).toBe(400);
    expect(problemSchema.parse(answer.body).code).toBe('validation-failed');
    expect(JSON.stringify(answer.body)).not.toContain(value);
  });

  it('answers 401 without a token, before looking anything up', async () => {
    const answer = await get(`/v1/registry/persons/${FIXTURE_IDS.activeMan}`, false);
    expect(answer.status).toBe(401);
    expect(problemSchema.parse(answer.body).code).toBe('unauthorized');
  });
});

describe('GET /v1/registry/legal-entities/{bin}', () => {
  it.each([
    [FIXTURE_IDS.activeCompany, 'active'],
    [FIXTURE_IDS.activeBranch, 'active'],
    [FIXTURE_IDS.liquidatedCompany, 'liquidated'],
    [FIXTURE_IDS.suspendedCompany, 'suspended'],
  ])('answers %s with status %s and its head', async (bin, status) => {
    const answer = registryAnswerSchema.parse((await get(`/v1/registry/legal-entities/${bin}`)).body);
    expect(answer.record).toMatchObject({ kind: 'legal-entity', bin, status });
    if (answer.record.kind === 'legal-entity') expect(answer.record.head.iin).toMatch(/^\d{12}$/);
  });

  it('answers 404 for an unknown BIN, 400 for a bad checksum, 401 without a token', async () => {
    const unknown = await get(`/v1/registry/legal-entities/${FIXTURE_IDS.unknownValidBin}`);
    const badChecksum = await get(`/v1/registry/legal-entities/${FIXTURE_IDS.activeCompany.slice(0, 11)}0`);
    const anonymous = await get(`/v1/registry/legal-entities/${FIXTURE_IDS.activeCompany}`, false);
    expect([unknown.status, badChecksum.status, anonymous.status]).toEqual([404, 400, 401]);
    expect(problemSchema.parse(unknown.body).code).toBe('not-found');
    expect(problemSchema.parse(badChecksum.body).code).toBe('validation-failed');
  });

  it('does not answer a person IIN from the legal-entity registry', async () => {
    expect((await get(`/v1/registry/legal-entities/${FIXTURE_IDS.activeMan}`)).status).toBe(404);
  });
});
