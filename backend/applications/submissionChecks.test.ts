/**
 * The representative / power-of-attorney checks of POST /v1/applications (submissionChecks.ts),
 * over real HTTP against the default fixtures. The clock is injected: 2026-11-23, 10:00 in
 * Kazakhstan, unless a test moves it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  powerOfAttorneyAnswerSchema,
  problemSchema,
  registrationSchema,
  registryAnswerSchema,
  type ApplicantRef,
  type ApplicationSubmissionBody,
  type RepresentativeRef,
} from '../../core/backendApi/wire';
import { FIXTURE_IDS } from '../fixtures';
import { prepareSubmission, startBackend, type BackendHarness, type HttpAnswer } from '../testing/backendHarness';

const DEFAULT_NOW = new Date('2026-11-23T05:00:00.000Z');
let now = DEFAULT_NOW;
let backend: BackendHarness;
let token: string;
let keys = 0;

beforeAll(async () => {
  backend = await startBackend({ clock: () => now });
  token = await backend.login();
});
afterAll(() => backend.close());
beforeEach(() => {
  now = DEFAULT_NOW;
});

const COMPANY: ApplicantRef = { kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany };
const MAN: ApplicantRef = { kind: 'individual', iin: FIXTURE_IDS.activeMan };

/** Everything personal a refusal message must never carry. */
const PERSONAL = [
  ...Object.values(FIXTURE_IDS),
  ...Object.values(FIXTURE_IDS).map(encodeURIComponent),
  'ТЕСТОВ',
  'ТЕСТОВА',
  'ҮЛГІЕВ',
  'СЫНАҚОВА',
  'ПРОБНОВ',
  'Айгүл',
  'Нотариус',
];

async function personAnswer(iin: string): Promise<string> {
  const answer = await backend.request('GET', `/v1/registry/persons/${iin}`, { token });
  expect(answer.status).toBe(200);
  return registryAnswerSchema.parse(answer.body).answerId;
}

async function entityAnswer(bin: string): Promise<string> {
  const answer = await backend.request('GET', `/v1/registry/legal-entities/${bin}`, { token });
  expect(answer.status).toBe(200);
  return registryAnswerSchema.parse(answer.body).answerId;
}

async function notaryAnswer(number: string): Promise<string> {
  const answer = await backend.request('GET', `/v1/notary/powers-of-attorney/${encodeURIComponent(number)}`, { token });
  expect(answer.status).toBe(200);
  return powerOfAttorneyAnswerSchema.parse(answer.body).answerId;
}

const applicantAnswer = (applicant: ApplicantRef) => (applicant.kind === 'individual' ? personAnswer(applicant.iin) : entityAnswer(applicant.bin));

/** A representative looked up as a workstation would: registry answer, and a notary answer for a notarised PoA. */
async function representative(iin: string, poa: { number: string } | 'other'): Promise<RepresentativeRef> {
  return {
    iin,
    registryAnswerId: await personAnswer(iin),
    powerOfAttorney: poa === 'other' ? { kind: 'other' } : { kind: 'notarised', number: poa.number, notaryAnswerId: await notaryAnswer(poa.number) },
  };
}

async function submission(applicant: ApplicantRef, rep: RepresentativeRef | null): Promise<ApplicationSubmissionBody> {
  return { ...(await prepareSubmission(backend, token)), applicant, registryAnswerId: await applicantAnswer(applicant), representative: rep };
}

function submit(body: unknown): Promise<HttpAnswer> {
  keys += 1;
  return backend.request('POST', '/v1/applications', { token, json: body, headers: { 'idempotency-key': `representative-${keys}` } });
}

async function expectRegistered(answer: HttpAnswer): Promise<void> {
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const registration = registrationSchema.parse(answer.body);
  const fetched = await backend.request('GET', `/v1/applications/${registration.applicationId}`, { token });
  expect(registrationSchema.parse(fetched.body)).toEqual(registration);
}

