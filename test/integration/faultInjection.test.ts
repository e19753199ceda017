/**
 * Issue 6, "done when": a real workstation accepts ~30 signed applications while the reference
 * backend injects faults (30 % 5xx, connection resets, 429 with Retry-After, hangs past the client
 * timeout, answers lost after registering, and a full outage in the middle). Then the faults stop
 * and the outbox drains by itself: every application registered, exactly one registration each.
 *
 * The fault stream is seeded; the outbox's backoff is zeroed (`random: () => 0`), so a retry waits
 * only for Retry-After. Which request meets which fault still depends on how the parallel sends
 * interleave, so the counts vary a little between runs; the invariants do not.
 */
import { backendServiceSets } from '../../core/catalog/backendServiceSets';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendServer, type FaultPlan } from '../../backend/createBackendServer';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import type { ApplicantQuery } from '../../core/contract/registry';
import type { ApplicationSummary } from '../../core/contract/submissions';
import type { WorkstationApi } from '../../core/contract/workstationApi';
import { HttpLicensingBackend } from '../../main/adapters/backend/HttpLicensingBackend';
import { loadCatalog } from '../../main/app';
import { auditRegistrations, RecordingBackend } from '../support/submissionAudit';
import { completeDraft, demoSigning, REPO_ROOT, startTestWorkstation } from '../support/workstationHarness';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** Requires the operator's EDS (2014 regulations), for individuals and legal entities. */
const SIGNED_SERVICE = '002-a1-lottery-2014';
/** A provider employee accepts it without an EDS: a body a broken client can re-key. */
const UNSIGNED_SERVICE = '003-i1-veterinary-2013';

/** Every eligible (active) fixture applicant: 30 applications spread over them. */
const APPLICANTS: readonly ApplicantQuery[] = [
  { kind: 'individual', iin: FIXTURE_IDS.activeMan },
  { kind: 'individual', iin: FIXTURE_IDS.activeWoman },
  { kind: 'individual', iin: FIXTURE_IDS.youngMan },
  { kind: 'individual', iin: FIXTURE_IDS.youngWoman },
  { kind: 'individual', iin: FIXTURE_IDS.entrepreneur },
  { kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany },
  { kind: 'legal-entity', bin: FIXTURE_IDS.activeBranch },
  { kind: 'legal-entity', bin: FIXTURE_IDS.jointEntrepreneurBin },
];

/** What a bad week at the counter looks like, per API request. */
const STORM: FaultPlan = {
  seed: 20260302,
  errorRate: 0.3,
  resetRate: 0.05,
  rateLimitRate: 0.05,
  retryAfterSeconds: 1,
  hangRate: 0.02,
  lostResponseRate: 0.15,
  latency: { fixedMs: 0, jitterMs: 20 },
};

/**
 * The sender checks every document (HEAD) before each submit, so under STORM few attempts get as
 * far as POST /v1/applications. Once the documents are up, this aims the faults at the submission
 * itself, with many registrations whose answer is lost: the duplicate trap, over and over.
 */
const SUBMISSION_TRAP: FaultPlan = {
  seed: 20260303,
  routes: ['/v1/applications'],
  errorRate: 0.3,
  resetRate: 0.05,
  rateLimitRate: 0.05,
  retryAfterSeconds: 1,
  lostResponseRate: 0.35,
};

/** The client gives up on a hung request after this long. */
const CLIENT_TIMEOUT_MS = 2_000;

async function setup(options: { readonly regenerateKeys?: boolean } = {}) {
  const catalog = await loadCatalog(path.join(REPO_ROOT, 'resources'));
  const stateDir = await mkdtemp(path.join(tmpdir(), 'psc-faults-backend-'));
  closers.push(() => rm(stateDir, { recursive: true, force: true }));
  const server = await createBackendServer({
    stateDir,
    ...backendServiceSets(catalog),
  });
  closers.push(() => server.close());
  const client = new RecordingBackend(new HttpLicensingBackend({ baseUrl: server.url, timeoutMs: CLIENT_TIMEOUT_MS }), options);
  // Backoff zeroed: a failed send is retried on the next pass (Retry-After still honoured).
  const workstation = await startTestWorkstation({ backend: client, random: () => 0, sendBudgetMs: 100 });
  closers.push(() => workstation.close());
  return { api: workstation.api, server, client, stateDir };
}

