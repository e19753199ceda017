import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalFilter, JournalStep, VisitKind } from '../../core/contract/journal';
import type { Language } from '../../core/contract/common';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { OperatorSession } from '../services/OperatorSession';
import { QuestionnaireService } from '../questionnaire/QuestionnaireService';
import { JournalService } from './JournalService';
import { insertTestApplication, loadTestCatalog, openTestDatabase, operatorOf, SettableClock, signIn } from './testSupport';

const CASINO_2012 = '000-a1-casino-2012';
const CASINO_2014 = '002-a2-casino-2014';
const A1 = 'a1a1a1a1-0000-4000-8000-000000000001';
const A2 = 'a2a2a2a2-0000-4000-8000-000000000002';
const UNKNOWN_APP = '99999999-9999-4999-8999-999999999999';
const V1 = '00000000-0000-4000-8000-000000000001';
const V2 = '00000000-0000-4000-8000-000000000002';
const V3 = '00000000-0000-4000-8000-000000000003';
const V4 = '00000000-0000-4000-8000-000000000004';
const IIN_1 = '850101399014';
const IIN_2 = '900202400025';

const OP1 = operatorOf('op-1', 'Оператор Бір');
const OP2 = operatorOf('op-2', 'Оператор Екі');
const SUPERVISOR = operatorOf('sup-1', 'Супервайзер', 'supervisor');
const day = (from: string, to = from, more: Partial<JournalFilter> = {}): JournalFilter => ({ from, to, operatorId: null, serviceId: null, ...more });

async function setUp(options: { file?: string | null; language?: Language } = {}) {
  const db = await openTestDatabase(options.file ?? null);
  const clock = new SettableClock(Date.parse('2026-11-20T05:00:00.000Z'));
  const session = new OperatorSession(clock);
  const catalog = loadTestCatalog();
  const journal = new JournalService(db, session, catalog, clock, { csvLanguage: () => options.language ?? 'en' });
  const questionnaire = new QuestionnaireService(db, session, catalog, clock);
  await insertTestApplication(db, { id: A1, serviceId: CASINO_2012, operatorId: 'op-1', acceptedAt: '2026-11-20T05:02:00.000Z', applicantIin: IIN_1, applicantName: 'Иванов Иван', registrationNumber: 'KZ26LAA00000123' });
  await insertTestApplication(db, { id: A2, serviceId: CASINO_2014, operatorId: 'op-2', acceptedAt: '2026-11-20T06:05:00.000Z', applicantIin: IIN_2, applicantName: 'Петрова Анна' });
  const mark = async (visitId: string, kind: VisitKind, step: JournalStep, applicationId: string | null, serviceId: string | null = null) => {
    const timer = await journal.markStep({ visitId, kind, step, applicationId, serviceId });
    if (!timer.ok) throw new Error(`markStep refused: ${timer.error.kind}`);
    return timer.value;
  };
  return { db, clock, session, journal, questionnaire, mark };
}

/** Three visits on 20 November (Astana), one just after midnight of the 21st, and an answered questionnaire. */
async function populate(t: Awaited<ReturnType<typeof setUp>>): Promise<void> {
  const { clock, session, journal, questionnaire, mark } = t;
  signIn(session, OP1);
  clock.set('2026-11-20T05:00:00.000Z');
  await mark(V1, 'acceptance', 'service', null);
  clock.advance(40);
  await mark(V1, 'acceptance', 'applicant', null);
  clock.advance(20);
  await mark(V1, 'acceptance', 'documents', null);
  clock.advance(35);
  await mark(V1, 'acceptance', 'review', null);
  clock.advance(25); // submitted: the application exists from here on
  await mark(V1, 'acceptance', 'receipt', A1);
  clock.advance(30);
  await mark(V1, 'acceptance', 'questionnaire', A1);
  clock.advance(10);
  expect((await questionnaire.answer(A1, { quality: 2, accessibility: 1 })).ok).toBe(true);
  clock.advance(10);
  await journal.endVisit(V1);

  signIn(session, OP2);
  clock.set('2026-11-20T06:00:00.000Z');
  await mark(V2, 'acceptance', 'service', null);
  clock.advance(16 * 60);
  await mark(V2, 'acceptance', 'receipt', A2);
  clock.advance(20);
  await journal.endVisit(V2);

  signIn(session, OP1);
  clock.set('2026-11-20T10:00:00.000Z');
  await mark(V3, 'handover', 'find', null);
  clock.advance(15);
  await mark(V3, 'handover', 'result', A1);
  clock.advance(45);
  await mark(V3, 'handover', 'handover', A1);
  clock.advance(5);
  await journal.endVisit(V3);
  // The status service records the hand-over in its own table (migration 0007).
  await t.db.write((w) => w.run(`INSERT INTO hand_overs VALUES (?, '2026-11-20T10:01:00.000Z', 'op-1', 'Оператор Бір')`, [A1]));

  // 00:30 on 21 November in Astana, still 20 November in UTC; left open.
  clock.set('2026-11-20T19:30:00.000Z');
  await mark(V4, 'acceptance', 'service', null);
}