function expectRefused(answer: HttpAnswer, code: string, reason?: string): void {
  expect(answer.status).toBe(422);
  const problem = problemSchema.parse(answer.body);
  expect(problem.code).toBe(code);
  if (reason !== undefined) expect(problem.message).toContain(reason);
  for (const secret of PERSONAL) expect(problem.message).not.toContain(secret);
}

describe('POST /v1/applications with a representative', () => {
  it('registers a company applicant represented under a valid notarised PoA (201)', async () => {
    await expectRegistered(await submit(await submission(COMPANY, await representative(FIXTURE_IDS.activeWoman, { number: FIXTURE_IDS.poaCompanyToWoman }))));
  });

  it('registers an individual applicant represented under a valid notarised PoA (201)', async () => {
    await expectRegistered(await submit(await submission(MAN, await representative(FIXTURE_IDS.youngMan, { number: FIXTURE_IDS.poaManToYoungMan }))));
  });

  it("registers a PoA certified otherwise ('other') without any notary lookup (201)", async () => {
    // 2014 rule: the PoA fields stay empty; not even a PoA that exists for other parties matters.
    await expectRegistered(await submit(await submission(COMPANY, await representative(FIXTURE_IDS.youngWoman, 'other'))));
    await expectRegistered(await submit(await submission(MAN, await representative(FIXTURE_IDS.activeWoman, 'other'))));
  });

  it('still registers applicants in person (representative: null)', async () => {
    await expectRegistered(await submit(await submission(COMPANY, null)));
  });

  it.each([
    ['expired', FIXTURE_IDS.poaExpired],
    ['revoked', FIXTURE_IDS.poaRevoked],
    ['other-principal', FIXTURE_IDS.poaOtherPrincipal],
    ['other-representative', FIXTURE_IDS.poaOtherRepresentative],
  ])('refuses a notarised PoA that is %s with 422 power-of-attorney-invalid naming the reason only', async (reason, number) => {
    const answer = await submit(await submission(COMPANY, await representative(FIXTURE_IDS.activeWoman, { number })));
    expectRefused(answer, 'power-of-attorney-invalid', reason);
  });

  it('refuses a PoA before its issue date (not-yet-valid), judged on the server clock', async () => {
    now = new Date('2026-01-15T05:00:00.000Z');
    const answer = await submit(await submission(COMPANY, await representative(FIXTURE_IDS.activeWoman, { number: FIXTURE_IDS.poaCompanyToWoman })));
    expectRefused(answer, 'power-of-attorney-invalid', 'not-yet-valid');
  });

  it('judges validUntil (inclusive) on the Kazakhstan date, UTC+5, not the UTC date', async () => {
    // poaExpired is valid through 2025-05-31. 18:59:59Z is 23:59:59 in Astana: still valid.
    now = new Date('2025-05-31T18:59:59.000Z');
    const body = await submission(COMPANY, await representative(FIXTURE_IDS.activeWoman, { number: FIXTURE_IDS.poaExpired }));
    await expectRegistered(await submit(body));
    // 19:00:00Z is already 1 June in Astana, while UTC still says 31 May.
    now = new Date('2025-05-31T19:00:00.000Z');
    expectRefused(await submit({ ...body, localNumber: 'WS-2' }), 'power-of-attorney-invalid', 'expired');
  });

  it('judges issuedOn on the Kazakhstan date too', async () => {
    // poaCompanyToWoman is issued on 2026-02-10, which starts at 2026-02-09T19:00Z.
    now = new Date('2026-02-09T18:59:59.000Z');
    const body = await submission(COMPANY, await representative(FIXTURE_IDS.activeWoman, { number: FIXTURE_IDS.poaCompanyToWoman }));
    expectRefused(await submit(body), 'power-of-attorney-invalid', 'not-yet-valid');
    now = new Date('2026-02-09T19:00:00.000Z');
    await expectRegistered(await submit(body));
  });

  it('refuses a notary answer this backend never gave, or a registry answer passed off as one', async () => {
    const rep = await representative(FIXTURE_IDS.activeWoman, { number: FIXTURE_IDS.poaCompanyToWoman });
    const base = await submission(COMPANY, rep);
    for (const notaryAnswerId of ['00000000-0000-4000-8000-000000000000', rep.registryAnswerId, base.registryAnswerId]) {
      const answer = await submit({
        ...base,
        representative: { ...rep, powerOfAttorney: { kind: 'notarised', number: FIXTURE_IDS.poaCompanyToWoman, notaryAnswerId } },
      });
      expectRefused(answer, 'power-of-attorney-invalid', 'notaryAnswerId');
    }
  });

  it('refuses a notary answer given for another PoA number, either way round', async () => {
    const rep = await representative(FIXTURE_IDS.activeWoman, { number: FIXTURE_IDS.poaCompanyToWoman });
    const base = await submission(COMPANY, rep);
    const revokedAnswerId = await notaryAnswer(FIXTURE_IDS.poaRevoked);
    const unknownNumberSameAnswer = { kind: 'notarised', number: FIXTURE_IDS.poaUnknown, notaryAnswerId: await notaryAnswer(FIXTURE_IDS.poaCompanyToWoman) };
    for (const powerOfAttorney of [
      // A good number backed by the answer about a revoked PoA …
      { kind: 'notarised', number: FIXTURE_IDS.poaCompanyToWoman, notaryAnswerId: revokedAnswerId },
      // … a revoked PoA's number backed by the answer about the good one …
      { kind: 'notarised', number: FIXTURE_IDS.poaRevoked, notaryAnswerId: rep.powerOfAttorney.kind === 'notarised' ? rep.powerOfAttorney.notaryAnswerId : '' },
      // … and a number nobody looked up, or spelt with Latin look-alikes.
      unknownNumberSameAnswer,
      { ...unknownNumberSameAnswer, number: '2026-HT-000123' },
    ]) {
      expectRefused(await submit({ ...base, representative: { ...rep, powerOfAttorney } }), 'power-of-attorney-invalid', 'notaryAnswerId');
    }
  });

  it('refuses a representative registry answer given for another IIN, for a company, or never given', async () => {
    const rep = await representative(FIXTURE_IDS.activeWoman, { number: FIXTURE_IDS.poaCompanyToWoman });
    const base = await submission(COMPANY, rep);
    for (const registryAnswerId of [
      await personAnswer(FIXTURE_IDS.youngWoman),
      await entityAnswer(FIXTURE_IDS.activeBranch),
      base.registryAnswerId, // the applicant's (company) answer
      '00000000-0000-4000-8000-000000000000',
    ]) {
      expectRefused(await submit({ ...base, representative: { ...rep, registryAnswerId } }), 'power-of-attorney-invalid', 'representative.registryAnswerId');
    }
    // The same answer moved to another IIN does not fit either.
    expectRefused(await submit({ ...base, representative: { ...rep, iin: FIXTURE_IDS.youngWoman } }), 'power-of-attorney-invalid');
  });

  it('refuses a deceased representative, whatever the PoA', async () => {
    for (const poa of ['other', { number: FIXTURE_IDS.poaCompanyToWoman }] as const) {
      const rep = await representative(FIXTURE_IDS.deceased, poa);
      expectRefused(await submit(await submission(COMPANY, rep)), 'power-of-attorney-invalid', 'not list the representative as active');
    }
  });

  it('refuses an individual applicant as their own representative with 422 validation-failed', async () => {
    for (const poa of ['other', { number: FIXTURE_IDS.poaManToYoungMan }] as const) {
      const rep = { ...(await representative(FIXTURE_IDS.youngMan, poa)), iin: FIXTURE_IDS.activeMan, registryAnswerId: await personAnswer(FIXTURE_IDS.activeMan) };
      expectRefused(await submit(await submission(MAN, rep)), 'validation-failed', 'representative is the applicant');
    }
  });

  it('treats a body without the representative field (sent before representatives existed) as an applicant in person', async () => {
    const { representative: _omitted, ...withoutRepresentative } = await submission(COMPANY, null);
    await expectRegistered(await submit(withoutRepresentative));
  });

  it('refuses a malformed representative with 400 naming the field', async () => {
    const body = await submission(COMPANY, null);
    for (const [broken, field] of [
      [{ ...body, representative: { iin: '123', registryAnswerId: 'x', powerOfAttorney: { kind: 'other' } } }, 'representative.iin'],
      [{ ...body, representative: { iin: FIXTURE_IDS.activeWoman, registryAnswerId: 'x', powerOfAttorney: { kind: 'notarised', number: '' } } }, 'representative.powerOfAttorney'],
      [{ ...body, representative: { iin: FIXTURE_IDS.activeWoman, registryAnswerId: 'x', powerOfAttorney: { kind: 'verbal' } } }, 'representative.powerOfAttorney'],
    ] as const) {
      const answer = await submit(broken);
      expect(answer.status).toBe(400);
      const problem = problemSchema.parse(answer.body);
      expect(problem.code).toBe('validation-failed');
      expect(problem.message).toContain(field);
    }
  });

  it('does not register a refused submission, and registers it once the representative is fixed (same key)', async () => {
    const body = await submission(COMPANY, await representative(FIXTURE_IDS.activeWoman, { number: FIXTURE_IDS.poaRevoked }));
    const headers = { 'idempotency-key': 'fix-me' };
    expectRefused(await backend.request('POST', '/v1/applications', { token, json: body, headers }), 'power-of-attorney-invalid', 'revoked');
    const fixed = { ...body, representative: await representative(FIXTURE_IDS.activeWoman, { number: FIXTURE_IDS.poaCompanyToWoman }) };
    const answer = await backend.request('POST', '/v1/applications', { token, json: fixed, headers });
    await expectRegistered(answer);
    const replay = await backend.request('POST', '/v1/applications', { token, json: fixed, headers });
    expect(replay.status).toBe(200);
    expect(registrationSchema.parse(replay.body)).toEqual(registrationSchema.parse(answer.body));
  });
});

