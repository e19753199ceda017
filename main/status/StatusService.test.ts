import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../blobs/EncryptedBlobStore';
import { listApplications } from '../db/applications';
import { AuditLog, listAuditRecords } from '../audit/AuditLog';
import { StatusChecker } from './StatusChecker';
import { StatusService, safeResultFileName } from './StatusService';
import { findStoredResult } from './statusRecords';
import { OPERATOR, RESULT_PDF, statusFixture, T0, viewAt } from './testSupport/statusFixture';

const policy = { baseMs: 60_000, capMs: 30 * 60_000 };

async function setup() {
  const f = await statusFixture();
  const reachability: boolean[] = [];
  const checker = new StatusChecker(f.db, f.backend, f.session, f.clock, { policy, onReachability: (r) => reachability.push(r) });
  const service = new StatusService(f.db, f.blobs, f.backend, f.session, checker, f.clock, new AuditLog(f.db, f.clock));
  return { ...f, checker, service, reachability };
}

const at = (ms: number) => new Date(T0.getTime() + ms).toISOString();

describe('StatusService.refresh', () => {
  it('asks the backend by its own id, stores status, history and decision, and schedules the next check at the base', async () => {
    const s = await setup();
    const app = await s.addApplication();
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'issued') }];
    const refreshed = await s.service.refresh(app.id);
    expect(s.backend.statusCalls).toEqual([{ token: 'token-1', id: app.backendId }]);
    if (!refreshed.ok) throw new Error(refreshed.error.kind);
    expect(refreshed.value.tracking).toEqual({
      status: 'issued',
      history: viewAt(app.backendId, 'issued').history,
      decision: { outcome: 'issued', document: 'licence', licenceNumber: '26000123', decidedAt: T0.toISOString() },
      resultAvailable: false,
      resultStored: false,
      checkedAt: T0.toISOString(),
      nextCheckAt: at(60_000),
    });
    expect(refreshed.value.handOver).toBeNull();
    expect(s.reachability).toEqual([true]);
    // Every summary carries it, not only refresh's answer.
    expect(s.db.read((r) => listApplications(r))[0]?.tracking?.status).toBe('issued');
  });

  it('answers not-registered while the application waits in the local queue, without asking the backend', async () => {
    const s = await setup();
    const app = await s.addApplication({ registered: false });
    expect(await s.service.refresh(app.id)).toEqual({ ok: false, error: { kind: 'not-registered' } });
    expect(await s.service.refresh('00000000-0000-4000-8000-0000000000ff')).toEqual({ ok: false, error: { kind: 'not-found' } });
    expect(s.backend.statusCalls).toEqual([]);
  });

  it('keeps the last known status when the backend is unavailable, and backs off', async () => {
    const s = await setup();
    const app = await s.addApplication();
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'under-review') }, { ok: false, error: { kind: 'network' } }];
    await s.service.refresh(app.id);
    s.clock.advance(60_000);
    expect(await s.service.refresh(app.id)).toEqual({ ok: false, error: { kind: 'backend-unavailable' } });
    const found = await s.service.find(app.localNumber);
    expect(found.ok && found.value[0]?.tracking).toMatchObject({ status: 'under-review', checkedAt: T0.toISOString(), nextCheckAt: at(60_000 + 120_000) });
    expect(s.reachability).toEqual([true, false]);
    expect(s.db.read((r) => r.get(`SELECT last_failure FROM application_status`))).toEqual({ last_failure: 'network' });
  });

  it('treats a malformed answer or one about another application as unavailable', async () => {
    const s = await setup();
    const app = await s.addApplication();
    s.backend.statusAnswers = [{ ok: true, value: viewAt('b0000000-0000-4000-8000-0000000000ee', 'issued') }];
    expect(await s.service.refresh(app.id)).toEqual({ ok: false, error: { kind: 'backend-unavailable' } });
    s.backend.statusAnswers = [{ ok: false, error: { kind: 'http', status: 404, code: 'not-found', retryAfterSeconds: null } }];
    expect(await s.service.refresh(app.id)).toEqual({ ok: false, error: { kind: 'backend-unavailable' } });
    const stored = s.db.read((r) => r.get(`SELECT status, check_attempts FROM application_status`));
    expect(stored).toEqual({ status: null, check_attempts: 2 });
  });

  it('signs the operator out when the backend no longer knows the token', async () => {
    const s = await setup();
    const app = await s.addApplication();
    s.backend.statusAnswers = [{ ok: false, error: { kind: 'http', status: 401, code: 'unauthorized', retryAfterSeconds: null } }];
    expect(await s.service.refresh(app.id)).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
    expect(s.session.current()).toBeNull();
    expect(await s.service.refresh(app.id)).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
    expect(s.backend.statusCalls).toHaveLength(1);
  });

  it('never runs two checks of one application at once', async () => {
    const s = await setup();
    const app = await s.addApplication();
    let open!: () => void;
    s.backend.gate = new Promise((resolve) => (open = resolve));
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'registered') }];
    const first = s.service.refresh(app.id);
    const second = s.service.refresh(app.id);
    open();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual(b);
    expect(s.backend.statusCalls).toHaveLength(1);
  });
});