describe('JournalService.markStep', () => {
  it('stamps steps with main\'s clock and gives the norm and budget of the linked application\'s service', async () => {
    const { session, clock, mark } = await setUp();
    signIn(session, OP1);
    const first = await mark(V1, 'acceptance', 'service', null);
    expect(first).toEqual({ visitId: V1, visitStartedAt: '2026-11-20T05:00:00.000Z', step: 'service', stepStartedAt: '2026-11-20T05:00:00.000Z', stepNorm: null, budgetMinutes: null });
    clock.advance(30);
    // Once linked, the 2012 regulation's action table applies: review → send, 30 s – 5 min.
    expect(await mark(V1, 'acceptance', 'review', A1)).toMatchObject({ step: 'review', stepStartedAt: '2026-11-20T05:00:30.000Z', stepNorm: { minSeconds: 30, maxSeconds: 300 }, budgetMinutes: null });
    // A [14] service has no action-table norms but the 15-minute budget.
    expect(await mark(V2, 'handover', 'find', A2)).toMatchObject({ stepNorm: null, budgetMinutes: 15 });
  });

  it('gives the norms of the service chosen before any application exists; the application\'s service wins once linked', async () => {
    const { session, mark, journal } = await setUp();
    signIn(session, OP1);
    expect(await mark(V1, 'acceptance', 'service', null, CASINO_2014)).toMatchObject({ stepNorm: null, budgetMinutes: 15 });
    // 000-a1 (2012): lookup norm 30 s; the operator switched the service while on the applicant step.
    expect(await mark(V1, 'acceptance', 'applicant', null, CASINO_2012)).toMatchObject({ stepNorm: { maxSeconds: 30 }, budgetMinutes: null });
    // An id the catalog does not know changes nothing.
    expect(await mark(V1, 'acceptance', 'documents', null, '999-unknown')).toMatchObject({ stepNorm: { maxSeconds: 30 } });
    expect(await mark(V1, 'acceptance', 'receipt', A2, CASINO_2012)).toMatchObject({ stepNorm: null, budgetMinutes: 15 });
    await journal.endVisit(V1);
  });

  it('treats a repeated mark as a no-op and a return to an earlier step as a new timing', async () => {
    const { session, clock, mark, journal, db } = await setUp();
    signIn(session, OP1);
    await mark(V1, 'acceptance', 'service', null);
    clock.advance(10);
    await mark(V1, 'acceptance', 'documents', null);
    clock.advance(10);
    expect((await mark(V1, 'acceptance', 'documents', null)).stepStartedAt).toBe('2026-11-20T05:00:10.000Z');
    clock.advance(10);
    expect((await mark(V1, 'acceptance', 'service', null)).stepStartedAt).toBe('2026-11-20T05:00:30.000Z');
    expect(db.read((r) => r.all(`SELECT seq, step, at FROM journal_step_marks WHERE visit_id = ? ORDER BY seq`, [V1]))).toEqual([
      { seq: 1, step: 'service', at: '2026-11-20T05:00:00.000Z' },
      { seq: 2, step: 'documents', at: '2026-11-20T05:00:10.000Z' },
      { seq: 3, step: 'service', at: '2026-11-20T05:00:30.000Z' },
    ]);
    clock.advance(5);
    await journal.endVisit(V1);
    signIn(session, SUPERVISOR);
    const report = await journal.report(day('2026-11-20'));
    if (!report.ok) throw new Error(report.error.kind);
    expect(report.value.visits[0]!.steps.map((s) => [s.step, s.seconds])).toEqual([['service', 10], ['documents', 20], ['service', 5]]);
  });

  it('keeps the first application linked and ignores a different or unknown one', async () => {
    const { session, mark, db } = await setUp();
    signIn(session, OP1);
    await mark(V1, 'acceptance', 'service', UNKNOWN_APP);
    expect(db.read((r) => r.get(`SELECT application_id FROM journal_visits WHERE id = ?`, [V1]))).toEqual({ application_id: null });
    await mark(V1, 'acceptance', 'receipt', A1);
    // A2 is a [14] service with a budget; the visit stays A1's (2012, none).
    expect(await mark(V1, 'acceptance', 'questionnaire', A2)).toMatchObject({ budgetMinutes: null });
    expect(db.read((r) => r.get(`SELECT application_id FROM journal_visits WHERE id = ?`, [V1]))).toEqual({ application_id: A1 });
  });

  it('refuses marks after the visit ended; ending again changes nothing', async () => {
    const { session, clock, mark, journal, db } = await setUp();
    signIn(session, OP1);
    await mark(V1, 'acceptance', 'service', null);
    clock.advance(10);
    expect(await journal.endVisit(V1)).toEqual({ ok: true, value: null });
    clock.advance(10);
    expect(await journal.endVisit(V1)).toEqual({ ok: true, value: null });
    expect(await journal.markStep({ visitId: V1, kind: 'acceptance', step: 'documents', applicationId: null, serviceId: null })).toEqual({ ok: false, error: { kind: 'visit-closed' } });
    expect(db.read((r) => r.get(`SELECT ended_at FROM journal_visits WHERE id = ?`, [V1]))).toEqual({ ended_at: '2026-11-20T05:00:10.000Z' });
  });

  it('needs a signed-in operator', async () => {
    const { journal } = await setUp();
    expect(await journal.markStep({ visitId: V1, kind: 'acceptance', step: 'service', applicationId: null, serviceId: null })).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
    expect(await journal.endVisit(V1)).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
  });

  it('is durable: the marks are on disk when the call resolves', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-journal-')), 'ws.sqlite');
    const t = await setUp({ file });
    signIn(t.session, OP1);
    await t.mark(V1, 'acceptance', 'service', null);
    await t.journal.endVisit(V1);
    // Reopen the files as they are (the journal holds the commits; no close, no checkpoint of this handle).
    const reopened: SqlJsDatabase = await openTestDatabase(file);
    expect(reopened.read((r) => r.get(`SELECT kind, operator_id, operator_name, ended_at FROM journal_visits WHERE id = ?`, [V1]))).toEqual({
      kind: 'acceptance', operator_id: 'op-1', operator_name: 'Оператор Бір', ended_at: '2026-11-20T05:00:00.000Z',
    });
    await reopened.close();
    await t.db.close();
  });
});

