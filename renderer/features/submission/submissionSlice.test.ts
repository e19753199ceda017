import { describe, expect, it } from 'vitest';
import { arrangeReadyToSubmit, chooseService, confirmApplicant, createSignedInStore, fillRequiredSlots, findApplicant, pickKey } from '../../test-support/arrangeStore';
import { ACTIVE_COMPANY, CASINO_2014, PROVIDER_EMPLOYEE, SECURITY_2012 } from '../../test-support/fakeFixtures';
import { FAKE_KEY_PASSWORD, fakeKeyFileBase64 } from '../../test-support/fakeSigningKeys';
import { selectKeyProblem } from '../signing/signingSelectors';
import { selectCanSubmit, selectSubmittedApplication } from './submissionSelectors';

describe('submission', () => {
  it('signs with the key file and password and submits the draft by its id; main assembles one PDF per document and closes the draft', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    const draftId = store.getState().draft?.draftId;
    const result = await store.getState().submitApplication(FAKE_KEY_PASSWORD);

    expect(fake.callsTo('submissions', 'submitDraft').map((call) => call.args)).toEqual([
      [
        draftId,
        {
          kind: 'key-file',
          key: { kind: 'file', fileName: 'operator.p12', path: null, bytesBase64: fakeKeyFileBase64('valid') },
          password: FAKE_KEY_PASSWORD,
        },
      ],
    ]);
    expect(result?.ok && result.value.serviceId).toBe(CASINO_2014.id);
    expect(result?.ok && result.value.documents.map((document) => document.fileName)).toEqual([
      'Лицензия алуға өтініш.pdf',
      'Жеке басын куәландыратын құжат.pdf',
      'Лицензиялық алымның төленгенін растайтын құжат.pdf',
      'Біліктілік талаптарына сәйкестігін растайтын құжаттар.pdf',
    ]);
    expect(store.getState().draft).toBeNull();
    expect(fake.drafts.all.find((draft) => draft.draftId === draftId)?.state).toBe('submitted');
  });

  it('cannot submit while the draft is incomplete', async () => {
    const { store, fake } = await createSignedInStore();
    await chooseService(store);
    expect(selectCanSubmit(store.getState())).toBe(false);
    expect(await store.getState().submitApplication(FAKE_KEY_PASSWORD)).toBeNull();
    expect(fake.callsTo('submissions', 'submitDraft')).toHaveLength(0);
  });

  it('sends nothing for an EDS service without a key or without a password', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    expect(await store.getState().submitApplication()).toBeNull();
    expect(await store.getState().submitApplication('')).toBeNull();
    store.getState().clearSigning();
    expect(await store.getState().submitApplication(FAKE_KEY_PASSWORD)).toBeNull();
    expect(fake.callsTo('submissions', 'submitDraft')).toHaveLength(0);
    expect(store.getState().submission).toEqual({ kind: 'idle' });
  });

  it('asks NCALayer to sign without a password', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    store.getState().chooseSigningMethod('ncalayer');
    const result = await store.getState().submitApplication();
    expect(fake.callsTo('submissions', 'submitDraft')[0]?.args[1]).toEqual({ kind: 'ncalayer' });
    expect(result?.ok).toBe(true);
  });

  it('sends no signature for a provider service, which the regulation does not sign', async () => {
    const { store, fake } = await createSignedInStore({ operator: PROVIDER_EMPLOYEE });
    await chooseService(store, SECURITY_2012.id);
    await findApplicant(store, ACTIVE_COMPANY.bin, 'legal-entity');
    await confirmApplicant(store);
    await fillRequiredSlots(store);
    store.getState().goToStep('review');
    const result = await store.getState().submitApplication();
    expect(fake.callsTo('submissions', 'submitDraft')[0]?.args[1]).toBeNull();
    expect(result?.ok).toBe(true);
  });

  it('keeps the draft and the problem at the key when signing fails; nothing is queued', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    await pickKey(store, 'expired');
    const draftId = store.getState().draft?.draftId;
    const result = await store.getState().submitApplication(FAKE_KEY_PASSWORD);

    expect(result).toEqual({ ok: false, error: { kind: 'signing-failed', problem: { kind: 'expired', notAfter: '2024-01-10T12:00:00.000Z' }, card: null } });
    expect(selectKeyProblem(store.getState())).toEqual({ kind: 'expired', notAfter: '2024-01-10T12:00:00.000Z' });
    expect(store.getState().draft?.draftId).toBe(draftId);
    expect(fake.drafts.all.find((draft) => draft.draftId === draftId)?.state).toBe('open');
    expect(await fake.api.submissions.list()).toEqual({ ok: true, value: [] });
    expect(selectCanSubmit(store.getState())).toBe(true);

    // Another key: the problem was about the one before.
    await pickKey(store, 'valid');
    expect(selectKeyProblem(store.getState())).toBeNull();
    expect((await store.getState().submitApplication(FAKE_KEY_PASSWORD))?.ok).toBe(true);
  });

  it('reports a wrong password at signing like at the check', async () => {
    const { store } = await arrangeReadyToSubmit();
    await store.getState().submitApplication('not-the-password');
    expect(store.getState().submission).toEqual({ kind: 'failed', error: { kind: 'signing-failed', problem: { kind: 'wrong-password' }, card: null } });
    expect(selectKeyProblem(store.getState())).toEqual({ kind: 'wrong-password' });
  });

  it('submits once and keeps the registered application', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    const [first, second] = await Promise.all([
      store.getState().submitApplication(FAKE_KEY_PASSWORD),
      store.getState().submitApplication(FAKE_KEY_PASSWORD),
    ]);
    expect(first?.ok).toBe(true);
    expect(second).toBeNull();
    expect(fake.callsTo('submissions', 'submitDraft')).toHaveLength(1);
    expect(selectSubmittedApplication(store.getState())?.registrationNumber).toBe('KZ-LIC-2025-00001');
    expect(selectCanSubmit(store.getState())).toBe(false);
  });

  it("keeps main's refusal so the review step can explain it, and shows the pages main has", async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    const [page] = store.getState().draft?.slots.find((slot) => slot.slotId === 'identity')?.pages ?? [];
    fake.drafts.damagePage(page!.pageId);
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    expect(store.getState().submission).toEqual({ kind: 'failed', error: { kind: 'unreadable-page', slotId: 'identity' } });
    expect(selectCanSubmit(store.getState())).toBe(true);
    expect(fake.callsTo('drafts', 'get').length).toBeGreaterThan(0);
  });

  it('starts the next application without the last one’s signing problem', async () => {
    const { store } = await arrangeReadyToSubmit();
    await store.getState().submitApplication('not-the-password');
    expect(selectKeyProblem(store.getState())).not.toBeNull();
    await store.getState().startNewApplication();
    expect(selectKeyProblem(store.getState())).toBeNull();
    expect(store.getState().pickedKey?.fileName).toBe('operator.p12');
  });
});
