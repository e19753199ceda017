import { describe, expect, it } from 'vitest';
import type { ApplicationSummary } from '../../core/contract';
import { createSignedInStore } from './arrangeStore';
import { ACTIVE_COMPANY, SECURITY_2012 } from './fakeFixtures';
import { FAKE_KEY_PASSWORD, fakeKeyFileBase64, type FakeKeyName } from './fakeSigningKeys';

const keyFile = (name: FakeKeyName, password = FAKE_KEY_PASSWORD) =>
  ({ kind: 'key-file', key: { kind: 'file', fileName: 'operator.p12', path: null, bytesBase64: fakeKeyFileBase64(name) }, password }) as const;

async function arrange(options?: Parameters<typeof createSignedInStore>[0]) {
  const { fake } = await createSignedInStore(options);
  const status = async () => {
    const answer = await fake.api.queue.status();
    if (!answer.ok) throw new Error(answer.error.kind);
    return answer.value;
  };
  return { fake, status };
}

const stateOf = (fake: { queue: { applications: readonly ApplicationSummary[] } }, id: string) =>
  fake.queue.applications.find((application) => application.applicationId === id)?.state;

/** The fake stands in for main's outbox in every queue test, so its own rules are pinned here. */
describe('fake queue', () => {
  it('counts the journal by state, with the applications in flight as a subset of the waiting ones', async () => {
    const { fake, status } = await arrange();
    const waiting = fake.queue.addApplication({ state: 'accepted' });
    fake.queue.addApplication({ state: 'accepted' });
    fake.queue.addApplication({ state: 'registered' });
    fake.queue.addApplication({ state: 'needs-attention', problemCode: 'certificate-revoked' });
    fake.queue.startSending(waiting.applicationId);
    expect(await status()).toMatchObject({
      connectivity: { state: 'online' },
      paused: false,
      counts: { accepted: 2, sending: 1, registered: 1, needsAttention: 1, withdrawn: 0 },
      sendingIds: [waiting.applicationId],
      backlog: { total: 2, remaining: 2 },
    });
  });

  it('answers not-signed-in to every method without a session', async () => {
    const { fake } = await arrange();
    const { applicationId } = fake.queue.addApplication({ state: 'accepted' });
    fake.expireSession();
    for (const answer of [
      await fake.api.queue.status(),
      await fake.api.queue.pause(),
      await fake.api.queue.resume(),
      await fake.api.queue.retryNow(applicationId),
      await fake.api.queue.withdraw(applicationId),
      await fake.api.queue.resign(applicationId, { kind: 'ncalayer' }),
    ]) {
      expect(answer).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
    }
  });

  it('keeps the backlog total while it drains and forgets it once the queue is empty', async () => {
    const { fake, status } = await arrange();
    const [first, second, third] = [1, 2, 3].map(() => fake.queue.addApplication({ state: 'accepted' }));
    expect((await status()).backlog).toEqual({ total: 3, remaining: 3 });
    fake.queue.register(first!.applicationId);
    expect((await status()).backlog).toEqual({ total: 3, remaining: 2 });
    fake.queue.addApplication({ state: 'accepted' });
    expect((await status()).backlog).toEqual({ total: 4, remaining: 3 });
    fake.queue.register(second!.applicationId);
    fake.queue.refuse(third!.applicationId, 'validation-failed');
    fake.queue.drain();
    expect((await status()).backlog).toEqual({ total: 0, remaining: 0 });
  });

  it('sends nothing while paused or offline, and everything waiting once resumed and online', async () => {
    const { fake, status } = await arrange();
    const ids = [1, 2].map(() => fake.queue.addApplication({ state: 'accepted' }).applicationId);
    expect(await fake.api.queue.pause()).toMatchObject({ ok: true, value: { paused: true } });
    expect(fake.queue.drain()).toBe(0);
    await fake.api.queue.resume();
    fake.queue.goOffline({ since: '2025-03-03T09:30:00+05:00' });
    expect(await status()).toMatchObject({ connectivity: { state: 'offline', nextCheckAt: '2025-03-03T04:30:30.000Z' } });
    expect(fake.queue.drain()).toBe(0);
    fake.queue.goOnline();
    expect(fake.queue.drain()).toBe(2);
    expect(ids.map((id) => stateOf(fake, id))).toEqual(['registered', 'registered']);
    expect((await status()).lastSyncAt).not.toBeNull();
  });

  it('retries at once: registered online, still waiting offline, refused again for the same reason', async () => {
    const { fake } = await arrange();
    const online = fake.queue.addApplication({ state: 'accepted' });
    expect(await fake.api.queue.retryNow(online.applicationId)).toMatchObject({ ok: true, value: { state: 'registered', registrationNumber: 'KZ-LIC-2025-00001' } });
    expect(await fake.api.queue.retryNow(online.applicationId)).toEqual({ ok: false, error: { kind: 'not-pending' } });

    const refused = fake.queue.addApplication({ state: 'needs-attention', problemCode: 'applicant-ineligible' });
    expect(await fake.api.queue.retryNow(refused.applicationId)).toMatchObject({ ok: true, value: { state: 'needs-attention', problemCode: 'applicant-ineligible' } });

    fake.queue.goOffline();
    const offline = fake.queue.addApplication({ state: 'accepted' });
    expect(await fake.api.queue.retryNow(offline.applicationId)).toMatchObject({ ok: true, value: { state: 'accepted' } });
    expect(await fake.api.queue.retryNow('00000000-0000-4000-8000-00000000ffff')).toEqual({ ok: false, error: { kind: 'not-found' } });
  });

  it('withdraws only what waits or was refused', async () => {
    const { fake } = await arrange();
    const waiting = fake.queue.addApplication({ state: 'accepted' });
    const refused = fake.queue.addApplication({ state: 'needs-attention' });
    const registered = fake.queue.addApplication({ state: 'registered' });
    expect(await fake.api.queue.withdraw(waiting.applicationId)).toMatchObject({ ok: true, value: { state: 'withdrawn' } });
    expect(await fake.api.queue.withdraw(refused.applicationId)).toMatchObject({ ok: true, value: { state: 'withdrawn', problemCode: null } });
    expect(await fake.api.queue.withdraw(registered.applicationId)).toEqual({ ok: false, error: { kind: 'not-pending' } });
    expect(await fake.api.queue.withdraw(waiting.applicationId)).toEqual({ ok: false, error: { kind: 'not-pending' } });
    expect(fake.queue.drain()).toBe(0);
  });

  it('re-signs a refused signature with a valid key only, and the backend then registers it', async () => {
    const { fake } = await arrange();
    const { applicationId } = fake.queue.addApplication({ state: 'needs-attention', problemCode: 'certificate-revoked' });
    expect(await fake.api.queue.resign(applicationId, keyFile('valid', 'wrong'))).toEqual({ ok: false, error: { kind: 'signing-failed', problem: { kind: 'wrong-password' }, card: null } });
    expect(await fake.api.queue.resign(applicationId, keyFile('revoked'))).toEqual({ ok: false, error: { kind: 'signing-failed', problem: { kind: 'revoked' }, card: null } });
    expect(stateOf(fake, applicationId)).toBe('needs-attention');
    expect(await fake.api.queue.resign(applicationId, keyFile('valid'))).toMatchObject({ ok: true, value: { state: 'accepted', problemCode: null } });
    expect(await fake.api.queue.resign(applicationId, keyFile('valid'))).toEqual({ ok: false, error: { kind: 'not-pending' } });
    fake.queue.drain();
    expect(stateOf(fake, applicationId)).toBe('registered');
  });

  it('refuses to re-sign a refusal of the data (or a body changed after signing), and what carries no signature', async () => {
    const { fake } = await arrange();
    for (const problemCode of ['document-digest-mismatch', 'signature-invalid']) {
      const data = fake.queue.addApplication({ state: 'needs-attention', problemCode });
      expect(await fake.api.queue.resign(data.applicationId, keyFile('valid'))).toEqual({ ok: false, error: { kind: 'not-pending' } });
      expect(stateOf(fake, data.applicationId)).toBe('needs-attention');
    }

    const unsigned = fake.queue.addApplication({ state: 'needs-attention', serviceId: SECURITY_2012.id, record: ACTIVE_COMPANY });
    expect(await fake.api.queue.resign(unsigned.applicationId, keyFile('valid'))).toEqual({ ok: false, error: { kind: 'not-signed-payload' } });
  });
});
