import { describe, expect, it } from 'vitest';
import type { StepMark } from '../../../core/contract';
import { arrangeReadyToSubmit, chooseService, confirmApplicant, createSignedInStore, fillRequiredSlots, findApplicant } from '../../test-support/arrangeStore';
import { BOOKMAKER_2012 } from '../../test-support/fakeFixtures';
import { arrangeTrackedApplications } from '../../test-support/statusScenarios';
import type { FakeWorkstation } from '../../test-support/fakeWorkstationApi';
import { FAKE_KEY_PASSWORD } from '../../test-support/fakeSigningKeys';

function marksOf(fake: FakeWorkstation): StepMark[] {
  return fake.callsTo('journal', 'markStep').map((call) => call.args[0] as StepMark);
}

function endedVisits(fake: FakeWorkstation): string[] {
  return fake.callsTo('journal', 'endVisit').map((call) => call.args[0] as string);
}

describe('journal step marks of an acceptance visit', () => {
  it('opens no visit for an idle wizard: nothing is marked at login', async () => {
    const { store, fake } = await createSignedInStore();
    await store.getState().settleVisitMarks();
    expect(marksOf(fake)).toEqual([]);
    expect(store.getState().visit).toBeNull();
  });

  it('marks service, applicant, documents, review in order, then the receipt with the application id', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    const submitted = await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    await store.getState().settleVisitMarks();
    if (!submitted?.ok) throw new Error('submit failed');

    const marks = marksOf(fake);
    expect(marks.map((mark) => mark.step)).toEqual(['service', 'applicant', 'documents', 'review', 'receipt']);
    expect(new Set(marks.map((mark) => mark.visitId)).size).toBe(1);
    expect(marks.every((mark) => mark.kind === 'acceptance')).toBe(true);
    expect(marks.slice(0, 4).every((mark) => mark.applicationId === null)).toBe(true);
    // The service is named from the first mark, so main can show the step norms before any application exists.
    expect(marks.every((mark) => mark.serviceId !== null)).toBe(true);
    expect(marks[4]?.applicationId).toBe(submitted.value.applicationId);
    // Main's answer drives the timer: the receipt step, the visit linked to the 2014 service's 15-minute budget.
    expect(store.getState().visit?.timer).toMatchObject({ step: 'receipt', budgetMinutes: 15 });
  });

  it('ends the visit at "New application" and opens a new one with the next applicant', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    const firstVisit = store.getState().visit!.visitId;
    await store.getState().startNewApplication();
    expect(endedVisits(fake)).toEqual([firstVisit]);
    expect(store.getState().visit).toBeNull();

    await chooseService(store);
    await store.getState().settleVisitMarks();
    const second = marksOf(fake).slice(-2);
    expect(second.map((mark) => mark.step)).toEqual(['service', 'applicant']);
    expect(second[0]?.visitId).not.toBe(firstVisit);
    expect(second[0]?.visitId).toBe(second[1]?.visitId);
  });

  it('marks a step again when the operator goes back to it', async () => {
    const { store, fake } = await createSignedInStore();
    await chooseService(store);
    await findApplicant(store, '850415312343');
    await confirmApplicant(store);
    await fillRequiredSlots(store);
    store.getState().goToStep('applicant');
    store.getState().goToStep('documents');
    await store.getState().settleVisitMarks();
    expect(marksOf(fake).map((mark) => mark.step)).toEqual(['service', 'applicant', 'documents', 'applicant', 'documents']);
  });

  it('ends the visit at logout while main still holds the session', async () => {
    const { store, fake } = await createSignedInStore();
    await chooseService(store);
    const visitId = store.getState().visit!.visitId;
    await store.getState().logout();
    expect(endedVisits(fake)).toEqual([visitId]);
    expect(fake.journal.visits()).toMatchObject([{ visitId, isEnded: true }]);
  });

  it('never breaks the operator\'s work: a failing or throwing journal is ignored', async () => {
    const { store, fake } = await createSignedInStore();
    fake.impl.journal.markStep = async () => {
      throw new Error('host lost');
    };
    await chooseService(store);
    await findApplicant(store, '850415312343');
    await confirmApplicant(store);
    await store.getState().settleVisitMarks();
    expect(store.getState().step).toBe('documents');
    expect(store.getState().visit).toMatchObject({ kind: 'acceptance', step: 'documents', timer: null });
  });
});

describe('hand-over visits (marked for the hand-over screen)', () => {
  it('opens a hand-over visit at find, marks result, handover and the questionnaire, then ends after it', async () => {
    const { store, fake } = await createSignedInStore();
    const application = fake.queue.addApplication({ state: 'registered', serviceId: BOOKMAKER_2012.id });
    store.getState().beginHandoverVisit();
    store.getState().markHandoverStep('result', application.applicationId);
    store.getState().markHandoverStep('handover', application.applicationId);
    await store.getState().openQuestionnaire(application.applicationId);
    store.getState().chooseQuestionnaireAnswer('quality', 2);
    store.getState().chooseQuestionnaireAnswer('accessibility', 1);
    await store.getState().submitQuestionnaire();
    await store.getState().settleVisitMarks();

    const marks = marksOf(fake);
    expect(marks.map((mark) => [mark.kind, mark.step, mark.applicationId])).toEqual([
      ['handover', 'find', null],
      ['handover', 'result', application.applicationId],
      ['handover', 'handover', application.applicationId],
      ['handover', 'questionnaire', application.applicationId],
    ]);
    expect(endedVisits(fake)).toEqual([marks[0]!.visitId]);
    expect(store.getState().visit).toBeNull();
  });

  it('the hand-over screen marks find, result and handover itself, and ends the visit for the next applicant', async () => {
    const { store, fake } = await createSignedInStore();
    const { ready } = arrangeTrackedApplications(fake);
    store.getState().editHandOverQuery(ready.registrationNumber!);
    await store.getState().findForHandOver();
    await store.getState().fetchResultDocument(ready.applicationId);
    await store.getState().handOverChosen();
    await store.getState().settleVisitMarks();
    const marks = marksOf(fake);
    expect(marks.map((mark) => [mark.kind, mark.step, mark.applicationId])).toEqual([
      ['handover', 'find', null],
      ['handover', 'result', ready.applicationId],
      ['handover', 'handover', ready.applicationId],
    ]);
    store.getState().clearHandOver();
    expect(endedVisits(fake)).toEqual([marks[0]!.visitId]);
    expect(store.getState().visit).toBeNull();
  });

  it('a new hand-over ends the one before; an acceptance visit is not ended by the hand-over screen wiping citizen data', async () => {
    const { store, fake } = await createSignedInStore();
    store.getState().beginHandoverVisit();
    const first = store.getState().visit!.visitId;
    store.getState().resetCitizenData();
    expect(store.getState().visit?.visitId).toBe(first);
    store.getState().beginHandoverVisit();
    expect(endedVisits(fake)).toEqual([first]);
    expect(store.getState().visit?.visitId).not.toBe(first);
  });
});
