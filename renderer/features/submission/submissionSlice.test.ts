import { describe, expect, it } from 'vitest';
import { arrangeReadyToSubmit, chooseService, createSignedInStore } from '../../test-support/arrangeStore';
import { CASINO_2014 } from '../../test-support/fakeFixtures';
import { selectCanSubmit, selectSubmitRequest, selectSubmittedApplication } from './submissionSelectors';

describe('submission', () => {
  it('builds the request from the draft: service, subtype, registry snapshot, no representative, documents', async () => {
    const { store } = await arrangeReadyToSubmit();
    const state = store.getState();
    const card = state.lookup.kind === 'found' ? state.lookup.card : null;
    expect(selectSubmitRequest(state)).toEqual({
      serviceId: CASINO_2014.id,
      subtype: 'issue',
      applicantSnapshotId: card?.snapshotId,
      representativeSnapshotId: null,
      documentIds: state.documents.map((document) => document.documentId),
    });
  });

  it('has no request while a part of the draft is missing', async () => {
    const { store } = await createSignedInStore();
    chooseService(store);
    expect(selectSubmitRequest(store.getState())).toBeNull();
    expect(await store.getState().submitApplication()).toBeNull();
  });

  it('submits once and keeps the registered application', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    const [first, second] = await Promise.all([store.getState().submitApplication(), store.getState().submitApplication()]);
    expect(first?.ok).toBe(true);
    expect(second).toBeNull();
    expect(fake.callsTo('submissions', 'submit')).toHaveLength(1);
    expect(selectSubmittedApplication(store.getState())?.registrationNumber).toBe('KZ-LIC-2025-00001');
    expect(selectCanSubmit(store.getState())).toBe(false);
  });

  it("keeps main's refusal so the review step can explain it", async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    fake.impl.submissions.submit = async () => ({ ok: false, error: { kind: 'unknown-document' } });
    await store.getState().submitApplication();
    expect(store.getState().submission).toEqual({ kind: 'failed', error: { kind: 'unknown-document' } });
    expect(selectCanSubmit(store.getState())).toBe(true);
  });
});