/** Drafts ready to submit, made while the backend is healthy (lookups are not what is under test). */
async function readyDrafts(api: WorkstationApi, serviceId: string, count: number): Promise<string[]> {
  const snapshots: string[] = [];
  for (const query of APPLICANTS) {
    const card = await api.registry.lookupApplicant(query);
    if (!card.ok) throw new Error(`lookup failed: ${card.error.kind}`);
    snapshots.push(card.value.snapshotId);
  }
  const drafts: string[] = [];
  for (let i = 0; i < count; i++) {
    const applicantSnapshotId = snapshots[i % snapshots.length]!;
    drafts.push(await completeDraft(api, { serviceId, subtype: 'issue', applicantSnapshotId, representativeSnapshotId: null }));
  }
  return drafts;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function pendingCount(api: WorkstationApi): Promise<number> {
  const list = await api.submissions.list();
  if (!list.ok) throw new Error('signed out');
  return list.value.filter((a) => a.state !== 'registered').length;
}

/** Polls until every application is registered; fails at once if one lands with the operator. */
async function drained(api: WorkstationApi, count: number, timeoutMs: number): Promise<readonly ApplicationSummary[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = await api.submissions.list();
    if (!list.ok) throw new Error('signed out while draining');
    const needsOperator = list.value.filter((a) => a.state === 'needs-attention');
    if (needsOperator.length > 0) throw new Error(`needs the operator: ${needsOperator.map((a) => a.problemCode).join(', ')}`);
    if (list.value.length === count && list.value.every((a) => a.state === 'registered')) return list.value;
    if (Date.now() > deadline) {
      const states = list.value.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.state]: (acc[a.state] ?? 0) + 1 }), {});
      throw new Error(`outbox did not drain in ${timeoutMs} ms: ${JSON.stringify(states)}`);
    }
    await sleep(100);
  }
}

