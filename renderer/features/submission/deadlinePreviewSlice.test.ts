import { describe, expect, it } from 'vitest';
import { chooseService, createSignedInStore } from '../../test-support/arrangeStore';
import { BOOKMAKER_2012, CASINO_2014 } from '../../test-support/fakeFixtures';
import { selectDeadlinePreview } from './deadlinePreviewSelectors';

describe('deadline preview', () => {
  it('asks nothing before a service and subtype are chosen', async () => {
    const { store, fake } = await createSignedInStore();
    expect(await store.getState().loadDeadlinePreview()).toBeNull();
    expect(fake.callsTo('catalog', 'previewDeadline')).toHaveLength(0);
  });

  it('keeps the preview for its own service and subtype only', async () => {
    const { store } = await createSignedInStore();
    await chooseService(store, CASINO_2014.id, 'reissue');
    await store.getState().loadDeadlinePreview();
    expect(selectDeadlinePreview(store.getState())).toMatchObject({
      kind: 'loaded',
      preview: { acceptedOn: '2025-03-04', workingDays: 10, plannedResultDate: '2025-03-19', acceptanceDayCounts: false },
    });
    store.getState().selectSubtype('issue');
    expect(selectDeadlinePreview(store.getState())).toEqual({ kind: 'idle' });
  });

  it('drops an answer for a choice the operator has already changed', async () => {
    const { store, fake } = await createSignedInStore();
    let answer: () => void = () => undefined;
    const original = fake.impl.catalog.previewDeadline;
    fake.impl.catalog.previewDeadline = (request) => new Promise((resolve) => (answer = () => resolve(original(request))));
    await chooseService(store, CASINO_2014.id);
    const pending = store.getState().loadDeadlinePreview();
    store.getState().selectService(BOOKMAKER_2012.id);
    answer();
    await pending;
    expect(store.getState().deadlinePreview.kind).toBe('loading');
    expect(selectDeadlinePreview(store.getState())).toEqual({ kind: 'idle' });
  });

  it('ends the session when main answers not-signed-in', async () => {
    const { store, fake } = await createSignedInStore();
    await chooseService(store);
    fake.expireSession();
    await store.getState().loadDeadlinePreview();
    expect(store.getState().sessionNotice).toBe('session-expired');
    expect(store.getState().deadlinePreview).toEqual({ kind: 'idle' });
  });
});
