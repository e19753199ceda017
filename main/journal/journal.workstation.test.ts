/**
 * The journal and questionnaire areas through a real workstation (app.ts wiring): sql.js on disk,
 * the embedded backend over HTTP, a real submission linked to a visit after the fact.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import type { ApplicationSummary } from '../../core/contract';
import { toKzLocalDate } from '../../core/calendar/kzLocalDate';
import { startTestWorkstation, submitCompanyApplication } from '../../test/support/workstationHarness';
import type { Workstation } from '../app';

describe('journal and questionnaire in the workstation', () => {
  let workstation: Workstation;
  let application: ApplicationSummary;
  const visitId = randomUUID();

  beforeAll(async () => {
    workstation = await startTestWorkstation();
    const { api } = workstation;
    if (!(await api.session.login(DEMO_CREDENTIALS.operator)).ok) throw new Error('login refused');
    // Acceptance: the steps before submission have no application yet.
    for (const step of ['service', 'applicant', 'documents', 'review'] as const) {
      const timer = await api.journal.markStep({ visitId, kind: 'acceptance', step, applicationId: null, serviceId: null });
      expect(timer).toMatchObject({ ok: true, value: { step, stepNorm: null, budgetMinutes: null } });
    }
    application = await submitCompanyApplication(api);
  });
  afterAll(() => workstation.close());

  it('links the visit to the submitted application, which gives it the [14] 15-minute budget', async () => {
    const { api } = workstation;
    expect(await api.journal.markStep({ visitId, kind: 'acceptance', step: 'receipt', applicationId: application.applicationId, serviceId: null })).toMatchObject({
      ok: true, value: { step: 'receipt', stepNorm: null, budgetMinutes: 15 },
    });
    // [14] regulations have no questionnaire.
    expect(await api.questionnaire.forApplication(application.applicationId)).toEqual({ ok: false, error: { kind: 'no-questionnaire' } });
    expect(await api.journal.endVisit(visitId)).toEqual({ ok: true, value: null });
    expect(await api.journal.report({ from: '2026-01-01', to: '2026-01-01', operatorId: null, serviceId: null })).toEqual({ ok: false, error: { kind: 'not-supervisor' } });
  });

  it('shows the visit to the supervisor with the application\'s numbers and exports it without the applicant', async () => {
    const { api } = workstation;
    await api.session.logout();
    if (!(await api.session.login(DEMO_CREDENTIALS.supervisor)).ok) throw new Error('supervisor login refused');
    // Yesterday to today (Astana), so a run across local midnight still finds the visit.
    const yesterday = toKzLocalDate(new Date(Date.now() - 86_400_000).toISOString());
    const today = toKzLocalDate(new Date().toISOString());
    if (!today.ok || !yesterday.ok) throw new Error('no local date');
    const filter = { from: yesterday.value, to: today.value, operatorId: null, serviceId: '002-a2-casino-2014' };
    const report = await api.journal.report(filter);
    if (!report.ok) throw new Error(report.error.kind);
    const visit = report.value.visits.find((v) => v.visitId === visitId);
    expect(visit).toMatchObject({
      kind: 'acceptance', serviceId: '002-a2-casino-2014', applicationId: application.applicationId, registrationNumber: application.registrationNumber,
      localNumber: application.localNumber, budgetMinutes: 15, overBudget: false,
    });
    expect(visit!.steps.map((s) => s.step)).toEqual(['service', 'applicant', 'documents', 'review', 'receipt']);
    expect(report.value.countsByStatus.registered ?? 0).toBeGreaterThanOrEqual(1);
    const csv = await api.journal.exportCsv(filter, 'visits');
    if (!csv.ok) throw new Error(csv.error.kind);
    expect(csv.value.csv).toContain(application.registrationNumber!);
    expect(csv.value.csv).not.toContain(FIXTURE_IDS.activeCompany);
    expect(csv.value.csv).not.toContain(application.applicant.displayName);
  });
});