describe('outbox against a faulty backend', () => {
  it('accepts 30 applications through 5xx, resets, 429, hangs, lost answers and an outage, then drains with 0 duplicates', { timeout: 90_000 }, async () => {
    const preparing = performance.now();
    const { api, server, client, stateDir } = await setup();
    expect(await api.session.login(DEMO_CREDENTIALS.operator)).toMatchObject({ ok: true });
    // Signing checks the key against the CA's CRL: fetched once while the backend is healthy, then cached.
    const crl = await api.signing.revocationStatus();
    expect(crl.ok && crl.value.stale).toBe(false);
    const drafts = await readyDrafts(api, SIGNED_SERVICE, 30);
    const preparedMs = Math.round(performance.now() - preparing);

    const startedAt = performance.now();
    const accepted: ApplicationSummary[] = [];
    const submit = async (draftId: string) => {
      const result = await api.submissions.submitDraft(draftId, demoSigning());
      // Accepted at the counter whatever the backend does: the operator is never told to try again.
      if (!result.ok) throw new Error(`submit refused: ${result.error.kind}`);
      expect(['accepted', 'registered']).toContain(result.value.state);
      accepted.push(result.value);
    };

    server.faults.set(STORM);
    for (const draftId of drafts.slice(0, 10)) await submit(draftId);
    // The middle: the backend is gone (connections reset, health too) while ten more are accepted.
    server.faults.set({ ...STORM, outage: { mode: 'reset' } });
    for (const draftId of drafts.slice(10, 20)) await submit(draftId);
    server.faults.set(STORM);
    for (const draftId of drafts.slice(20, 25)) await submit(draftId);
    // The storm goes on for a while with the queue full; then the submissions themselves are hit.
    await sleep(3_000);
    server.faults.set(SUBMISSION_TRAP);
    await sleep(3_000);
    // It ends in another outage, 503 this time, during which the last five are accepted.
    server.faults.set({ ...SUBMISSION_TRAP, outage: { mode: 'unavailable' } });
    for (const draftId of drafts.slice(25)) await submit(draftId);
    await sleep(500);
    const faults = server.faults.counts();
    server.faults.clear();
    const faultsEndedAt = performance.now();
    const pendingAtStop = await pendingCount(api);

    const registered = await drained(api, 30, 40_000);
    const drainMs = Math.round(performance.now() - faultsEndedAt);
    const elapsedMs = Math.round(performance.now() - startedAt);

    // Work was left for after the storm: the outbox drained it by itself.
    expect(pendingAtStop).toBeGreaterThanOrEqual(5);
    // Every kind of fault really happened (else this test proves nothing).
    expect(faults['server-error']).toBeGreaterThan(0);
    expect(faults.reset).toBeGreaterThan(0);
    expect(faults['rate-limit']).toBeGreaterThan(0);
    expect(faults.hang).toBeGreaterThan(0);
    // Several registrations whose answer never arrived, each retried under its key.
    expect(faults['lose-response']).toBeGreaterThanOrEqual(3);
    expect(faults.outage).toBeGreaterThan(0);

    // Exactly once, counted on the backend: one registration per application, under its one key.
    const audit = await auditRegistrations(stateDir);
    expect(audit.duplicates).toEqual([]);
    expect(audit.total).toBe(30);
    expect(audit.idempotencyKeys).toBe(30);
    expect(new Set(accepted.map((a) => a.localNumber)).size).toBe(30);
    for (const application of registered) {
      expect(audit.byLocalNumber.get(application.localNumber)).toEqual([
        { registrationNumber: application.registrationNumber, idempotencyKey: expect.any(String) },
      ]);
    }
    // And on the wire: each application only ever went out under one key.
    for (const [localNumber, keys] of client.keysPerApplication()) expect(keys.size, localNumber).toBe(1);

    const registeredAtCounter = accepted.filter((a) => a.state === 'registered').length;
    console.warn(
      `fault drain: drafts ready in ${preparedMs} ms; 30 applications (${new Set(accepted.map((a) => a.applicant.displayName)).size} applicants, ` +
        `${registeredAtCounter} registered within the send budget) from first submit to fully drained in ${elapsedMs} ms, ` +
        `${pendingAtStop} still queued when the faults stopped and drained ${drainMs} ms later; ${client.attempts.length} submit attempts; injected ${JSON.stringify(faults)}; ` +
        `backend holds ${audit.total} registrations, ${audit.duplicates.length} duplicates`,
    );
  });

  it('would catch a sender that re-keys its retries (negative control)', { timeout: 60_000 }, async () => {
    const { api, server, stateDir } = await setup({ regenerateKeys: true });
    expect(await api.session.login(DEMO_CREDENTIALS.provider)).toMatchObject({ ok: true });
    const drafts = await readyDrafts(api, UNSIGNED_SERVICE, 4);
    server.faults.set({ seed: 7, routes: ['/v1/applications'], lostResponseRate: 0.6 });
    for (const draftId of drafts) {
      const result = await api.submissions.submitDraft(draftId, null);
      if (!result.ok) throw new Error(`submit refused: ${result.error.kind}`);
    }
    await sleep(500);
    server.faults.clear();
    await drained(api, 4, 20_000);

    // The workstation believes all is well; the backend's books say otherwise.
    const audit = await auditRegistrations(stateDir);
    expect(audit.duplicates.length).toBeGreaterThan(0);
    expect(audit.total).toBeGreaterThan(4);
  });
});
