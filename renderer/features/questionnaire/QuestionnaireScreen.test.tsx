import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { arrangeReadyToSubmit, createSignedInStore } from '../../test-support/arrangeStore';
import { BOOKMAKER_2012 } from '../../test-support/fakeFixtures';
import { QUESTIONNAIRE_000_B } from '../../test-support/fakeQuestionnaires';
import { FAKE_KEY_PASSWORD } from '../../test-support/fakeSigningKeys';
import type { FakeWorkstationOptions } from '../../test-support/fakeWorkstationApi';

afterEach(cleanup);

async function openFor(options: FakeWorkstationOptions = {}) {
  const arranged = await createSignedInStore(options);
  const application = arranged.fake.queue.addApplication({ state: 'registered', serviceId: BOOKMAKER_2012.id });
  render(<App store={arranged.store} />);
  await screen.findByTestId('nav-applications');
  await act(() => arranged.store.getState().openQuestionnaire(application.applicationId));
  return { ...arranged, applicationId: application.applicationId };
}

describe('Questionnaire screen', () => {
  it('shows the regulation\'s two questions in Kazakh and sends the answers clicked', async () => {
    const { fake, store, applicationId } = await openFor();
    const view = await screen.findByTestId('questionnaire-screen');
    expect(view.textContent).toContain(QUESTIONNAIRE_000_B.questions[0]!.text.kk);
    expect(screen.getByTestId('questionnaire-answer-quality-0').textContent).toContain('қанағаттанбаймын');
    expect((screen.getByTestId('questionnaire-submit') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByTestId('questionnaire-answer-quality-2'));
    fireEvent.click(screen.getByTestId('questionnaire-answer-accessibility-0'));
    expect(screen.getByTestId('questionnaire-answer-quality-2').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByTestId('questionnaire-submit'));

    expect(await screen.findByTestId('questionnaire-done')).toBeTruthy();
    expect(fake.callsTo('questionnaire', 'answer').map((call) => call.args)).toEqual([[applicationId, { quality: 2, accessibility: 0 }]]);
    expect(fake.questionnaire.answers.get(applicationId)?.answers).toEqual({ quality: 2, accessibility: 0 });

    fireEvent.click(screen.getByTestId('questionnaire-back'));
    expect(store.getState().view).toBe('application');
    expect(screen.queryByTestId('questionnaire-screen')).toBeNull();
  });

  it('answers with keys 1–3 (the first open question) and Enter sends', async () => {
    const { fake, applicationId } = await openFor();
    await screen.findByTestId('questionnaire-answer-quality-0');
    fireEvent.keyDown(window, { code: 'Digit2' });
    fireEvent.keyDown(window, { code: 'Numpad3' });
    expect(screen.getByTestId('questionnaire-answer-quality-1').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('questionnaire-answer-accessibility-2').getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(window, { code: 'Enter' });
    expect(await screen.findByTestId('questionnaire-done')).toBeTruthy();
    expect(fake.callsTo('questionnaire', 'answer').map((call) => call.args)).toEqual([[applicationId, { quality: 1, accessibility: 2 }]]);
  });

  it('starts in Russian for an English interface and lets the applicant switch to Kazakh', async () => {
    await openFor({ language: 'en' });
    const view = await screen.findByTestId('questionnaire-screen');
    expect(view.textContent).toContain(QUESTIONNAIRE_000_B.questions[1]!.text.ru);
    expect(view.textContent).not.toContain('Please rate');
    fireEvent.click(screen.getByTestId('questionnaire-language'));
    expect(view.textContent).toContain(QUESTIONNAIRE_000_B.questions[1]!.text.kk);
    expect(screen.getByTestId('questionnaire-language').textContent).toBe('Русский');
  });

  it('says so when the application was already answered', async () => {
    const { store, applicationId } = await openFor({ language: 'ru' });
    store.getState().chooseQuestionnaireAnswer('quality', 0);
    store.getState().chooseQuestionnaireAnswer('accessibility', 0);
    await act(() => store.getState().submitQuestionnaire());
    await act(() => store.getState().openQuestionnaire(applicationId));
    const message = await screen.findByTestId('questionnaire-unavailable');
    expect(message.getAttribute('data-reason')).toBe('already-answered');
    expect(message.textContent).toContain('уже ответили');
  });

  it('is offered after the receipt; the 2014 regulation has no questionnaire and says so', async () => {
    const { store, fake } = await arrangeReadyToSubmit({ language: 'ru' });
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    render(<App store={store} />);
    fireEvent.click(await screen.findByTestId('offer-questionnaire'));
    const message = await screen.findByTestId('questionnaire-unavailable');
    expect(message.getAttribute('data-reason')).toBe('no-questionnaire');
    expect(message.textContent).toBe('Регламент этой услуги не предусматривает анкету.');
    await act(() => store.getState().settleVisitMarks());
    expect(fake.callsTo('journal', 'markStep').map((call) => (call.args[0] as { step: string }).step).slice(-2)).toEqual(['receipt', 'questionnaire']);
    fireEvent.click(screen.getByTestId('questionnaire-back'));
    expect(await screen.findByTestId('new-application')).toBeTruthy();
    expect(fake.callsTo('journal', 'endVisit')).toHaveLength(1);
  });
});
