/**
 * The outbox against the real reference backend over HTTP: an application accepted during an
 * outage is registered once the backend is back, and a response lost after registration does
 * not produce a second registration.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendServer } from '../../backend/createBackendServer';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import type { WorkstationApi } from '../../core/contract/workstationApi';
import { HttpLicensingBackend } from '../../main/adapters/backend/HttpLicensingBackend';
import { loadCatalog } from '../../main/app';
import { ControllableBackend } from '../support/controllableBackend';
import { completeDraft, demoSigning, REPO_ROOT, startTestWorkstation } from '../support/workstationHarness';
import path from 'node:path';
import { waitFor } from '../support/waitFor';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function setup() {
  const catalog = await loadCatalog(path.join(REPO_ROOT, 'resources'));
  const server = await createBackendServer({ port: 0, stateDir: null, serviceIds: new Set(catalog.services.map((s) => s.id)) });
  closers.push(() => server.close());
  const backend = new ControllableBackend(new HttpLicensingBackend({ baseUrl: server.url, timeoutMs: 5_000 }));
  // random() = 0 makes every backoff zero, so retries happen on the next pass.
  const workstation = await startTestWorkstation({ backend, random: () => 0, sendBudgetMs: 3_000 });
  closers.push(() => workstation.close());
  return { backend, api: workstation.api, server };
}

/** A complete draft for a lottery licence (2014 regulations), ready to submit. */
async function readyDraft(api: WorkstationApi): Promise<string> {
  expect((await api.session.login(DEMO_CREDENTIALS.operator)).ok).toBe(true);
  const card = await api.registry.lookupApplicant({ kind: 'individual', iin: FIXTURE_IDS.activeWoman });
  if (!card.ok) throw new Error('setup failed');
  return completeDraft(api, { serviceId: '002-a1-lottery-2014', subtype: 'issue', applicantSnapshotId: card.value.snapshotId, representativeSnapshotId: null });
}

describe('outbox', () => {
  it('accepts during an outage and registers once the backend is back, without operator action', async () => {
    const { backend, api } = await setup();
    const draftId = await readyDraft(api);
    backend.offline = true;
    const accepted = await api.submissions.submitDraft(draftId, demoSigning());
    expect(accepted).toMatchObject({ ok: true, value: { state: 'accepted', registrationNumber: null } });
    if (!accepted.ok) return;
    expect(accepted.value.localNumber).toMatch(/^[0-9A-F]{6}-\d{8}-0001$/);

    backend.offline = false;
    const registered = await waitFor(async () => {
      const list = await api.submissions.list();
      const app = list.ok ? list.value.find((a) => a.applicationId === accepted.value.applicationId) : undefined;
      return app?.state === 'registered' ? app : null;
    });
    expect(registered.registrationNumber).toMatch(/\d/);
  });

  it('keeps one registration when the response to a successful submission is lost', async () => {
    const { backend, api } = await setup();
    const draftId = await readyDraft(api);
    backend.loseNextSubmitResponses = 1;
    const first = await api.submissions.submitDraft(draftId, demoSigning());
    if (!first.ok) throw new Error('submit failed');
    const registered = await waitFor(async () => {
      const list = await api.submissions.list();
      const app = list.ok ? list.value[0] : undefined;
      return app?.state === 'registered' ? app : null;
    });
    // The backend saw the same key twice and answered the replay with the first registration.
    expect(backend.submitCalls).toBeGreaterThanOrEqual(2);
    expect(registered.registrationNumber).toMatch(/-0*1$/);
  });
});
