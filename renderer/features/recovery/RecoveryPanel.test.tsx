import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { bytesFileSource, chooseService, confirmApplicant, createSignedInStore, fillRequiredSlots, findApplicant, pdfFileSource } from '../../test-support/arrangeStore';
import { CASINO_2012, CASINO_2014, SUPERVISOR } from '../../test-support/fakeFixtures';
import { fakePng } from '../../test-support/fakeImages';
import { FAKE_KEY_PASSWORD } from '../../test-support/fakeSigningKeys';
import { createFakeWorkstation, type FakeWorkstation } from '../../test-support/fakeWorkstationApi';
import { createTranslator } from '../../i18n/translator';
import { formatStartedAt } from './startedAt';

afterEach(cleanup);


/** An operator takes an application as far as `until`, then the renderer dies (a crash, a reload, a power cut). */
async function leaveUnfinished(fake: FakeWorkstation, until: 'service' | 'documents'): Promise<string> {
  const { store } = await createSignedInStore({}, fake);
  await chooseService(store);
  if (until === 'documents') {
    await findApplicant(store, '850415312343');
    await confirmApplicant(store);
    await store.getState().importFiles([bytesFileSource('photo.png', fakePng()), pdfFileSource('passport.pdf')]);
  }
  return store.getState().draft!.draftId;
}

/** A fresh renderer on the same main: the operator logs in again. */
async function signInAgain(fake: FakeWorkstation) {
  const arranged = await createSignedInStore({ language: 'en' }, fake);
  render(<App store={arranged.store} />);
  return arranged;
}

describe('RecoveryPanel', () => {
  it('offers an unfinished application after login and restores it at the documents step with every page', async () => {
    const fake = createFakeWorkstation({ language: 'en' });
    const draftId = await leaveUnfinished(fake, 'documents');
    const { store } = await signInAgain(fake);

    const panel = await screen.findByTestId('recovery-panel');
    const createdAt = fake.drafts.all.find((draft) => draft.draftId === draftId)!.createdAt;
    expect(within(panel).getByTestId('recovery-item').textContent).toContain(
      `An unfinished application was found: ${CASINO_2014.title.en} (Licence issue), Жұмабеков Ерғали Өмірұлы, 2 pages scanned, started ${formatStartedAt(createdAt, new Date(), createTranslator('en'))}.`,
    );
    fireEvent.click(screen.getByTestId('recovery-continue'));

    await waitFor(() => expect(within(screen.getByTestId('slot-application')).getAllByTestId('page-thumb')).toHaveLength(2));
    expect(screen.queryByTestId('recovery-panel')).toBeNull();
    expect(store.getState().step).toBe('documents');
    await waitFor(() => expect(screen.getByTestId('slot-application').querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/jpeg/));
  });

  it('goes on to submit a continued application without a new lookup: main kept the applicant', async () => {
    // Main also kept the key file used last (Electron knew its path): only the password is typed.
    const fake = createFakeWorkstation({ language: 'en', signing: { rememberedKey: { key: 'valid', reopenable: true } } });
    await leaveUnfinished(fake, 'documents');
    const { store } = await signInAgain(fake);
    fireEvent.click(await screen.findByTestId('recovery-continue'));
    await screen.findByTestId('documents-next');
    fireEvent.click(screen.getByTestId('step-applicant'));
    expect((await screen.findByTestId('applicant-kept')).textContent).toBe(
      'Applicant of the continued application: Жұмабеков Ерғали Өмірұлы. Look up again only if the applicant or the representative has to change.',
    );
    fireEvent.click(screen.getByTestId('applicant-next'));
    await screen.findByTestId('documents-next');
    await fillRequiredSlots(store);
    await waitFor(() => expect(screen.getByTestId('documents-next')).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByTestId('documents-next'));

    await screen.findByTestId('submit-application');
    expect(screen.getByText('Жұмабеков Ерғали Өмірұлы')).toBeTruthy();
    expect((await screen.findByTestId('sign-remembered-key')).textContent).toBe('Last used: operator.p12');
    fireEvent.change(screen.getByTestId('sign-password'), { target: { value: FAKE_KEY_PASSWORD } });
    fireEvent.click(screen.getByTestId('submit-application'));
    expect((await screen.findByTestId('registration-number')).textContent).toBe('KZ-LIC-2025-00001');
  });

  it('continues at the applicant step when no applicant was looked up yet', async () => {
    const fake = createFakeWorkstation({ language: 'en' });
    await leaveUnfinished(fake, 'service');
    await signInAgain(fake);
    expect((await screen.findByTestId('recovery-item')).textContent).toContain('applicant not yet looked up, 0 pages scanned');
    fireEvent.click(screen.getByTestId('recovery-continue'));
    expect(await screen.findByTestId('applicant-id')).toBeTruthy();
    expect(screen.getByTestId('applicant-next')).toHaveProperty('disabled', true);
  });

  it('discards an unfinished application in main', async () => {
    const fake = createFakeWorkstation({ language: 'en' });
    const draftId = await leaveUnfinished(fake, 'documents');
    await signInAgain(fake);
    fireEvent.click(await screen.findByTestId('recovery-discard'));
    await waitFor(() => expect(screen.queryByTestId('recovery-panel')).toBeNull());
    expect(fake.drafts.all.find((draft) => draft.draftId === draftId)?.state).toBe('discarded');
  });

  it('waits while the operator takes another application, and comes back after it', async () => {
    const fake = createFakeWorkstation({ language: 'en' });
    await leaveUnfinished(fake, 'service');
    const { store } = await signInAgain(fake);
    await screen.findByTestId('recovery-panel');
    await chooseService(store);
    await waitFor(() => expect(screen.queryByTestId('recovery-panel')).toBeNull());
    fireEvent.click(screen.getByTestId('cancel-application'));
    expect(await screen.findByTestId('recovery-panel')).toBeTruthy();
    expect(screen.getAllByTestId('recovery-item')).toHaveLength(1);
  });

  it('offers only Discard for a service version no longer offered here', async () => {
    const fake = createFakeWorkstation({ language: 'en' });
    await leaveUnfinished(fake, 'documents');
    const supervisor = await createSignedInStore({ operator: SUPERVISOR }, fake);
    await supervisor.store.getState().chooseServiceVersion('casino', CASINO_2012.id);
    await signInAgain(fake);

    const item = await screen.findByTestId('recovery-item');
    expect(item.textContent).toContain('This version of the service is no longer offered here');
    expect(screen.getByTestId('recovery-continue')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('recovery-discard')).toHaveProperty('disabled', false);
  });
});
