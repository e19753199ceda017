/**
 * The queue's levers against the real reference backend (issue #6): connectivity learned from the
 * outbox, pause/resume, withdraw, retry, and re-signing after the backend refused a signature.
 */
import { backendServiceSets } from '../../core/catalog/backendServiceSets';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendServer } from '../../backend/createBackendServer';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import type { WorkstationApi } from '../../core/contract/workstationApi';
import { HttpLicensingBackend } from '../../main/adapters/backend/HttpLicensingBackend';
import { loadCatalog } from '../../main/app';
import { ControllableBackend } from '../support/controllableBackend';
import { completeDraft, demoSigning, REPO_ROOT, startTestWorkstation } from '../support/workstationHarness';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function setup() {
  const catalog = await loadCatalog(path.join(REPO_ROOT, 'resources'));
  const server = await createBackendServer({
    port: 0,
    stateDir: null,
    ...backendServiceSets(catalog),
  });
  closers.push(() => server.close());
  const backend = new ControllableBackend(new HttpLicensingBackend({ baseUrl: server.url, timeoutMs: 5_000 }));
  const workstation = await startTestWorkstation({ backend, random: () => 0, sendBudgetMs: 2_000 });
  closers.push(() => workstation.close());
  expect((await workstation.api.session.login(DEMO_CREDENTIALS.operator)).ok).toBe(true);
  return { backend, api: workstation.api };
}

/** Looks the applicant up and completes a draft; needs the backend (the registries are behind it). */
async function prepare(api: WorkstationApi, bin: string = FIXTURE_IDS.activeCompany): Promise<string> {
  const card = await api.registry.lookupApplicant({ kind: 'legal-entity', bin });
  if (!card.ok) throw new Error(`lookup failed: ${card.error.kind}`);
  return completeDraft(api, { serviceId: '002-a2-casino-2014', subtype: 'issue', applicantSnapshotId: card.value.snapshotId, representativeSnapshotId: null });
}

async function submit(api: WorkstationApi, draftId: string) {
  const submitted = await api.submissions.submitDraft(draftId, demoSigning());
  if (!submitted.ok) throw new Error(`submit failed: ${submitted.error.kind}`);
  return submitted.value;
}

async function accept(api: WorkstationApi, bin: string = FIXTURE_IDS.activeCompany, goOffline?: ControllableBackend) {
  const draftId = await prepare(api, bin);
  if (goOffline) goOffline.offline = true;
  return submit(api, draftId);
}

async function stateOf(api: WorkstationApi, applicationId: string) {
  const list = await api.submissions.list();
  return list.ok ? list.value.find((a) => a.applicationId === applicationId)?.state : undefined;
}

async function until(probe: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('queue', () => {
  it('shows offline and a backlog while the backend is away, online and an empty backlog after it drains', async () => {
    const { backend, api } = await setup();
    const drafts = [await prepare(api, FIXTURE_IDS.activeCompany), await prepare(api, FIXTURE_IDS.activeBranch)];
    backend.offline = true;
    const first = await submit(api, drafts[0]!);
    const second = await submit(api, drafts[1]!);
    expect([first.state, second.state]).toEqual(['accepted', 'accepted']);
    const offline = await api.queue.status();
    expect(offline).toMatchObject({ ok: true, value: { connectivity: { state: 'offline' }, counts: { accepted: 2 }, backlog: { total: 2, remaining: 2 } } });

    backend.offline = false;
    await api.queue.retryNow(first.applicationId);
    await until(async () => (await stateOf(api, second.applicationId)) === 'registered' && (await stateOf(api, first.applicationId)) === 'registered');
    const online = await api.queue.status();
    expect(online).toMatchObject({ ok: true, value: { connectivity: { state: 'online' }, counts: { accepted: 0, registered: 2 }, backlog: { total: 0, remaining: 0 } } });
    expect(online.ok && online.value.lastSyncAt).not.toBeNull();
  });

  it('keeps accepting while paused, sends nothing until resumed', async () => {
    const { backend, api } = await setup();
    await api.queue.pause();
    const accepted = await accept(api);
    expect(accepted.state).toBe('accepted');
    await new Promise((r) => setTimeout(r, 300));
    expect(backend.submitCalls).toBe(0);
    await api.queue.resume();
    await until(async () => (await stateOf(api, accepted.applicationId)) === 'registered');
    expect(backend.submitCalls).toBe(1);
  });

  it('withdraws an application waiting in the queue: it is never sent', async () => {
    const { backend, api } = await setup();
    const accepted = await accept(api, FIXTURE_IDS.activeCompany, backend);
    expect(await api.queue.withdraw(accepted.applicationId)).toMatchObject({ ok: true, value: { state: 'withdrawn' } });
    backend.offline = false;
    await api.queue.resume();
    await new Promise((r) => setTimeout(r, 500));
    expect(await stateOf(api, accepted.applicationId)).toBe('withdrawn');
    expect(backend.submitCalls).toBe(0);
    expect(await api.queue.retryNow(accepted.applicationId)).toEqual({ ok: false, error: { kind: 'not-pending' } });
  });

  it('after the backend refuses the signature, the operator re-signs and it is registered under the same key', async () => {
    const { backend, api } = await setup();
    backend.refuseNextSubmits.push({ status: 422, code: 'certificate-revoked' });
    const accepted = await accept(api);
    await until(async () => (await stateOf(api, accepted.applicationId)) === 'needs-attention');
    const list = await api.submissions.list();
    expect(list.ok && list.value[0]?.problemCode).toBe('certificate-revoked');

    expect(await api.queue.resign(accepted.applicationId, demoSigning('operator.p12', 'wrong'))).toEqual({
      ok: false, error: { kind: 'signing-failed', problem: { kind: 'wrong-password' }, card: null },
    });
    const resigned = await api.queue.resign(accepted.applicationId, demoSigning());
    expect(resigned).toMatchObject({ ok: true });
    await until(async () => (await stateOf(api, accepted.applicationId)) === 'registered');
    expect(backend.submitCalls).toBe(2);
  });

  it('retries a refused application on request when the cause was fixed elsewhere', async () => {
    const { backend, api } = await setup();
    backend.refuseNextSubmits.push({ status: 422, code: 'validation-failed' });
    const accepted = await accept(api);
    await until(async () => (await stateOf(api, accepted.applicationId)) === 'needs-attention');
    expect(await api.queue.retryNow(accepted.applicationId)).toMatchObject({ ok: true, value: { state: 'registered' } });
  });

  it('never re-signs a body that no longer matches its signature: that one is withdrawn and taken anew', async () => {
    const { backend, api } = await setup();
    backend.refuseNextSubmits.push({ status: 422, code: 'signature-invalid' });
    const accepted = await accept(api);
    await until(async () => (await stateOf(api, accepted.applicationId)) === 'needs-attention');
    expect(await api.queue.resign(accepted.applicationId, demoSigning())).toEqual({ ok: false, error: { kind: 'not-pending' } });
    expect(await api.queue.withdraw(accepted.applicationId)).toMatchObject({ ok: true, value: { state: 'withdrawn' } });
  });
});
