/**
 * Offline sign-in through an outage (issue #8 item 2) with the real workstation and the reference
 * backend over HTTP: the operator signs in with the verifier cached at the last online login, the
 * outbox keeps accepting, nothing is sent without a token, and sending resumes after an online login.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendServer } from '../../backend/createBackendServer';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { HttpLicensingBackend } from '../../main/adapters/backend/HttpLicensingBackend';
import { loadCatalog } from '../../main/app';
import { ControllableBackend } from '../support/controllableBackend';
import { completeDraft, demoSigning, REPO_ROOT, startTestWorkstation } from '../support/workstationHarness';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

describe('offline sign-in', () => {
  it('accepts into the outbox while signed in offline and sends only after the next online login', async () => {
    const catalog = await loadCatalog(path.join(REPO_ROOT, 'resources'));
    const server = await createBackendServer({ port: 0, stateDir: null, serviceIds: new Set(catalog.services.map((s) => s.id)) });
    closers.push(() => server.close());
    const backend = new ControllableBackend(new HttpLicensingBackend({ baseUrl: server.url, timeoutMs: 5_000 }));
    const workstation = await startTestWorkstation({ backend, random: () => 0, sendBudgetMs: 3_000 });
    closers.push(() => workstation.close());
    const { api } = workstation;

    expect(await api.session.login(DEMO_CREDENTIALS.operator)).toMatchObject({ ok: true, value: { offline: false } });
    const card = await api.registry.lookupApplicant({ kind: 'individual', iin: FIXTURE_IDS.activeWoman });
    if (!card.ok) throw new Error('setup failed');
    const draftId = await completeDraft(api, { serviceId: '002-a1-lottery-2014', subtype: 'issue', applicantSnapshotId: card.value.snapshotId, representativeSnapshotId: null });
    await api.session.logout();

    backend.offline = true;
    expect(await api.session.login({ ...DEMO_CREDENTIALS.operator, password: 'not-the-password' })).toEqual({ ok: false, error: { kind: 'invalid-credentials' } });
    expect(await api.session.login(DEMO_CREDENTIALS.operator)).toMatchObject({ ok: true, value: { login: DEMO_CREDENTIALS.operator.login, offline: true } });
    expect(await api.registry.lookupApplicant({ kind: 'individual', iin: FIXTURE_IDS.activeWoman })).toEqual({ ok: false, error: { kind: 'registry-unavailable' } });
    const accepted = await api.submissions.submitDraft(draftId, demoSigning());
    expect(accepted).toMatchObject({ ok: true, value: { state: 'accepted', registrationNumber: null } });
    if (!accepted.ok) return;

    // The backend is back, but an offline session has no token: the outbox waits for an online login.
    backend.offline = false;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const waiting = await api.submissions.list();
    expect(waiting.ok && waiting.value.find((a) => a.applicationId === accepted.value.applicationId)?.state).toBe('accepted');

    await api.session.logout();
    expect(await api.session.login(DEMO_CREDENTIALS.operator)).toMatchObject({ ok: true, value: { offline: false } });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const list = await api.submissions.list();
      if (list.ok && list.value.find((a) => a.applicationId === accepted.value.applicationId)?.state === 'registered') break;
      if (Date.now() > deadline) throw new Error('not registered after the online login');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
});
