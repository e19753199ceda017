import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { spyOnPdfOutput, type PdfOutputSpies } from '../../test-support/pdfOutputSpies';
import { arrangeTrackedApplications } from '../../test-support/statusScenarios';

let spies: PdfOutputSpies;

beforeEach(() => {
  spies = spyOnPdfOutput();
});

afterEach(() => {
  spies.restore();
  vi.restoreAllMocks();
});

describe('status slice', () => {
  it('replaces the listed application with main’s refreshed copy', async () => {
    const { store, fake } = await createSignedInStore();
    const { underReview } = arrangeTrackedApplications(fake);
    await store.getState().loadApplications();
    fake.status.provider(underReview.applicationId, { status: 'refused' });
    const refreshed = await store.getState().refreshApplicationStatus(underReview.applicationId);
    expect(refreshed.ok).toBe(true);
    const listed = store.getState().applicationsLoad;
    expect(listed.kind === 'loaded' && listed.applications.find((a) => a.applicationId === underReview.applicationId)?.tracking?.status).toBe('refused');
  });

  it('answers not-registered for an application still in the queue', async () => {
    const { store, fake } = await createSignedInStore();
    const { queued } = arrangeTrackedApplications(fake);
    expect(await store.getState().refreshApplicationStatus(queued.applicationId)).toEqual({ ok: false, error: { kind: 'not-registered' } });
  });

  it('keeps one viewer URL at a time and revokes the previous one', async () => {
    const { store, fake } = await createSignedInStore();
    const { ready, refused } = arrangeTrackedApplications(fake);
    await store.getState().viewResult(ready.applicationId);
    expect(store.getState().resultViewer).toMatchObject({ kind: 'open', applicationId: ready.applicationId, url: 'blob:http://127.0.0.1/pdf-1' });
    await store.getState().viewResult(refused.applicationId);
    expect(spies.revoked).toEqual(['blob:http://127.0.0.1/pdf-1']);
    store.getState().closeResult();
    expect(spies.revoked).toEqual(['blob:http://127.0.0.1/pdf-1', 'blob:http://127.0.0.1/pdf-2']);
    expect(store.getState().resultViewer).toEqual({ kind: 'closed' });
  });

  it('makes no URL for a result that arrives after logout', async () => {
    const { store, fake } = await createSignedInStore();
    const { ready } = arrangeTrackedApplications(fake);
    let answer: () => void = () => undefined;
    const original = fake.impl.status.result;
    fake.impl.status.result = (applicationId) => new Promise((resolve) => (answer = () => resolve(original(applicationId))));
    const viewing = store.getState().viewResult(ready.applicationId);
    await Promise.resolve();
    await store.getState().logout();
    answer();
    await viewing;
    expect(spies.blobs).toHaveLength(0);
    expect(store.getState().resultViewer).toEqual({ kind: 'closed' });
  });

  it('ends the session when main says the operator is no longer signed in', async () => {
    const { store, fake } = await createSignedInStore();
    const { ready } = arrangeTrackedApplications(fake);
    fake.expireSession();
    await store.getState().viewResult(ready.applicationId);
    expect(store.getState().operator).toBeNull();
    expect(store.getState().sessionNotice).toBe('session-expired');
  });
});
