import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applicationStatusViewSchema, problemSchema, registrationSchema, type ApplicationStatusView, type ApplicationSubmissionBody } from '../../core/backendApi/wire';
import { requireSystemTool } from '../../test/support/requireSystemTool';
import { DEFAULT_FIXTURES, FIXTURE_IDS } from '../fixtures';
import { prepareSubmission, sha256Hex, startBackend, TEST_SERVICE_TITLES, type BackendHarness } from '../testing/backendHarness';

const START = Date.parse('2026-03-02T05:00:00.000Z');
/** One provider day = 1 s: under review at +250 ms, decided at +1000 ms, ready at +1500 ms. */
const DAY_MS = 1_000;
let now = START;
const running: BackendHarness[] = [];
let stateDir: string | null = null;
afterEach(async () => {
  await Promise.all(running.splice(0).map((b) => b.close()));
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
  stateDir = null;
  now = START;
});

async function start(options: { stateDir?: string } = {}) {
  const backend = await startBackend({ clock: () => new Date(now), providerDayMs: DAY_MS, stateDir: options.stateDir ?? null });
  running.push(backend);
  const token = await backend.login();
  const register = async (overrides: Partial<ApplicationSubmissionBody> = {}, key = `key-${Math.random()}`) => {
    const answer = await backend.request('POST', '/v1/applications', { token, json: await prepareSubmission(backend, token, overrides), headers: { 'idempotency-key': key } });
    if (answer.status !== 201) throw new Error(`registration failed with ${answer.status}`);
    return registrationSchema.parse(answer.body);
  };
  const view = async (id: string): Promise<ApplicationStatusView> => {
    const answer = await backend.request('GET', `/v1/applications/${id}`, { token });
    expect(answer.status).toBe(200);
    return applicationStatusViewSchema.parse(answer.body);
  };
  const result = (id: string, auth: string | undefined = token) => backend.request('GET', `/v1/applications/${id}/result`, { token: auth });
  return { backend, token, register, view, result };
}

