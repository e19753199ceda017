/**
 * Status tracking, result and hand-over (issue #7) against the real reference backend over HTTP,
 * with a fast provider day: registered → … → ready-for-handover, the result PDF fetched, checked
 * and stored encrypted, the hand-over recorded, and the application found again by its number.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendServer } from '../../backend/createBackendServer';
import { DEMO_CREDENTIALS } from '../../backend/fixtures/fixtureIds';
import { backendServiceSets } from '../../core/catalog/backendServiceSets';
import { HttpLicensingBackend } from '../../main/adapters/backend/HttpLicensingBackend';
import { loadCatalog } from '../../main/app';
import { ControllableBackend } from '../support/controllableBackend';
import { REPO_ROOT, startTestWorkstation, submitCompanyApplication } from '../support/workstationHarness';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** Ready for hand-over after 1.5 provider days (backend/provider/providerTimeline.ts): 300 ms here. */
const PROVIDER_DAY_MS = 200;

async function setup() {
  const catalog = await loadCatalog(path.join(REPO_ROOT, 'resources'));
  const server = await createBackendServer({
    port: 0,
    stateDir: null,
    providerDayMs: PROVIDER_DAY_MS,
    fontsDir: path.join(REPO_ROOT, 'resources', 'fonts'),
    ...backendServiceSets(catalog),
  });
  closers.push(() => server.close());
  const backend = new ControllableBackend(new HttpLicensingBackend({ baseUrl: server.url, timeoutMs: 5_000 }));
  const workstation = await startTestWorkstation({ backend, random: () => 0, sendBudgetMs: 4_000 });
  closers.push(() => workstation.close());
  expect((await workstation.api.session.login(DEMO_CREDENTIALS.operator)).ok).toBe(true);
  return { backend, api: workstation.api, close: () => workstation.close() };
}

async function until<T>(probe: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('status tracking against the reference backend', () => {
  it('follows a registered application to ready-for-handover, stores its result PDF, records the hand-over and finds it by number', async () => {
    const { api } = await setup();
    const application = await submitCompanyApplication(api);
    expect(application.state).toBe('registered');
    expect(await api.status.handOver(application.applicationId)).toEqual({ ok: false, error: { kind: 'not-ready' } });

    const ready = await until(async () => {
      const refreshed = await api.status.refresh(application.applicationId);
      if (!refreshed.ok) throw new Error(`refresh failed: ${refreshed.error.kind}`);
      return refreshed.value.tracking?.status === 'ready-for-handover' ? refreshed.value : null;
    });
    expect(ready.tracking).toMatchObject({ resultAvailable: true, resultStored: false, decision: { outcome: 'issued', document: 'licence' } });
    expect(ready.tracking?.history.map((e) => e.status)).toEqual(['registered', 'under-review', 'issued', 'ready-for-handover']);

    const result = await api.status.result(application.applicationId);
    if (!result.ok) throw new Error(`result failed: ${result.error.kind}`);
    expect(Buffer.from(result.value.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(result.value.fileName).toMatch(/^[0-9A-Za-z._-]+\.pdf$/);

    const handed = await api.status.handOver(application.applicationId);
    if (!handed.ok) throw new Error(`hand-over failed: ${handed.error.kind}`);
    expect(handed.value.handOver).toMatchObject({ operatorName: expect.any(String) });
    expect(handed.value.tracking).toMatchObject({ resultStored: true, nextCheckAt: null });
    expect(await api.status.handOver(application.applicationId)).toEqual({
      ok: false,
      error: { kind: 'already-handed-over', handedOverAt: handed.value.handOver!.handedOverAt },
    });

    const found = await api.status.find(` ${application.registrationNumber!.toLowerCase()} `);
    expect(found.ok && found.value.map((a) => [a.applicationId, a.handOver?.handedOverAt])).toEqual([[application.applicationId, handed.value.handOver!.handedOverAt]]);
    const listed = await api.submissions.list();
    expect(listed.ok && listed.value.find((a) => a.applicationId === application.applicationId)?.handOver).toEqual(handed.value.handOver);
  });

  it('polls on its own right after registration, and refuses a result altered on the way', async () => {
    const { api, backend } = await setup();
    const application = await submitCompanyApplication(api);
    // The poller's first check follows the registration without anyone pressing refresh.
    const tracked = await until(async () => {
      const list = await api.submissions.list();
      const summary = list.ok ? list.value.find((a) => a.applicationId === application.applicationId) : undefined;
      return summary?.tracking ?? null;
    });
    expect(['registered', 'under-review', 'issued', 'ready-for-handover']).toContain(tracked.status);

    await until(async () => {
      const refreshed = await api.status.refresh(application.applicationId);
      return refreshed.ok && refreshed.value.tracking?.status === 'ready-for-handover' ? true : null;
    });
    backend.corruptNextResults = 1;
    expect(await api.status.result(application.applicationId)).toEqual({ ok: false, error: { kind: 'backend-unavailable' } });
    expect(await api.status.handOver(application.applicationId)).toEqual({ ok: false, error: { kind: 'not-ready' } });
    const second = await api.status.result(application.applicationId);
    expect(second.ok).toBe(true);
    expect(backend.resultCalls).toBe(2);
  });
});
