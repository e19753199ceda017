import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeWorkstationOptions } from '../test-support/fakeWorkstationApi';
import { createTestStore } from '../test-support/arrangeStore';
import { CASINO_2014, OPERATOR_PASSWORD, PSC_OPERATOR } from '../test-support/fakeFixtures';
import { fakePdf } from '../test-support/fakeImages';
import { FAKE_KEY_PASSWORD, fakeKeyFile } from '../test-support/fakeSigningKeys';
import { App } from './App';

afterEach(cleanup);

/** The whole counter flow through the screens, as an operator would do it. */
async function takeApplicationThroughTheScreens(options?: FakeWorkstationOptions) {
  const arranged = createTestStore(options);
  render(<App store={arranged.store} />);

  fireEvent.change(await screen.findByTestId('login-username'), { target: { value: PSC_OPERATOR.login } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: OPERATOR_PASSWORD } });
  fireEvent.click(screen.getByTestId('login-submit'));

  fireEvent.change(await screen.findByTestId('service-search'), { target: { value: 'казино' } });
  fireEvent.click(await screen.findByTestId(`service-option-${CASINO_2014.id}`));
  fireEvent.click(screen.getByTestId('subtype-issue'));
  fireEvent.click(screen.getByTestId('service-next'));

  fireEvent.change(await screen.findByTestId('applicant-id'), { target: { value: '850415312343' } });
  fireEvent.click(screen.getByTestId('applicant-lookup'));
  await screen.findByTestId('applicant-card');
  fireEvent.click(screen.getByTestId('applicant-next'));

  // Each import goes to the first required document still without pages: the counter never has to pick.
  const required = ['application', 'identity', 'fee-receipt', 'qualification'];
  for (const [index, slotId] of required.entries()) {
    expect(within(await screen.findByTestId(`slot-${slotId}`)).getByTestId('slot-active')).toBeTruthy();
    fireEvent.change(screen.getByTestId('import-file-input'), { target: { files: [new File([fakePdf(1)], `${slotId}.pdf`)] } });
    await waitFor(() => expect(screen.getAllByTestId('document-row')).toHaveLength(index + 1));
  }
  expect(screen.getAllByTestId('document-row')[1]!.textContent).toContain('identity.pdf');
  fireEvent.click(screen.getByTestId('documents-next'));

  // Step 6: the operator's key file and its password; "Sign and submit" waits for both.
  const review = await screen.findByTestId('submit-application');
  expect(review).toHaveProperty('disabled', true);
  fireEvent.change(screen.getByTestId('sign-key-file-input'), { target: { files: [fakeKeyFile('valid')] } });
  await waitFor(() => expect(screen.getByTestId('sign-password')).toHaveProperty('disabled', false));
  fireEvent.change(screen.getByTestId('sign-password'), { target: { value: FAKE_KEY_PASSWORD } });
  expect(review).toHaveProperty('disabled', false);
  return { ...arranged, review };
}

describe('App: taking an application', () => {
  it('submits and shows the registration number', async () => {
    const { review, fake } = await takeApplicationThroughTheScreens();
    expect(screen.getByText('Жұмабеков Ерғали Өмірұлы')).toBeTruthy();
    expect(screen.getByTestId('review-slot-identity').textContent).toBe('Жеке басын куәландыратын құжат — 1 бет · қағаз түрінде ұсынылды деп белгіленбеген');
    fireEvent.click(review);

    expect((await screen.findByTestId('registration-number')).textContent).toBe('KZ-LIC-2025-00001');
    expect(screen.getByTestId('local-number').textContent).toBe('WS01-000001');
    expect(screen.getByTestId('application-state').textContent).toBe('Тіркелді');
    expect(fake.callsTo('drafts', 'start')[0]?.args[0]).toEqual({ serviceId: CASINO_2014.id, subtype: 'issue' });
    expect(fake.callsTo('submissions', 'submitDraft')).toHaveLength(1);
  });

  it('shows the local number and automatic sending when the backend has not answered yet', async () => {
    const { review } = await takeApplicationThroughTheScreens({ submitState: 'accepted', language: 'en' });
    fireEvent.click(review);

    expect((await screen.findByTestId('local-number')).textContent).toBe('WS01-000001');
    expect(screen.queryByTestId('registration-number')).toBeNull();
    expect(screen.getByText('Application accepted at the counter')).toBeTruthy();
    expect(screen.getByText(/will be sent to e-licensing automatically/)).toBeTruthy();
    expect(screen.getByTestId('application-state').textContent).toBe('Accepted, being sent');
  });

  it('starts over at step 1 with "New application"', async () => {
    const { review, store } = await takeApplicationThroughTheScreens();
    fireEvent.click(review);
    fireEvent.click(await screen.findByTestId('new-application'));

    expect((await screen.findByTestId('service-search')) as HTMLInputElement).toHaveProperty('value', '');
    expect(store.getState().draft).toBeNull();
    expect(store.getState().lookup).toEqual({ kind: 'idle' });
  });

  it('shows the submitted application in the journal', async () => {
    const { review } = await takeApplicationThroughTheScreens();
    fireEvent.click(review);
    await screen.findByTestId('registration-number');
    fireEvent.click(screen.getByTestId('nav-applications'));

    const [row] = await screen.findAllByTestId('applications-row');
    expect(row!.textContent).toContain('WS01-000001');
    expect(row!.textContent).toContain('KZ-LIC-2025-00001');
    expect(row!.textContent).toContain(CASINO_2014.title.kk);
    expect(row!.textContent).toContain('Жұмабеков Ерғали Өмірұлы');
    expect(row!.textContent).toContain('850415312343');
    expect(row!.textContent).toContain('Тіркелді');
  });

  it('logs out from the header and leaves no citizen data in the store', async () => {
    const { review, store } = await takeApplicationThroughTheScreens();
    fireEvent.click(review);
    await screen.findByTestId('registration-number');
    fireEvent.click(screen.getByTestId('logout'));

    expect(await screen.findByTestId('login-username')).toBeTruthy();
    const remaining = JSON.stringify(store.getState());
    for (const trace of ['850415312343', 'Жұмабеков', 'identity.pdf', 'KZ-LIC-2025-00001']) expect(remaining).not.toContain(trace);
  });
});