describe('StatusService.result', () => {
  it('answers no-result-yet before the backend names a result, without downloading', async () => {
    const s = await setup();
    const app = await s.addApplication();
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'under-review') }];
    expect(await s.service.result(app.id)).toEqual({ ok: false, error: { kind: 'no-result-yet' } });
    expect(s.backend.statusCalls).toHaveLength(1);
    expect(s.backend.resultCalls).toEqual([]);
  });

  it('fetches the named result once, checks its SHA-256, stores it encrypted and serves it from the store afterwards', async () => {
    const s = await setup();
    const app = await s.addApplication();
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'ready-for-handover') }];
    s.backend.resultAnswers = [{ ok: true, value: RESULT_PDF }];
    const first = await s.service.result(app.id);
    expect(first).toEqual({ ok: true, value: { fileName: 'licence-KZ26LAA00000123.pdf', pdfBase64: Buffer.from(RESULT_PDF).toString('base64') } });
    expect(s.backend.resultCalls).toEqual([app.backendId]);
    expect(s.db.read((r) => findStoredResult(r, app.id))).toMatchObject({ blobSha256: sha256Hex(RESULT_PDF), sizeBytes: RESULT_PDF.byteLength });
    expect(await s.blobs.get(sha256Hex(RESULT_PDF))).toEqual({ ok: true, value: RESULT_PDF });

    s.backend.statusAnswers = [{ ok: false, error: { kind: 'network' } }];
    s.backend.resultAnswers = [{ ok: false, error: { kind: 'network' } }];
    expect(await s.service.result(app.id)).toEqual(first);
    expect(s.backend.resultCalls).toHaveLength(1);
    const summary = await s.service.find(app.id);
    expect(summary.ok && summary.value[0]?.tracking).toMatchObject({ resultAvailable: true, resultStored: true });
  });

  it('records a result-view in the audit log when an operator opens the result, but not for the background prefetch', async () => {
    const s = await setup();
    const app = await s.addApplication();
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'ready-for-handover') }];
    s.backend.resultAnswers = [{ ok: true, value: RESULT_PDF }];
    const views = () => s.db.read((r) => listAuditRecords(r)).filter((record) => record.action === 'result-view');
    expect((await s.service.prefetch(app.id)).ok).toBe(true);
    expect(views()).toEqual([]);
    expect((await s.service.result(app.id)).ok).toBe(true);
    expect(views()).toEqual([expect.objectContaining({ operatorId: OPERATOR.operatorId, subject: app.id, detail: '{}' })]);
  });

  it('refuses a document whose SHA-256 does not match the status view and stores nothing', async () => {
    const s = await setup();
    const app = await s.addApplication();
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'ready-for-handover') }];
    const altered = new Uint8Array(RESULT_PDF);
    altered[altered.length - 2] = 0x41;
    s.backend.resultAnswers = [{ ok: true, value: altered }];
    expect(await s.service.result(app.id)).toEqual({ ok: false, error: { kind: 'backend-unavailable' } });
    expect(s.db.read((r) => findStoredResult(r, app.id))).toBeNull();
    expect(await s.blobs.has(sha256Hex(altered))).toBe(false);
  });

  it('maps a 404 from the download to no-result-yet and needs a signed-in operator', async () => {
    const s = await setup();
    const app = await s.addApplication();
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'ready-for-handover') }];
    s.backend.resultAnswers = [{ ok: false, error: { kind: 'http', status: 404, code: 'result-not-ready', retryAfterSeconds: null } }];
    expect(await s.service.result(app.id)).toEqual({ ok: false, error: { kind: 'no-result-yet' } });
    s.session.end();
    expect(await s.service.result(app.id)).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
    const unregistered = await (async () => {
      s.session.begin(OPERATOR, 'token-2', new Date(T0.getTime() + 86_400_000));
      return s.addApplication({ registered: false });
    })();
    expect(await s.service.result(unregistered.id)).toEqual({ ok: false, error: { kind: 'not-registered' } });
  });
});

