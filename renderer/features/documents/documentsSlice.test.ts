import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../core/contract';
import { createSignedInStore, pdfFileSource } from '../../test-support/arrangeStore';
import { selectTotalDocumentBytes, shortDigest } from './documentsSelectors';

describe('documents slice', () => {
  it('attaches a file and lists it with the digest main computed', async () => {
    const { store, fake } = await createSignedInStore();
    const result = await store.getState().attachDocument(pdfFileSource('passport.pdf'));
    expect(result.ok).toBe(true);
    const [document] = store.getState().documents;
    expect(document?.fileName).toBe('passport.pdf');
    expect(document?.mediaType).toBe('application/pdf');
    expect(document?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fake.callsTo('documents', 'attachFile')).toHaveLength(1);
  });

  it('refuses an empty or oversized file without reading it or calling main', async () => {
    const { store, fake } = await createSignedInStore();
    let reads = 0;
    const source = (sizeBytes: number) => ({ name: 'scan.pdf', sizeBytes, readBase64: async () => (reads++, 'JVBERg==') });

    expect(await store.getState().attachDocument(source(0))).toEqual({ ok: false, error: { kind: 'empty-file' } });
    expect(await store.getState().attachDocument(source(MAX_ATTACHMENT_BYTES + 1))).toEqual({
      ok: false,
      error: { kind: 'too-large', maxBytes: MAX_ATTACHMENT_BYTES },
    });
    expect(reads).toBe(0);
    expect(fake.callsTo('documents', 'attachFile')).toHaveLength(0);
    expect(store.getState().documentProblem).toEqual({ operation: 'attach', fileName: 'scan.pdf', error: { kind: 'too-large', maxBytes: MAX_ATTACHMENT_BYTES } });
  });

  it("keeps main's refusal of a file type as the problem to show", async () => {
    const { store } = await createSignedInStore();
    await store.getState().attachDocument({ name: 'notes.docx', sizeBytes: 4, readBase64: async () => btoa('PK\u0003\u0004') });
    expect(store.getState().documents).toEqual([]);
    expect(store.getState().documentProblem).toEqual({ operation: 'attach', fileName: 'notes.docx', error: { kind: 'unsupported-type' } });
  });

  it('reports a file that cannot be read instead of failing the whole screen', async () => {
    const { store } = await createSignedInStore();
    const result = await store.getState().attachDocument({ name: 'gone.pdf', sizeBytes: 10, readBase64: () => Promise.reject(new Error('NotReadableError')) });
    expect(result).toEqual({ ok: false, error: { kind: 'unreadable-file' } });
    expect(store.getState().documentActivity).toEqual({ kind: 'idle' });
  });

  it('removes a discarded document, also when main had already dropped it', async () => {
    const { store, fake } = await createSignedInStore();
    await store.getState().attachDocument(pdfFileSource('a.pdf'));
    await store.getState().attachDocument(pdfFileSource('b.pdf', '%PDF-1.4 other'));
    const [first, second] = store.getState().documents;
    await store.getState().discardDocument(first!.documentId);
    expect(store.getState().documents.map((d) => d.fileName)).toEqual(['b.pdf']);

    await fake.impl.documents.discardDocument(second!.documentId);
    await store.getState().discardDocument(second!.documentId);
    expect(store.getState().documents).toEqual([]);
    expect(store.getState().documentProblem).toEqual({ operation: 'discard', fileName: 'b.pdf', error: { kind: 'not-found' } });
  });

  it('sums sizes and shortens digests for display', async () => {
    const { store } = await createSignedInStore();
    await store.getState().attachDocument(pdfFileSource('a.pdf', '%PDF-12345'));
    await store.getState().attachDocument(pdfFileSource('b.pdf', '%PDF-1'));
    expect(selectTotalDocumentBytes(store.getState())).toBe(16);
    expect(shortDigest('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
  });
});
