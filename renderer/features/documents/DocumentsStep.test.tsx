import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { chooseService, confirmApplicant, createSignedInStore, fillRequiredSlots, findApplicant } from '../../test-support/arrangeStore';
import { fakePdf, fakePng, fakeTiff } from '../../test-support/fakeImages';
import type { FakeWorkstationOptions } from '../../test-support/fakeWorkstationApi';
import { PAGE_DRAG_TYPE } from './pageDrag';

afterEach(cleanup);

async function renderDocumentsStep(options: FakeWorkstationOptions = {}) {
  const arranged = await createSignedInStore({ language: 'en', ...options });
  await chooseService(arranged.store);
  await findApplicant(arranged.store, '850415312343');
  await confirmApplicant(arranged.store);
  render(<App store={arranged.store} />);
  const input = (await screen.findByTestId('import-file-input')) as HTMLInputElement;
  return { ...arranged, input };
}

function pick(input: HTMLElement, ...files: File[]) {
  fireEvent.change(input, { target: { files } });
}

const slot = (slotId: string) => screen.getByTestId(`slot-${slotId}`);
const thumbsIn = (slotId: string) => within(slot(slotId)).queryAllByTestId('page-thumb');
const pageIdsIn = (slotId: string) => thumbsIn(slotId).map((thumb) => thumb.getAttribute('data-page-id'));

/** A DataTransfer stand-in: happy-dom has none, and the page id travels in it from dragstart to drop. */
function dataTransfer() {
  const data: Record<string, string> = {};
  return {
    types: [PAGE_DRAG_TYPE],
    effectAllowed: 'all',
    dropEffect: 'none',
    setData: (type: string, value: string) => void (data[type] = value),
    getData: (type: string) => data[type] ?? '',
  };
}

describe('DocumentsStep: slots', () => {
  it('lists the slots of the subtype with the required badge, page count and status, and what is missing', async () => {
    await renderDocumentsStep();
    const ids = screen.getAllByTestId(/^slot-(?!status|presented|select|active)[a-z-]+$/).map((element) => element.dataset.testid);
    expect(ids).toEqual(['slot-application', 'slot-identity', 'slot-fee-receipt', 'slot-qualification', 'slot-reissue-grounds', 'slot-other']);
    expect(within(slot('identity')).getByText('required')).toBeTruthy();
    expect(within(slot('other')).queryByText('required')).toBeNull();
    expect(screen.getByTestId('slot-status-identity').textContent).toBe('missing');
    expect(screen.getByTestId('slot-status-other').textContent).toBe('optional');
    expect(within(slot('identity')).getByText('0 pages')).toBeTruthy();
    expect(screen.getByTestId('documents-next')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('documents-missing').textContent).toBe(
      'Still without pages: Licence application form, Identity document, Proof of payment of the licence fee, Documents proving the qualification requirements.',
    );
  });

  it('marks a document as presented on paper in main', async () => {
    const { fake } = await renderDocumentsStep();
    const box = screen.getByTestId('slot-presented-identity') as HTMLInputElement;
    fireEvent.click(box);
    await waitFor(() => expect((screen.getByTestId('slot-presented-identity') as HTMLInputElement).checked).toBe(true));
    expect(fake.callsTo('drafts', 'setPresentedOnPaper')[0]?.args.slice(1)).toEqual(['identity', true]);
  });

  it('makes a clicked slot the one scans and imports go to', async () => {
    const { input, fake } = await renderDocumentsStep();
    expect(within(slot('application')).getByTestId('slot-active')).toBeTruthy();
    fireEvent.click(screen.getByTestId('slot-select-fee-receipt'));
    expect(screen.getAllByTestId('slot-active')).toHaveLength(1);
    expect(within(slot('fee-receipt')).getByTestId('slot-active')).toBeTruthy();
    expect(screen.getByText('Pages go into “Proof of payment of the licence fee”.')).toBeTruthy();
    pick(input, new File([fakePdf(1)], 'receipt.pdf'));
    await waitFor(() => expect(thumbsIn('fee-receipt')).toHaveLength(1));
    expect(fake.callsTo('drafts', 'importFile')[0]?.args[1]).toBe('fee-receipt');
  });

  it('enables Next once every required document has a page', async () => {
    const { store } = await renderDocumentsStep();
    await fillRequiredSlots(store);
    await waitFor(() => expect(screen.getByTestId('documents-next')).toHaveProperty('disabled', false));
    expect(screen.queryByTestId('documents-missing')).toBeNull();
    expect(screen.getByTestId('slot-status-identity').textContent).toBe('✓');
    fireEvent.click(screen.getByTestId('documents-next'));
    expect(await screen.findByTestId('submit-application')).toBeTruthy();
  });
});