describe('StatusService.handOver', () => {
  async function readyWithResult() {
    const s = await setup();
    const app = await s.addApplication();
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'ready-for-handover') }];
    s.backend.resultAnswers = [{ ok: true, value: RESULT_PDF }];
    return { s, app };
  }

  it('is refused until the status is ready-for-handover and the result is stored here', async () => {
    const s = await setup();
    const app = await s.addApplication();
    expect(await s.service.handOver(app.id)).toEqual({ ok: false, error: { kind: 'not-ready' } });
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'issued') }];
    await s.service.refresh(app.id);
    expect(await s.service.handOver(app.id)).toEqual({ ok: false, error: { kind: 'not-ready' } });
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'ready-for-handover') }];
    await s.service.refresh(app.id);
    // Ready at the provider, but not viewed (stored) here yet.
    expect(await s.service.handOver(app.id)).toEqual({ ok: false, error: { kind: 'not-ready' } });
    expect(await s.service.handOver('00000000-0000-4000-8000-0000000000ff')).toEqual({ ok: false, error: { kind: 'not-found' } });
  });

  it('records the time and the signed-in operator once, stops tracking, and answers already-handed-over afterwards', async () => {
    const { s, app } = await readyWithResult();
    expect((await s.service.result(app.id)).ok).toBe(true);
    s.clock.advance(5 * 60_000);
    const handed = await s.service.handOver(app.id);
    if (!handed.ok) throw new Error(handed.error.kind);
    expect(handed.value.handOver).toEqual({ handedOverAt: at(5 * 60_000), operatorId: OPERATOR.operatorId, operatorName: OPERATOR.fullName });
    expect(handed.value.tracking?.nextCheckAt).toBeNull();
    s.clock.advance(60_000);
    expect(await s.service.handOver(app.id)).toEqual({ ok: false, error: { kind: 'already-handed-over', handedOverAt: at(5 * 60_000) } });
    expect(s.db.read((r) => r.get(`SELECT next_check_at FROM application_status`))).toEqual({ next_check_at: null });
  });

  it('needs a signed-in operator', async () => {
    const { s, app } = await readyWithResult();
    await s.service.result(app.id);
    s.session.end();
    expect(await s.service.handOver(app.id)).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
  });
});

describe('StatusService.find', () => {
  it('finds by receipt QR text, registration number, local number and applicant IIN/BIN — trimmed, any case — newest first', async () => {
    const s = await setup();
    const company = await s.addApplication({ applicant: { kind: 'legal-entity', bin: '150340999016' }, registrationNumber: 'KZ26LAA00000501' });
    const person = await s.addApplication({ applicant: { kind: 'individual', iin: '850101399014' }, registrationNumber: 'KZ26LAA00000502' });
    const again = await s.addApplication({ applicant: { kind: 'legal-entity', bin: '150340999016' }, registered: false });
    const ids = async (q: string) => {
      const found = await s.service.find(q);
      if (!found.ok) throw new Error(found.error.kind);
      return found.value.map((a) => a.applicationId);
    };
    expect(await ids(`  ${person.id.toUpperCase()} `)).toEqual([person.id]);
    expect(await ids('kz26laa00000501')).toEqual([company.id]);
    expect(await ids(` ${person.localNumber.toLowerCase()}`)).toEqual([person.id]);
    expect(await ids('850101399014')).toEqual([person.id]);
    expect(await ids('150340999016')).toEqual([again.id, company.id]);
    expect(await ids('KZ26LAA0000050')).toEqual([]);
    expect(await ids('   ')).toEqual([]);
  });

  it('needs a signed-in operator', async () => {
    const s = await setup();
    s.session.end();
    expect(await s.service.find('150340999016')).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
  });
});

describe('safeResultFileName', () => {
  it('keeps an ASCII name and neutralises paths and other characters', () => {
    expect(safeResultFileName('licence-KZ26LAA00000123.pdf')).toBe('licence-KZ26LAA00000123.pdf');
    expect(safeResultFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeResultFileName('лицензия.pdf')).toBe('_.pdf');
  });
});