describe('JournalService.report', () => {
  it('reports the Kazakhstan day: visits with step times against norms, budgets, statuses, step summary and questionnaire', async () => {
    const t = await setUp();
    await populate(t);
    signIn(t.session, SUPERVISOR);
    const report = await t.journal.report(day('2026-11-20'));
    if (!report.ok) throw new Error(report.error.kind);
    const { visits } = report.value;
    expect(visits.map((v) => v.visitId)).toEqual([V1, V2, V3]);

    const v1 = visits[0]!;
    expect(v1).toMatchObject({
      kind: 'acceptance', operatorId: 'op-1', operatorName: 'Оператор Бір', serviceId: CASINO_2012, applicationId: A1,
      registrationNumber: 'KZ26LAA00000123', status: 'handed-over', totalSeconds: 170, budgetMinutes: null, overBudget: false,
    });
    expect(v1.localNumber).toMatch(/^WS-20261120-\d{4}$/);
    expect(v1.steps.map((s) => [s.step, s.seconds, s.norm?.maxSeconds ?? null, s.overNorm])).toEqual([
      ['service', 40, 30, true], ['applicant', 20, 30, false], ['documents', 35, 30, true], ['review', 25, 300, false], ['receipt', 30, null, false], ['questionnaire', 20, null, false],
    ]);

    expect(visits[1]).toMatchObject({ operatorId: 'op-2', serviceId: CASINO_2014, status: 'accepted', registrationNumber: null, totalSeconds: 980, budgetMinutes: 15, overBudget: true });
    expect(visits[2]).toMatchObject({ kind: 'handover', serviceId: CASINO_2012, totalSeconds: 65 });
    expect(visits[2]!.steps.map((s) => [s.step, s.seconds])).toEqual([['find', 15], ['result', 45], ['handover', 5]]);

    expect(report.value.countsByStatus).toEqual({ 'handed-over': 1, accepted: 1 });
    expect(report.value.steps.find((s) => s.step === 'service')).toEqual({ step: 'service', count: 2, medianSeconds: 500, maxSeconds: 960, overNorm: 1 });
    expect(report.value.steps.find((s) => s.step === 'receipt')).toEqual({ step: 'receipt', count: 2, medianSeconds: 25, maxSeconds: 30, overNorm: 0 });
    expect(report.value.questionnaire).toEqual([
      { serviceId: CASINO_2012, question: 'quality', counts: [0, 0, 1] },
      { serviceId: CASINO_2012, question: 'accessibility', counts: [0, 1, 0] },
    ]);
    expect(report.value.operators).toEqual([{ operatorId: 'op-1', operatorName: 'Оператор Бір' }, { operatorId: 'op-2', operatorName: 'Оператор Екі' }]);
  });

  it('filters by operator, by service and by day', async () => {
    const t = await setUp();
    await populate(t);
    signIn(t.session, SUPERVISOR);
    const byOperator = await t.journal.report(day('2026-11-20', '2026-11-20', { operatorId: 'op-2' }));
    if (!byOperator.ok) throw new Error(byOperator.error.kind);
    expect(byOperator.value.visits.map((v) => v.visitId)).toEqual([V2]);
    expect(byOperator.value.countsByStatus).toEqual({ accepted: 1 });
    expect(byOperator.value.questionnaire).toEqual([]);
    // The filter's choices stay all operators of the range.
    expect(byOperator.value.operators).toHaveLength(2);

    const byService = await t.journal.report(day('2026-11-20', '2026-11-20', { serviceId: CASINO_2012 }));
    if (!byService.ok) throw new Error(byService.error.kind);
    expect(byService.value.visits.map((v) => v.visitId)).toEqual([V1, V3]);
    expect(byService.value.countsByStatus).toEqual({ 'handed-over': 1 });

    const nextDay = await t.journal.report(day('2026-11-21'));
    if (!nextDay.ok) throw new Error(nextDay.error.kind);
    expect(nextDay.value.visits.map((v) => v.visitId)).toEqual([V4]);
    expect(nextDay.value.visits[0]).toMatchObject({ serviceId: null, status: null, totalSeconds: null, steps: [{ step: 'service', seconds: null, overNorm: false }] });
    expect(nextDay.value.countsByStatus).toEqual({});

    const both = await t.journal.report(day('2026-11-19', '2026-11-21'));
    expect(both.ok && both.value.visits.map((v) => v.visitId)).toEqual([V1, V2, V3, V4]);
  });

  it('is for supervisors only', async () => {
    const t = await setUp();
    expect(await t.journal.report(day('2026-11-20'))).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
    expect(await t.journal.exportCsv(day('2026-11-20'), 'visits')).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
    signIn(t.session, OP1);
    expect(await t.journal.report(day('2026-11-20'))).toEqual({ ok: false, error: { kind: 'not-supervisor' } });
    expect(await t.journal.exportCsv(day('2026-11-20'), 'questionnaire')).toEqual({ ok: false, error: { kind: 'not-supervisor' } });
  });
});

