import { describe, expect, it } from 'vitest';
import { chooseService, confirmApplicant, createSignedInStore, findApplicant } from '../../test-support/arrangeStore';
import { selectCanScan } from './scanningSelectors';

async function onDocumentsWithScanner() {
  const arranged = await createSignedInStore();
  await chooseService(arranged.store);
  await findApplicant(arranged.store, '850415312343');
  await confirmApplicant(arranged.store);
  await arranged.store.getState().loadScanners();
  return arranged;
}

describe('scanning', () => {
  it('follows the job, reloading the draft as each page arrives, until the feeder is empty', async () => {
    const { store, fake } = await onDocumentsWithScanner();
    store.getState().chooseScanSource('adf');
    const pagesSeen: number[] = [];
    const unsubscribe = store.subscribe((state) => pagesSeen.push(state.draft?.slots[0]?.pages.length ?? 0));
    const started = await store.getState().startScan();
    unsubscribe();

    expect(started?.ok).toBe(true);
    expect(store.getState().scanRun).toMatchObject({ kind: 'ended', job: { state: 'completed', pagesDone: 3, endedBy: 'feeder-empty' } });
    expect([...new Set(pagesSeen)]).toEqual([0, 1, 2, 3]);
    expect(fake.callsTo('drafts', 'get').length).toBeGreaterThanOrEqual(3);
    expect(Object.values(store.getState().thumbnails)).toHaveLength(3);
  });

  it('keeps the pages before a jam and records the failure', async () => {
    const { store, fake } = await onDocumentsWithScanner();
    store.getState().chooseScanSource('adf');
    fake.scanner.loadBatch({ pages: 6, jamAfter: 4 });
    await store.getState().startScan();
    expect(store.getState().scanRun).toMatchObject({ kind: 'ended', job: { state: 'failed', failure: 'paper-jam', pagesDone: 4 } });
    expect(store.getState().draft?.slots[0]?.pages).toHaveLength(4);
    expect(selectCanScan(store.getState())).toBe(true);
  });

  it('starts one scan at a time, and stops following a job main no longer knows', async () => {
    const { store, fake } = await onDocumentsWithScanner();
    fake.scanner.hold();
    const first = store.getState().startScan();
    expect(await store.getState().startScan()).toBeNull();
    fake.impl.scanning.job = async () => ({ ok: false, error: { kind: 'job-not-found' } });
    await first;
    expect(store.getState().scanRun).toEqual({ kind: 'idle' });
    expect(store.getState().scanProblem).toEqual({ kind: 'job-not-found' });
  });

  it('shows why main refused to start', async () => {
    const { store, fake } = await onDocumentsWithScanner();
    fake.impl.scanning.start = async () => ({ ok: false, error: { kind: 'scan-in-progress' } });
    await store.getState().startScan();
    expect(store.getState().scanProblem).toEqual({ kind: 'scan-in-progress' });
    expect(store.getState().scanRun).toEqual({ kind: 'idle' });
  });

  it('stops following when the application is abandoned, and cancels the job in main', async () => {
    const { store, fake } = await onDocumentsWithScanner();
    fake.scanner.hold();
    const scanning = store.getState().startScan();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await store.getState().startNewApplication();
    await scanning;
    expect(fake.callsTo('scanning', 'cancel')).toHaveLength(1);
    expect(store.getState().scanRun).toEqual({ kind: 'idle' });
    expect(fake.drafts.all[0]?.state).toBe('discarded');
  });
});