/** pdftotext of the bytes with whitespace folded; qpdf --check must pass first. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  requireSystemTool('qpdf', 'qpdf', ['--version']);
  requireSystemTool('pdftotext', 'poppler-utils', ['-v']);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-result-route-')), 'result.pdf');
  await writeFile(file, bytes);
  expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const REFUSAL_REASON = DEFAULT_FIXTURES.providerRefusals?.find((r) => r.identifier === FIXTURE_IDS.refusedApplicant)?.reason;

describe('GET /v1/applications/{id}: status on the simulated provider clock', () => {
  it('moves registered → under-review → issued → ready-for-handover at +0, +0.25, +1, +1.5 provider days', async () => {
    const { register, view } = await start();
    const registration = await register();
    const at = (ms: number) => new Date(START + ms).toISOString();

    expect(await view(registration.applicationId)).toEqual({
      ...registration,
      status: 'registered',
      history: [{ status: 'registered', at: at(0) }],
      decision: null,
      result: null,
    });
    now = START + 249;
    expect((await view(registration.applicationId)).status).toBe('registered');
    now = START + 250;
    expect((await view(registration.applicationId)).history).toEqual([
      { status: 'registered', at: at(0) },
      { status: 'under-review', at: at(250) },
    ]);
    now = START + 1_000;
    const decided = await view(registration.applicationId);
    expect(decided.status).toBe('issued');
    expect(decided.decision).toEqual({ outcome: 'issued', document: 'licence', licenceNumber: 'KZ26LAA00000001', decidedAt: at(1_000) });
    expect(decided.result).toBeNull();
    now = START + 1_500;
    const ready = await view(registration.applicationId);
    expect(ready.status).toBe('ready-for-handover');
    expect(ready.history.map((e) => e.status)).toEqual(['registered', 'under-review', 'issued', 'ready-for-handover']);
    expect(ready.decision).toEqual(decided.decision);
    expect(ready.result).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), sizeBytes: expect.any(Number), fileName: 'licence-KZ26LAA00000001.pdf' });
  });

  it('answers a late replay of the POST with the status at that instant', async () => {
    const { backend, token } = await start();
    const body = await prepareSubmission(backend, token);
    const post = () => backend.request('POST', '/v1/applications', { token, json: body, headers: { 'idempotency-key': 'late-replay' } });
    expect(registrationSchema.parse((await post()).body).status).toBe('registered');
    now = START + 1_200;
    const replay = await post();
    expect(replay.status).toBe(200);
    expect(registrationSchema.parse(replay.body).status).toBe('issued');
    expect(Object.keys(replay.body as object).sort()).toEqual(['applicationId', 'registeredAt', 'registrationNumber', 'status']);
  });

  it('refuses a marked applicant with the fixture reason in Kazakh and Russian', async () => {
    const { register, view } = await start();
    const registration = await register({ applicant: { kind: 'individual', iin: FIXTURE_IDS.refusedApplicant } });
    now = START + 1_000;
    const refused = await view(registration.applicationId);
    expect(refused.status).toBe('refused');
    expect(refused.decision).toEqual({ outcome: 'refused', reason: REFUSAL_REASON, decidedAt: new Date(START + 1_000).toISOString() });
    now = START + 1_500;
    expect((await view(registration.applicationId)).result?.fileName).toBe(`refusal-${registration.registrationNumber}.pdf`);
  });

  it('gives re-issues and duplicates their document, each under a new licence number', async () => {
    const { register, view } = await start();
    const issue = await register({ subtype: 'issue' });
    const reissue = await register({ subtype: 'reissue' });
    const duplicate = await register({ subtype: 'duplicate' });
    now = START + 1_000;
    const decisions = await Promise.all([issue, reissue, duplicate].map(async (r) => (await view(r.applicationId)).decision));
    expect(decisions.map((d) => (d?.outcome === 'issued' ? d.document : null))).toEqual(['licence', 'reissued-licence', 'duplicate']);
    const numbers = decisions.map((d) => (d?.outcome === 'issued' ? d.licenceNumber : null));
    expect(new Set(numbers).size).toBe(3);
    expect(numbers).toEqual(['KZ26LAA00000001', 'KZ26LAA00000002', 'KZ26LAA00000003']);
  });

  it('needs a bearer token and answers 404 for an unknown id', async () => {
    const { backend, register, token } = await start();
    const registration = await register();
    const anonymous = await backend.request('GET', `/v1/applications/${registration.applicationId}`);
    expect(anonymous.status).toBe(401);
    const unknown = await backend.request('GET', '/v1/applications/no-such-id', { token });
    expect(unknown.status).toBe(404);
    expect(problemSchema.parse(unknown.body).code).toBe('not-found');
  });
});

describe('GET /v1/applications/{id}/result', () => {
  it('is 404 not-found until ready for hand-over, then the PDF whose SHA-256 and size the status view names', async () => {
    const { register, view, result } = await start();
    const registration = await register();
    for (const ms of [0, 1_000, 1_499]) {
      now = START + ms;
      const early = await result(registration.applicationId);
      expect(early.status, String(ms)).toBe(404);
      expect(problemSchema.parse(early.body).code).toBe('not-found');
    }
    now = START + 1_500;
    const ref = (await view(registration.applicationId)).result;
    const served = await result(registration.applicationId);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('cache-control')).toBe('no-store');
    expect(served.headers.get('content-disposition')).toBe('attachment; filename="licence-KZ26LAA00000001.pdf"');
    expect(ref).toEqual({ sha256: sha256Hex(served.bytes), sizeBytes: served.bytes.length, fileName: 'licence-KZ26LAA00000001.pdf' });
    expect(served.bytes.subarray(0, 5)).toEqual(new TextEncoder().encode('%PDF-'));

    const text = await pdfText(served.bytes);
    expect(text).toContain('ЛИЦЕНЗИЯ / ЛИЦЕНЗИЯ');
    expect(text).toContain('KZ26LAA00000001');
    expect(text).toContain('ТЕСТОВ Асан Ерланұлы');
    expect(text).toContain(FIXTURE_IDS.activeMan);
    expect(text).toContain(TEST_SERVICE_TITLES.title.kk);
    expect(text).toContain(TEST_SERVICE_TITLES.provider.ru);
    // Later reads serve the same bytes.
    now = START + 10_000;
    expect(sha256Hex((await result(registration.applicationId)).bytes)).toBe(ref?.sha256);
  });

  it('serves a duplicate marked «Телнұсқа» under its new number', async () => {
    const { register, view, result } = await start();
    await register({ subtype: 'issue' });
    const duplicate = await register({ subtype: 'duplicate' });
    now = START + 1_500;
    const status = await view(duplicate.applicationId);
    const served = await result(duplicate.applicationId);
    expect(status.result?.sha256).toBe(sha256Hex(served.bytes));
    const text = await pdfText(served.bytes);
    expect(text).toContain('Телнұсқа');
    expect(text).toContain('Дубликат');
    expect(text).toContain('KZ26LAA00000002');
    expect(text).not.toContain('KZ26LAA00000001');
  });

  it('serves a legal entity its refusal letter with the reason', async () => {
    const { register, view, result } = await start();
    const registration = await register({ applicant: { kind: 'legal-entity', bin: FIXTURE_IDS.refusedCompany } });
    now = START + 1_500;
    const status = await view(registration.applicationId);
    const served = await result(registration.applicationId);
    expect(status.result?.sha256).toBe(sha256Hex(served.bytes));
    const text = await pdfText(served.bytes);
    expect(text).toContain('Мотивированный отказ в оказании государственной услуги');
    expect(text).toContain(registration.registrationNumber);
    expect(text).toContain('ТОО «ПРОБНАЯ КОМПАНИЯ БЕТА»');
    expect(text).toContain(REFUSAL_REASON?.kk);
    expect(text).toContain(REFUSAL_REASON?.ru);
  });

  it('needs a bearer token, and answers 404 for an unknown id', async () => {
    const { register, result } = await start();
    const registration = await register();
    now = START + 1_500;
    expect((await result(registration.applicationId, 'not-a-session-token-at-all')).status).toBe(401);
    expect((await result('no-such-id')).status).toBe(404);
  });

  it('derives the same status and bytes after a restart (nothing is stored but the registration)', async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), 'psc-backend-provider-'));
    const first = await start({ stateDir });
    const registration = await first.register({ subtype: 'duplicate' });
    now = START + 1_500;
    const before = await first.view(registration.applicationId);
    await first.backend.close();
    running.splice(running.indexOf(first.backend), 1);

    now = START + 5_000;
    const second = await start({ stateDir });
    expect(await second.view(registration.applicationId)).toEqual(before);
    expect(sha256Hex((await second.result(registration.applicationId)).bytes)).toBe(before.result?.sha256);
  });
});
