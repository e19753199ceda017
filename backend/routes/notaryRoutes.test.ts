import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { powerOfAttorneyAnswerSchema, problemSchema, registrationSchema, registryAnswerSchema } from '../../core/backendApi/wire';
import { DEFAULT_FIXTURES, FIXTURE_IDS } from '../fixtures';
import { prepareSubmission, startBackend, type BackendHarness, type HttpAnswer } from '../testing/backendHarness';

const NOW = new Date('2026-11-23T05:00:00.000Z');
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(options: Parameters<typeof startBackend>[0] = {}): Promise<{ backend: BackendHarness; token: string }> {
  const backend = await startBackend({ clock: () => NOW, ...options });
  cleanups.push(() => backend.close());
  return { backend, token: await backend.login() };
}

/** Path of a PoA lookup; the number is percent-encoded UTF-8 unless given already encoded. */
const poaPath = (number: string, encoded = false) => `/v1/notary/powers-of-attorney/${encoded ? number : encodeURIComponent(number)}`;

function expectProblem(answer: HttpAnswer, status: number, code: string): string {
  expect(answer.status).toBe(status);
  const problem = problemSchema.parse(answer.body);
  expect(problem.code).toBe(code);
  return problem.message;
}

describe('GET /v1/notary/powers-of-attorney/{number}', () => {
  it('answers a fixture PoA with the whole record, a fresh answer id and the clock time', async () => {
    const { backend, token } = await started();
    const first = await backend.request('GET', poaPath(FIXTURE_IDS.poaCompanyToWoman), { token });
    const second = await backend.request('GET', poaPath(FIXTURE_IDS.poaCompanyToWoman), { token });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    const answer = powerOfAttorneyAnswerSchema.parse(first.body);
    expect(answer.answerId).toMatch(UUID_V4);
    expect(answer.answeredAt).toBe('2026-11-23T05:00:00.000Z');
    expect(answer.record).toEqual(DEFAULT_FIXTURES.powersOfAttorney?.find((p) => p.number === FIXTURE_IDS.poaCompanyToWoman));
    expect(answer.record).toMatchObject({
      status: 'active',
      validUntil: '2029-02-09',
      principal: { kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany },
      representative: { iin: FIXTURE_IDS.activeWoman },
    });
    expect(powerOfAttorneyAnswerSchema.parse(second.body).answerId).not.toBe(answer.answerId);
  });

  it.each([
    ['Cyrillic', FIXTURE_IDS.poaCompanyToWoman],
    ['Kazakh-specific Cyrillic', FIXTURE_IDS.poaManToYoungMan],
    ['Latin', FIXTURE_IDS.poaOtherRepresentative],
  ])('round-trips a %s number byte for byte through the percent-encoded path and the JSON body', async (_label, number) => {
    const { backend, token } = await started();
    const answer = await backend.request('GET', poaPath(number), { token });
    expect(answer.status).toBe(200);
    const record = powerOfAttorneyAnswerSchema.parse(answer.body).record;
    expect(record.number).toBe(number);
    expect(Buffer.from(record.number, 'utf8').equals(Buffer.from(number, 'utf8'))).toBe(true);
  });

  it('accepts the UTF-8 percent-encoding written out by hand, lower- or upper-case hex, and trims surrounding spaces', async () => {
    const { backend, token } = await started();
    for (const raw of ['2026-%D0%9D%D0%A2-000123', '2026-%d0%9d%d0%a2-000123', '%202026-%D0%9D%D0%A2-000123%20']) {
      const answer = await backend.request('GET', poaPath(raw, true), { token });
      expect(answer.status, raw).toBe(200);
      expect(powerOfAttorneyAnswerSchema.parse(answer.body).record.number).toBe('2026-НТ-000123');
    }
  });

  it('answers revoked and expired PoAs with 200 and their status as the registry states it', async () => {
    const { backend, token } = await started();
    const revoked = powerOfAttorneyAnswerSchema.parse((await backend.request('GET', poaPath(FIXTURE_IDS.poaRevoked), { token })).body);
    const expired = powerOfAttorneyAnswerSchema.parse((await backend.request('GET', poaPath(FIXTURE_IDS.poaExpired), { token })).body);
    expect(revoked.record.status).toBe('revoked');
    expect(expired.record).toMatchObject({ status: 'active', validUntil: '2025-05-31' });
  });

  it.each([
    ['a valid number the registry does not know', FIXTURE_IDS.poaUnknown],
    ['Latin look-alikes of the Cyrillic letters (HT for НТ)', '2026-HT-000123'],
    ['another case', '2026-нт-000123'],
  ])('answers 404 not-found for %s, without echoing the number', async (_label, number) => {
    const { backend, token } = await started();
    const answer = await backend.request('GET', poaPath(number), { token });
    expectProblem(answer, 404, 'not-found');
    expect(JSON.stringify(answer.body)).not.toContain(number);
  });

  it.each([
    ['a space inside', '2026 НТ 000123'],
    ['41 characters', '1'.repeat(41)],
    ['the № sign', '№000123'],
    ['an underscore', '2026_НТ_000123'],
    ['only spaces', '   '],
    ['a dot', '2026.НТ.000123'],
    ['Ё (outside the allowed alphabet)', '2026-Ё-1'],
  ])('answers 400 validation-failed for %s, without echoing the value', async (_label, number) => {
    const { backend, token } = await started();
    const answer = await backend.request('GET', poaPath(number), { token });
    expectProblem(answer, 400, 'validation-failed');
    expect(JSON.stringify(answer.body)).not.toContain(number.trim() || '\u0000');
  });

  it('answers 400 for a path that is not valid percent-encoded UTF-8', async () => {
    const { backend, token } = await started();
    expectProblem(await backend.request('GET', poaPath('2026-%D0-000123', true), { token }), 400, 'validation-failed');
  });

  it('answers 401 unauthorized without a token or with an unknown one, before looking anything up', async () => {
    const { backend } = await started();
    for (const token of [undefined, 'not-a-session-token-at-all']) {
      const answer = await backend.request('GET', poaPath(FIXTURE_IDS.poaCompanyToWoman), token === undefined ? {} : { token });
      expectProblem(answer, 401, 'unauthorized');
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      expect(JSON.stringify(answer.body)).not.toContain('ТЕСТОВА');
    }
    // Not even a malformed number is looked at before the token.
    expectProblem(await backend.request('GET', poaPath('№')), 401, 'unauthorized');
  });

  it('when logging is on, logs the route template and never the PoA number or names', async () => {
    const lines: string[] = [];
    const { backend, token } = await started({ log: { write: (line) => void lines.push(line) } });
    await backend.request('GET', poaPath(FIXTURE_IDS.poaCompanyToWoman), { token });
    await backend.request('GET', poaPath(FIXTURE_IDS.poaUnknown), { token });
    const log = lines.join('');
    expect(log).toContain('/v1/notary/powers-of-attorney/:number');
    for (const secret of [FIXTURE_IDS.poaCompanyToWoman, encodeURIComponent(FIXTURE_IDS.poaCompanyToWoman), 'НТ-000123', 'НТ-999999', 'ТЕСТОВА']) {
      expect(log).not.toContain(secret);
    }
  });

  it('with a stateDir, remembers the answer (and the number it was for) across a restart', async () => {
    const stateDir = await mkdtemp(path.join(tmpdir(), 'psc-backend-notary-'));
    cleanups.push(() => rm(stateDir, { recursive: true, force: true }));
    const first = await startBackend({ clock: () => NOW, stateDir });
    const oldToken = await first.login();
    const poa = powerOfAttorneyAnswerSchema.parse((await first.request('GET', poaPath(FIXTURE_IDS.poaCompanyToWoman), { token: oldToken })).body);
    const company = registryAnswerSchema.parse(
      (await first.request('GET', `/v1/registry/legal-entities/${FIXTURE_IDS.activeCompany}`, { token: oldToken })).body,
    );
    const woman = registryAnswerSchema.parse((await first.request('GET', `/v1/registry/persons/${FIXTURE_IDS.activeWoman}`, { token: oldToken })).body);
    await first.close();

    const saved = JSON.parse(await readFile(path.join(stateDir, 'state.json'), 'utf8')) as { notaryAnswers: unknown[] };
    expect(saved.notaryAnswers).toEqual([{ answerId: poa.answerId, number: FIXTURE_IDS.poaCompanyToWoman, answeredAt: poa.answeredAt }]);

    const { backend: second, token } = await started({ stateDir });
    const body = {
      ...(await prepareSubmission(second, token)),
      applicant: { kind: 'legal-entity' as const, bin: FIXTURE_IDS.activeCompany },
      registryAnswerId: company.answerId,
      representative: {
        iin: FIXTURE_IDS.activeWoman,
        registryAnswerId: woman.answerId,
        powerOfAttorney: { kind: 'notarised' as const, number: FIXTURE_IDS.poaCompanyToWoman, notaryAnswerId: poa.answerId },
      },
    };
    const registered = await second.request('POST', '/v1/applications', { token, json: body, headers: { 'idempotency-key': 'after-restart' } });
    expect(registered.status).toBe(201);
    registrationSchema.parse(registered.body);

    // Without a stateDir the same answer ids mean nothing to a fresh backend.
    const { backend: amnesic, token: freshToken } = await started();
    const fresh = { ...(await prepareSubmission(amnesic, freshToken)), applicant: body.applicant, representative: body.representative };
    const company2 = registryAnswerSchema.parse(
      (await amnesic.request('GET', `/v1/registry/legal-entities/${FIXTURE_IDS.activeCompany}`, { token: freshToken })).body,
    );
    const forgotten = await amnesic.request('POST', '/v1/applications', {
      token: freshToken,
      json: { ...fresh, registryAnswerId: company2.answerId },
      headers: { 'idempotency-key': 'fresh' },
    });
    expectProblem(forgotten, 422, 'power-of-attorney-invalid');
  });
});