describe('POST /v1/applications for an individual entrepreneur, by either identifier', () => {
  it('registers the IE in personal entrepreneurship by IIN and the IE in joint entrepreneurship by BIN', async () => {
    await expectRegistered(await submit(await submission({ kind: 'individual', iin: FIXTURE_IDS.entrepreneur }, null)));
    await expectRegistered(await submit(await submission({ kind: 'legal-entity', bin: FIXTURE_IDS.jointEntrepreneurBin }, null)));
  });

  it('does not take one identifier for the other: a BIN answer does not back an IIN applicant', async () => {
    const base = await submission({ kind: 'individual', iin: FIXTURE_IDS.entrepreneur }, null);
    expectRefused(await submit({ ...base, registryAnswerId: await entityAnswer(FIXTURE_IDS.jointEntrepreneurBin) }), 'validation-failed');
  });

  it('registers the joint IE represented by someone under a PoA certified otherwise', async () => {
    const joint: ApplicantRef = { kind: 'legal-entity', bin: FIXTURE_IDS.jointEntrepreneurBin };
    await expectRegistered(await submit(await submission(joint, await representative(FIXTURE_IDS.youngWoman, 'other'))));
    // A notarised PoA from another principal (activeCompany) does not cover the joint IE.
    const foreign = await representative(FIXTURE_IDS.activeWoman, { number: FIXTURE_IDS.poaCompanyToWoman });
    expectRefused(await submit(await submission(joint, foreign)), 'power-of-attorney-invalid', 'other-principal');
  });
});
