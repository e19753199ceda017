import { describe, expect, it } from 'vitest';
import { arrangeReadyToSubmit, createSignedInStore, pickKey } from '../../test-support/arrangeStore';
import { FAKE_KEY_PASSWORD } from '../../test-support/fakeSigningKeys';
import { selectDrainingBacklog, selectQueueApplications, selectWaitingCount } from './queueSelectors';

describe('queue slice', () => {
  it('keeps the last status, and reloads a loaded list only when the counts moved', async () => {
    const { store, fake } = await createSignedInStore();
    const { applicationId } = fake.queue.addApplication({ state: 'accepted' });
    await store.getState().refreshQueueStatus();
    expect(selectWaitingCount(store.getState())).toBe(1);
    // No list on screen: polling alone never pulls citizen data into the renderer.
    expect(fake.callsTo('submissions', 'list')).toHaveLength(0);

    await store.getState().loadApplications();
    await store.getState().refreshQueueStatus();
    expect(fake.callsTo('submissions', 'list')).toHaveLength(1);

    fake.queue.register(applicationId);
    await store.getState().refreshQueueStatus();
    expect(fake.callsTo('submissions', 'list')).toHaveLength(2);
    expect(selectQueueApplications(store.getState())[0]).toMatchObject({ applicationId, state: 'registered' });
    expect(selectWaitingCount(store.getState())).toBe(0);
  });

  it('shows the backlog only while something of it waits', async () => {
    const { store, fake } = await createSignedInStore();
    await store.getState().refreshQueueStatus();
    expect(selectDrainingBacklog(store.getState())).toBeNull();
    const [first] = [1, 2].map(() => fake.queue.addApplication({ state: 'accepted' }));
    fake.queue.register(first!.applicationId);
    await store.getState().refreshQueueStatus();
    expect(selectDrainingBacklog(store.getState())).toEqual({ total: 1, remaining: 1 });
    fake.queue.drain();
    await store.getState().refreshQueueStatus();
    expect(selectDrainingBacklog(store.getState())).toBeNull();
  });

  it('lists what needs the operator first, then what is sent or waits, then the rest', async () => {
    const { store, fake } = await createSignedInStore();
    const registered = fake.queue.addApplication({ state: 'registered' });
    const waiting = fake.queue.addApplication({ state: 'accepted' });
    const refused = fake.queue.addApplication({ state: 'needs-attention' });
    const sending = fake.queue.addApplication({ state: 'accepted' });
    fake.queue.startSending(sending.applicationId);
    await store.getState().refreshQueueStatus();
    await store.getState().loadApplications();
    expect(selectQueueApplications(store.getState()).map((application) => application.applicationId)).toEqual(
      [refused, sending, waiting, registered].map((application) => application.applicationId),
    );
  });

  it('puts main’s answer to an action in the list at once, and keeps a failure with its application', async () => {
    const { store, fake } = await createSignedInStore();
    const { applicationId } = fake.queue.addApplication({ state: 'accepted' });
    await store.getState().loadApplications();
    const retried = store.getState().retryApplication(applicationId);
    expect(store.getState().queueBusy).toEqual({ [applicationId]: 'retry' });
    await retried;
    expect(store.getState().queueBusy).toEqual({});
    expect(selectQueueApplications(store.getState())[0]?.state).toBe('registered');

    await store.getState().withdrawApplication(applicationId);
    expect(store.getState().queueFailures[applicationId]).toEqual({ action: 'withdraw', error: { kind: 'not-pending' } });
  });

  it('re-signs with the key on screen and the password given, and needs both', async () => {
    const { store, fake } = await createSignedInStore();
    const { applicationId } = fake.queue.addApplication({ state: 'needs-attention', problemCode: 'certificate-not-valid' });
    expect(await store.getState().resignApplication(applicationId, FAKE_KEY_PASSWORD)).toBeNull();
    await pickKey(store);
    expect(await store.getState().resignApplication(applicationId, '')).toBeNull();
    expect(fake.callsTo('queue', 'resign')).toHaveLength(0);
    const wrong = await store.getState().resignApplication(applicationId, 'Kilt#2024');
    expect(wrong).toEqual({ ok: false, error: { kind: 'signing-failed', problem: { kind: 'wrong-password' }, card: null } });
    expect(store.getState().queueFailures[applicationId]?.action).toBe('resign');
    expect(await store.getState().resignApplication(applicationId, FAKE_KEY_PASSWORD)).toMatchObject({ ok: true, value: { state: 'accepted' } });
    expect(store.getState().queueFailures).toEqual({});
    expect(JSON.stringify(store.getState())).not.toContain(FAKE_KEY_PASSWORD);
  });

  it('toggles pause and resume from the last known status', async () => {
    const { store, fake } = await createSignedInStore();
    await store.getState().toggleQueuePause();
    expect(fake.callsTo('queue', 'pause')).toHaveLength(0);
    await store.getState().refreshQueueStatus();
    await store.getState().toggleQueuePause();
    expect(fake.queue.isPaused).toBe(true);
    expect(store.getState().queueStatus?.paused).toBe(true);
    await store.getState().toggleQueuePause();
    expect(fake.queue.isPaused).toBe(false);
  });

  it('forgets the queue at logout and drops a status answered after it', async () => {
    const { store, fake } = await createSignedInStore();
    await store.getState().refreshQueueStatus();
    expect(store.getState().queueStatus).not.toBeNull();
    let answer: () => void = () => undefined;
    const original = fake.impl.queue.status;
    fake.impl.queue.status = () => new Promise((resolve) => (answer = () => resolve(original())));
    const pending = store.getState().refreshQueueStatus();
    await Promise.resolve();
    await store.getState().logout();
    answer();
    await pending;
    expect(store.getState().queueStatus).toBeNull();
    await store.getState().refreshQueueStatus();
    expect(fake.callsTo('queue', 'status')).toHaveLength(2);
  });

  it('ends the session when main has lost it', async () => {
    const { store, fake } = await createSignedInStore();
    fake.expireSession();
    await store.getState().refreshQueueStatus();
    expect(store.getState().operator).toBeNull();
    expect(store.getState().sessionNotice).toBe('session-expired');
  });

  it('turns the result screen from "accepted" to "registered" when the backend confirms', async () => {
    const { store, fake } = await arrangeReadyToSubmit({ submitState: 'accepted' });
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    await store.getState().refreshQueueStatus();
    const submitted = store.getState().submission;
    expect(submitted.kind === 'done' && submitted.application.state).toBe('accepted');
    fake.queue.drain();
    await store.getState().refreshQueueStatus();
    const after = store.getState().submission;
    expect(after.kind === 'done' && after.application).toMatchObject({ state: 'registered', registrationNumber: 'KZ-LIC-2025-00001' });
  });
});
