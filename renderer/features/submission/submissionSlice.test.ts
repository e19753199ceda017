import { describe, expect, it } from 'vitest';
import { arrangeReadyToSubmit, chooseService, createSignedInStore } from '../../test-support/arrangeStore';
import { CASINO_2014 } from '../../test-support/fakeFixtures';
import { selectCanSubmit, selectSubmittedApplication } from './submissionSelectors';

describe('submission', () => {
  it('submits the draft by its id; main assembles one PDF per document and closes the draft', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    const draftId = store.getState().draft?.draftId;
    const result = await store.getState().submitApplication();

    expect(fake.callsTo('submissions', 'submitDraft').map((call) => call.args)).toEqual([[draftId]]);
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
    expect(await store.getState().submitApplication()).toBeNull();
    expect(fake.callsTo('submissions', 'submitDraft')).toHaveLength(0);
  });

  it('submits once and keeps the registered application', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    const [first, second] = await Promise.all([store.getState().submitApplication(), store.getState().submitApplication()]);
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
    await store.getState().submitApplication();
    expect(store.getState().submission).toEqual({ kind: 'failed', error: { kind: 'unreadable-page', slotId: 'identity' } });
    expect(selectCanSubmit(store.getState())).toBe(true);
    expect(fake.callsTo('drafts', 'get').length).toBeGreaterThan(0);
  });
});
