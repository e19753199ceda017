import { describe, expect, it } from 'vitest';
import type { DraftView } from '../../core/contract';
import { createSignedInStore } from './arrangeStore';
import { CASINO_2014, SUPERVISOR } from './fakeFixtures';
import { bytesToBase64, fakeJpeg, fakePdf, fakePng, fakeTiff } from './fakeImages';
import type { FakeWorkstation } from './fakeWorkstationApi';

const pageIdsOf = (view: DraftView, slotId: string) => view.slots.find((slot) => slot.slotId === slotId)?.pages.map((page) => page.pageId) ?? [];

async function openDraft(): Promise<{ fake: FakeWorkstation; draftId: string }> {
  const { fake } = await createSignedInStore();
  const draft = await fake.api.drafts.start({ serviceId: CASINO_2014.id, subtype: 'issue' });
  if (!draft.ok) throw new Error('fake refused to start');
  return { fake, draftId: draft.value.draftId };
}

async function importInto(fake: FakeWorkstation, draftId: string, slotId: string, bytes: Uint8Array | string) {
  const contentBase64 = typeof bytes === 'string' ? btoa(bytes) : bytesToBase64(bytes);
  return fake.api.drafts.importFile(draftId, slotId, { fileName: 'file', contentBase64 });
}

/** The fake keeps main's rules for drafts; the renderer's tests rely on them. */
describe('fake drafts', () => {
  it('splits imported files as main does and refuses what main refuses', async () => {
    const { fake, draftId } = await openDraft();
    const pdf = await importInto(fake, draftId, 'identity', fakePdf(3));
    expect(pdf.ok && pdf.value.slots[1]?.pages.map((page) => [page.kind, page.source])).toEqual([
      ['pdf', 'import'],
      ['pdf', 'import'],
      ['pdf', 'import'],
    ]);
    const tiff = await importInto(fake, draftId, 'application', fakeTiff(2));
    expect(tiff.ok && pageIdsOf(tiff.value, 'application')).toHaveLength(2);
    expect(await importInto(fake, draftId, 'other', 'PK\u0003\u0004 a word file')).toEqual({ ok: false, error: { kind: 'unsupported-type' } });
    expect(await importInto(fake, draftId, 'other', fakeJpeg({ truncated: true }))).toEqual({ ok: false, error: { kind: 'corrupt-file' } });
    expect(await importInto(fake, draftId, 'other', fakePng({ widthPx: 20_000, heightPx: 20_000 }))).toEqual({ ok: false, error: { kind: 'too-many-pixels', page: 1, widthPx: 20_000, heightPx: 20_000, maxPixels: 40_000_000 } });
    expect(await importInto(fake, draftId, 'no-such-slot', fakePdf())).toEqual({ ok: false, error: { kind: 'unknown-slot' } });
  });

  it('moves a page before the page now at `position`, within and across slots', async () => {
    const { fake, draftId } = await openDraft();
    const imported = await importInto(fake, draftId, 'application', fakeTiff(3));
    const [a, b, c] = imported.ok ? pageIdsOf(imported.value, 'application') : [];
    const moved = await fake.api.drafts.movePage(draftId, a!, 'application', 2);
    expect(moved.ok && pageIdsOf(moved.value, 'application')).toEqual([b, c, a]);
    const across = await fake.api.drafts.movePage(draftId, c!, 'identity', 0);
    expect(across.ok && pageIdsOf(across.value, 'application')).toEqual([b, a]);
    expect(across.ok && across.value.missingRequiredSlots).toEqual(['fee-receipt', 'qualification']);
  });

  it('rotates image pages only, gives thumbnails of image pages only, and keeps updatedAt in order', async () => {
    const { fake, draftId } = await openDraft();
    const imported = await importInto(fake, draftId, 'application', fakePng({ widthPx: 1000, heightPx: 1400 }));
    const withPdf = await importInto(fake, draftId, 'identity', fakePdf());
    if (!imported.ok || !withPdf.ok) throw new Error('import refused');
    const [image] = pageIdsOf(imported.value, 'application');
    const [pdf] = pageIdsOf(withPdf.value, 'identity');
    const before = await fake.api.drafts.pageThumbnail(draftId, image!);
    const rotated = await fake.api.drafts.rotatePage(draftId, image!, 90);
    expect(rotated.ok && rotated.value.slots[0]?.pages[0]).toMatchObject({ widthPx: 1400, heightPx: 1000 });
    expect(await fake.api.drafts.pageThumbnail(draftId, image!)).not.toEqual(before);
    expect(await fake.api.drafts.rotatePage(draftId, pdf!, 90)).toEqual({ ok: false, error: { kind: 'not-rotatable' } });
    expect(await fake.api.drafts.pageThumbnail(draftId, pdf!)).toEqual({ ok: false, error: { kind: 'page-not-found' } });
    expect(rotated.ok && rotated.value.updatedAt > withPdf.value.updatedAt).toBe(true);
  });

  it('lists only the operator’s open drafts, newest first, and forgets discarded ones', async () => {
    const { fake, draftId } = await openDraft();
    const second = await fake.api.drafts.start({ serviceId: CASINO_2014.id, subtype: 'duplicate' });
    const listed = await fake.api.drafts.listOpen();
    expect(listed.ok && listed.value.map((draft) => draft.draftId)).toEqual([second.ok ? second.value.draftId : '', draftId]);
    await fake.api.drafts.discard(draftId);
    expect(await fake.api.drafts.get(draftId)).toEqual({ ok: false, error: { kind: 'draft-not-found' } });

    const supervisor = await createSignedInStore({ operator: SUPERVISOR }, fake);
    expect(await supervisor.fake.api.drafts.listOpen()).toEqual({ ok: true, value: [] });
  });
});
