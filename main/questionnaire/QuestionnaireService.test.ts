import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OperatorSession } from '../services/OperatorSession';
import { insertTestApplication, loadTestCatalog, openTestDatabase, operatorOf, SettableClock, signIn } from '../journal/testSupport';
import { QuestionnaireService } from './QuestionnaireService';

const CASINO_2012 = '000-a1-casino-2012';
const CASINO_2014 = '002-a2-casino-2014';
const APP = '11111111-1111-4111-8111-111111111111';
const APP_2014 = '22222222-2222-4222-8222-222222222222';
const UNKNOWN = '99999999-9999-4999-8999-999999999999';

async function setUp(file: string | null = null) {
  const db = await openTestDatabase(file);
  const clock = new SettableClock(Date.parse('2026-11-20T05:00:00.000Z'));
  const session = new OperatorSession(clock);
  const service = new QuestionnaireService(db, session, loadTestCatalog(), clock);
  await insertTestApplication(db, { id: APP, serviceId: CASINO_2012, operatorId: 'op-1', acceptedAt: '2026-11-20T04:50:00.000Z', applicantIin: '850101399014', applicantName: 'Иванов' });
  await insertTestApplication(db, { id: APP_2014, serviceId: CASINO_2014, operatorId: 'op-1', acceptedAt: '2026-11-20T04:55:00.000Z', applicantIin: '850101399014', applicantName: 'Иванов' });
  return { db, clock, session, service };
}

describe('QuestionnaireService', () => {
  it('gives the questionnaire of the application\'s service in the regulation\'s wording, unanswered', async () => {
    const { session, service } = await setUp();
    signIn(session, operatorOf('op-1', 'Оператор Бір'));
    const form = await service.forApplication(APP);
    if (!form.ok) throw new Error(form.error.kind);
    expect(form.value).toMatchObject({ applicationId: APP, serviceId: CASINO_2012, answeredAt: null, answers: null });
    expect(form.value.questionnaire.questions.map((q) => q.id)).toEqual(['quality', 'accessibility']);
    expect(form.value.questionnaire.questions[0]!.text.kk).toBe('Сіз электрондық мемлекеттік қызмет көрсету үдерісінің сапасына және нәтижесіне қанағаттанасыз ба?');
  });

  it('answers not-found for an unknown application and no-questionnaire for a [14] service', async () => {
    const { session, service } = await setUp();
    signIn(session, operatorOf('op-1', 'Оператор Бір'));
    expect(await service.forApplication(UNKNOWN)).toEqual({ ok: false, error: { kind: 'not-found' } });
    expect(await service.forApplication(APP_2014)).toEqual({ ok: false, error: { kind: 'no-questionnaire' } });
    expect(await service.answer(APP_2014, { quality: 2, accessibility: 2 })).toEqual({ ok: false, error: { kind: 'no-questionnaire' } });
    expect(await service.answer(UNKNOWN, { quality: 2, accessibility: 2 })).toEqual({ ok: false, error: { kind: 'not-found' } });
  });

  it('stores the answer once, durably, with the time and the operator; a second answer is refused', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-questionnaire-')), 'ws.sqlite');
    const { db, clock, session, service } = await setUp(file);
    signIn(session, operatorOf('op-1', 'Оператор Бір'));
    clock.set('2026-11-20T05:10:00.000Z');
    const answered = await service.answer(APP, { quality: 1, accessibility: 2 });
    expect(answered).toMatchObject({ ok: true, value: { answeredAt: '2026-11-20T05:10:00.000Z', answers: { quality: 1, accessibility: 2 } } });
    clock.advance(60);
    expect(await service.answer(APP, { quality: 0, accessibility: 0 })).toEqual({ ok: false, error: { kind: 'already-answered', answeredAt: '2026-11-20T05:10:00.000Z' } });
    await db.close();

    // Reopened from disk: the first answer and who took it are there, the second never was.
    const reopened = await openTestDatabase(file);
    expect(reopened.read((r) => r.all(`SELECT application_id, quality, accessibility, answered_at, operator_id, operator_name FROM questionnaire_answers`))).toEqual([
      { application_id: APP, quality: 1, accessibility: 2, answered_at: '2026-11-20T05:10:00.000Z', operator_id: 'op-1', operator_name: 'Оператор Бір' },
    ]);
    const again = new QuestionnaireService(reopened, session, loadTestCatalog(), clock);
    expect(await again.forApplication(APP)).toMatchObject({ ok: true, value: { answeredAt: '2026-11-20T05:10:00.000Z', answers: { quality: 1, accessibility: 2 } } });
    await reopened.close();
  });

  it('needs a signed-in operator', async () => {
    const { service } = await setUp();
    expect(await service.forApplication(APP)).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
    expect(await service.answer(APP, { quality: 2, accessibility: 2 })).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
  });
});
