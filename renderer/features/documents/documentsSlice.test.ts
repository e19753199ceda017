import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../core/contract/limits';
import { bytesFileSource, chooseService, confirmApplicant, createSignedInStore, findApplicant, pdfFileSource } from '../../test-support/arrangeStore';
import { fakePng, fakeTiff } from '../../test-support/fakeImages';
import { selectActiveSlotId } from './documentsSelectors';

async function onDocuments() {
  const arranged = await createSignedInStore();
  await chooseService(arranged.store);
  await findApplicant(arranged.store, '850415312343');
  await confirmApplicant(arranged.store);
  return arranged;
}

const pagesOf = (state: { draft: { slots: readonly { slotId: string; pages: readonly { pageId: string }[] }[] } | null }, slotId: string) =>
  state.draft?.slots.find((slot) => slot.slotId === slotId)?.pages.map((page) => page.pageId) ?? [];

describe('documents slice', () => {
  it('imports a batch into one slot, fixed when the batch starts, noting each page’s file', async () => {
    const { store, fake } = await onDocuments();
    expect(selectActiveSlotId(store.getState())).toBe('application');
    await store.getState().importFiles([pdfFileSource('form.pdf', 2), bytesFileSource('more.tif', fakeTiff(2))]);
    expect(fake.callsTo('drafts', 'importFile').map((call) => call.args[1])).toEqual(['application', 'application']);
    const pages = pagesOf(store.getState(), 'application');
    expect(pages.map((pageId) => store.getState().pageFileNames[pageId])).toEqual(['form.pdf', 'form.pdf', 'more.tif', 'more.tif']);
    expect(selectActiveSlotId(store.getState())).toBe('identity');
    store.getState().chooseSlot('other');
    expect(selectActiveSlotId(store.getState())).toBe('other');
  });

  it('refuses an empty or oversized file without reading it or calling main', async () => {
    const { store, fake } = await onDocuments();
    let reads = 0;
    const source = (sizeBytes: number) => ({ name: 'scan.pdf', sizeBytes, readBase64: async () => (reads++, 'JVBERg==') });
    const failures = await store.getState().importFiles([source(0), source(MAX_ATTACHMENT_BYTES + 1)]);
    expect(failures).toEqual([
      { fileName: 'scan.pdf', error: { kind: 'empty-file' } },
      { fileName: 'scan.pdf', error: { kind: 'too-large', maxBytes: MAX_ATTACHMENT_BYTES } },
    ]);
    expect(reads).toBe(0);
    expect(fake.callsTo('drafts', 'importFile')).toHaveLength(0);
  });

  it('reports a file that cannot be read instead of failing the whole screen', async () => {
    const { store } = await onDocuments();
    await store.getState().importFiles([{ name: 'gone.pdf', sizeBytes: 10, readBase64: () => Promise.reject(new Error('NotReadableError')) }]);
    expect(store.getState().importFailures).toEqual([{ fileName: 'gone.pdf', error: { kind: 'unreadable-file' } }]);
    expect(store.getState().documentActivity).toEqual({ kind: 'idle' });
  });

  it('shows a page main no longer has as a problem, and what main has now', async () => {
    const { store, fake } = await onDocuments();
    await store.getState().importFiles([bytesFileSource('a.png', fakePng())]);
    const [pageId] = pagesOf(store.getState(), 'application');
    await fake.api.drafts.deletePage(store.getState().draft!.draftId, pageId!);
    await store.getState().rotatePage(pageId!);
    expect(store.getState().pageProblem).toEqual({ kind: 'page-not-found' });
    expect(pagesOf(store.getState(), 'application')).toEqual([]);
  });

  it('never goes back to an older state of the draft when answers cross', async () => {
    const { store, fake } = await onDocuments();
    const draftId = store.getState().draft!.draftId;
    const older = await fake.api.drafts.get(draftId);
    await store.getState().importFiles([pdfFileSource('a.pdf')]);
    if (older.ok) await store.getState().adoptDraft(older.value);
    expect(pagesOf(store.getState(), 'application')).toHaveLength(1);
  });

  it('does one change at a time', async () => {
    const { store, fake } = await onDocuments();
    await store.getState().importFiles([bytesFileSource('a.tif', fakeTiff(2))]);
    const [first, second] = pagesOf(store.getState(), 'application');
    const [one, two] = await Promise.all([store.getState().deletePage(first!), store.getState().deletePage(second!)]);
    expect(one?.ok).toBe(true);
    expect(two).toBeNull();
    expect(fake.callsTo('drafts', 'deletePage')).toHaveLength(1);
  });
});