describe('DocumentsStep: importing files', () => {
  it('offers the scan formats, imports every page of a file into the active slot, and captions pages with the file name', async () => {
    const { input, fake } = await renderDocumentsStep();
    expect(input.accept).toBe('.pdf,.jpg,.jpeg,.png,.tif,.tiff');
    expect(input.multiple).toBe(true);
    pick(input, new File([fakePdf(3)], 'application-form.pdf'));

    await waitFor(() => expect(thumbsIn('application')).toHaveLength(3));
    const rows = within(slot('application')).getAllByTestId('document-row');
    expect(rows.map((row) => row.textContent?.includes('application-form.pdf'))).toEqual([true, true, true]);
    expect(thumbsIn('application')[0]!.textContent).toBe('PDF');
    expect(atob((fake.callsTo('drafts', 'importFile')[0]?.args[2] as { contentBase64: string }).contentBase64)).toBe(fakePdf(3));
    // The next import goes to the next required document still without pages.
    expect(within(slot('identity')).getByTestId('slot-active')).toBeTruthy();
  });

  it('keeps the alias input of the older end-to-end tests working', async () => {
    await renderDocumentsStep();
    pick(screen.getByTestId('document-file-input'), new File([fakePdf(1)], 'Жарғы.pdf'));
    await waitFor(() => expect(screen.getAllByTestId('document-row')).toHaveLength(1));
    expect(screen.getByTestId('document-row').textContent).toContain('Жарғы.pdf');
  });

  it('says why each refused file was refused and imports the others', async () => {
    const { input } = await renderDocumentsStep();
    pick(input, new File(['just text'], 'notes.pdf'), new File([], 'empty.pdf'), new File([fakeTiff(2)], 'id-card.tif'));
    await waitFor(() => expect(thumbsIn('application')).toHaveLength(2));
    expect(screen.getByTestId('import-error').textContent).toBe(
      '“notes.pdf”: this file type is not accepted. Choose a PDF, JPEG, PNG or TIFF file.“empty.pdf” is an empty file.',
    );
  });

  it('shows which file is being imported', async () => {
    const { input, fake } = await renderDocumentsStep();
    let answer: () => void = () => undefined;
    const original = fake.impl.drafts.importFile;
    fake.impl.drafts.importFile = (...args) => new Promise((resolve) => (answer = () => resolve(original(...args))));
    pick(input, new File([fakePdf(1)], 'a.pdf'), new File([fakePdf(1)], 'b.pdf'));
    expect((await screen.findByTestId('import-progress-text')).textContent).toBe('Importing “a.pdf” (1 of 2)…');
    answer();
    await waitFor(() => expect(screen.getByTestId('import-progress-text').textContent).toBe('Importing “b.pdf” (2 of 2)…'));
    answer();
    await waitFor(() => expect(screen.queryByTestId('import-progress')).toBeNull());
  });

  it('follows a long file page by page and cancels it: none of its pages kept, the rest of the batch skipped', async () => {
    const { input, fake } = await renderDocumentsStep();
    let finish: (cancelled: boolean) => void = () => undefined;
    const original = fake.impl.drafts.importFile;
    fake.impl.drafts.importFile = (...args) =>
      new Promise((resolve) => (finish = (cancelled) => resolve(cancelled ? { ok: false, error: { kind: 'import-cancelled' } } : original(...args))));
    fake.impl.drafts.importProgress = async (importId) => ({ ok: true, value: { importId, state: 'importing', pagesDone: 41, pageCount: 200 } });
    fake.impl.drafts.cancelImport = async (importId) => {
      finish(true);
      return { ok: true, value: { importId, state: 'importing', pagesDone: 41, pageCount: 200 } };
    };
    pick(input, new File([fakePdf(1)], 'archive.tif'), new File([fakePdf(1)], 'next.pdf'));
    await waitFor(() => expect(screen.getByTestId('import-progress-text').textContent).toBe('Importing “archive.tif”: page 42 of 200…'), { timeout: 3_000 });
    expect(screen.getByTestId('import-page-progress').getAttribute('value')).toBe('41');
    fireEvent.click(screen.getByTestId('import-cancel'));
    await waitFor(() => expect(screen.queryByTestId('import-progress')).toBeNull());
    expect(screen.getByTestId('import-error').textContent).toContain('The import of “archive.tif” was cancelled: none of its pages were kept.');
    expect(fake.callsTo('drafts', 'importFile')).toHaveLength(1);
    expect(fake.callsTo('drafts', 'cancelImport')).toHaveLength(1);
  });
});