describe('JournalService.exportCsv', () => {
  it('exports one row per visit step with seconds and norm, and no applicant IIN or name', async () => {
    const t = await setUp();
    await populate(t);
    signIn(t.session, SUPERVISOR);
    const exported = await t.journal.exportCsv(day('2026-11-20'), 'visits');
    if (!exported.ok) throw new Error(exported.error.kind);
    expect(exported.value.fileName).toBe('journal-visits-2026-11-20.csv');
    const { csv } = exported.value;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('Date;Visit;Kind;Operator ID;Operator;Service;Local number;Registration number;Status;Step;Step started (Astana time);Seconds;Norm min seconds;Norm max seconds;Over norm;Visit total seconds;Budget minutes;Over budget');
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(6 + 2 + 3);
    expect(rows[0]).toMatch(new RegExp(`^2026-11-20;${V1};acceptance;op-1;Оператор Бір;${CASINO_2012};WS-20261120-\\d{4};KZ26LAA00000123;handed-over;service;2026-11-20 10:00:00;40;30;30;1;170;;0$`));
    expect(rows[6]).toContain(`;${V2};acceptance;op-2;Оператор Екі;${CASINO_2014};`);
    expect(rows[7]).toMatch(/;receipt;2026-11-20 11:16:00;20;;;0;980;15;1$/);
    for (const forbidden of [IIN_1, IIN_2, 'Иванов', 'Петрова']) expect(csv).not.toContain(forbidden);
  });

  it('exports the questionnaire answers with their service and operator, in the interface language', async () => {
    const t = await setUp({ language: 'kk' });
    await populate(t);
    signIn(t.session, SUPERVISOR);
    const exported = await t.journal.exportCsv(day('2026-11-20'), 'questionnaire');
    if (!exported.ok) throw new Error(exported.error.kind);
    expect(exported.value.fileName).toBe('journal-questionnaire-2026-11-20.csv');
    const lines = exported.value.csv.slice(1).split('\r\n');
    expect(lines[0]!.startsWith('Күн;')).toBe(true);
    expect(lines.slice(1, -1)).toEqual(['2026-11-20;2026-11-20 10:02:40;000-a1-casino-2012;' + lines[1]!.split(';')[3] + ';KZ26LAA00000123;op-1;Оператор Бір;2;1']);
    expect(exported.value.csv).not.toContain(IIN_1);
    expect((await t.journal.exportCsv(day('2026-11-21'), 'questionnaire')).ok).toBe(true);
  });
});