describe('DocumentsStep: pages', () => {
  it('shows the thumbnail main made, and reloads it after a rotation; a PDF page cannot be rotated', async () => {
    const { input, fake } = await renderDocumentsStep();
    pick(input, new File([fakePng()], 'photo.png'));
    const image = await waitFor(() => {
      const loaded = within(slot('application')).getByRole('img', { name: /page 1/ }).querySelector('img');
      expect(loaded).not.toBeNull();
      return loaded!;
    });
    const before = image.getAttribute('src');
    expect(before).toMatch(/^data:image\/jpeg;base64,/);
    fireEvent.click(within(slot('application')).getByTestId('page-rotate'));
    await waitFor(() => expect(within(slot('application')).getByTestId('page-thumb').querySelector('img')?.getAttribute('src')).not.toBe(before));
    expect(fake.callsTo('drafts', 'rotatePage')[0]?.args.slice(2)).toEqual([90]);

    fireEvent.click(screen.getByTestId('slot-select-identity'));
    pick(input, new File([fakePdf(1)], 'passport.pdf'));
    await waitFor(() => expect(thumbsIn('identity')).toHaveLength(1));
    expect(within(slot('identity')).getByTestId('page-rotate')).toHaveProperty('disabled', true);
  });

  it('marks a page that looks blank and removes it with one click', async () => {
    const { input, fake } = await renderDocumentsStep();
    pick(input, new File([fakePng()], 'front.png'), new File([fakePng({ blank: true })], 'back.png'));
    await waitFor(() => expect(thumbsIn('application')).toHaveLength(2));
    const blank = screen.getByTestId('page-blank');
    expect(blank.textContent).toContain('Looks blank');
    fireEvent.click(within(blank).getByTestId('page-blank-remove'));
    await waitFor(() => expect(thumbsIn('application')).toHaveLength(1));
    expect(screen.queryByTestId('page-blank')).toBeNull();
    expect(fake.callsTo('drafts', 'deletePage')).toHaveLength(1);
  });

  it('deletes a page', async () => {
    const { input } = await renderDocumentsStep();
    pick(input, new File([fakeTiff(2)], 'scan.tif'));
    await waitFor(() => expect(thumbsIn('application')).toHaveLength(2));
    const [, second] = pageIdsIn('application');
    fireEvent.click(within(slot('application')).getAllByTestId('page-delete')[0]!);
    await waitFor(() => expect(pageIdsIn('application')).toEqual([second]));
  });

  it('moves a page to another document with the “move to” list', async () => {
    const { input } = await renderDocumentsStep();
    pick(input, new File([fakeTiff(2)], 'scan.tif'));
    await waitFor(() => expect(thumbsIn('application')).toHaveLength(2));
    const [first, second] = pageIdsIn('application');
    fireEvent.change(within(slot('application')).getAllByTestId('page-move-slot')[1]!, { target: { value: 'identity' } });
    await waitFor(() => expect(pageIdsIn('identity')).toEqual([second]));
    expect(pageIdsIn('application')).toEqual([first]);
  });

  it('reorders pages by drag and drop, within a slot and onto another slot', async () => {
    const { input } = await renderDocumentsStep();
    pick(input, new File([fakeTiff(3)], 'scan.tif'));
    await waitFor(() => expect(thumbsIn('application')).toHaveLength(3));
    const [a, b, c] = pageIdsIn('application');

    // Dragged up onto the first page: it takes its place.
    let transfer = dataTransfer();
    fireEvent.dragStart(thumbsIn('application')[2]!, { dataTransfer: transfer });
    fireEvent.dragOver(thumbsIn('application')[0]!, { dataTransfer: transfer });
    fireEvent.drop(thumbsIn('application')[0]!, { dataTransfer: transfer });
    await waitFor(() => expect(pageIdsIn('application')).toEqual([c, a, b]));

    // Dragged down onto the last page: it goes after it.
    transfer = dataTransfer();
    fireEvent.dragStart(thumbsIn('application')[0]!, { dataTransfer: transfer });
    fireEvent.drop(thumbsIn('application')[2]!, { dataTransfer: transfer });
    await waitFor(() => expect(pageIdsIn('application')).toEqual([a, b, c]));

    // Dropped on another document's card: last there.
    transfer = dataTransfer();
    fireEvent.dragStart(thumbsIn('application')[1]!, { dataTransfer: transfer });
    fireEvent.dragOver(slot('identity'), { dataTransfer: transfer });
    fireEvent.drop(slot('identity'), { dataTransfer: transfer });
    await waitFor(() => expect(pageIdsIn('identity')).toEqual([b]));
    expect(pageIdsIn('application')).toEqual([a, c]);
  });

  it('moves the focused page with Alt+↑ / Alt+↓ and keeps the focus on it', async () => {
    const { input } = await renderDocumentsStep();
    pick(input, new File([fakeTiff(2)], 'scan.tif'));
    await waitFor(() => expect(thumbsIn('application')).toHaveLength(2));
    const [a, b] = pageIdsIn('application');
    const thumb = thumbsIn('application')[0]!;
    thumb.focus();
    fireEvent.keyDown(thumb, { key: 'ArrowDown', code: 'ArrowDown', altKey: true });
    await waitFor(() => expect(pageIdsIn('application')).toEqual([b, a]));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-page-id')).toBe(a));

    // Past the last page of a slot it goes to the start of the next one.
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown', code: 'ArrowDown', altKey: true });
    await waitFor(() => expect(pageIdsIn('identity')).toEqual([a]));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-page-id')).toBe(a));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp', code: 'ArrowUp', altKey: true });
    await waitFor(() => expect(pageIdsIn('application')).toEqual([b, a]));
  });
});
