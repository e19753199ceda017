import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { chooseService, createSignedInStore, findApplicant } from '../../test-support/arrangeStore';

afterEach(cleanup);

async function renderDocumentsStep(language: 'kk' | 'ru' | 'en' = 'en') {
  const arranged = await createSignedInStore({ language });
  chooseService(arranged.store);
  await findApplicant(arranged.store, '850415312343');
  arranged.store.getState().goToStep('documents');
  render(<App store={arranged.store} />);
  const input = (await screen.findByTestId('document-file-input')) as HTMLInputElement;
  return { ...arranged, input };
}

function pick(input: HTMLInputElement, ...files: File[]) {
  fireEvent.change(input, { target: { files } });
}

describe('DocumentsStep', () => {
  it('accepts only the scan formats in the file picker', async () => {
    const { input } = await renderDocumentsStep();
    expect(input.accept).toBe('.pdf,.jpg,.jpeg,.png,.tif,.tiff');
    expect(screen.getByTestId('documents-next')).toHaveProperty('disabled', true);
  });

  it('attaches picked files and lists name, size and short digest', async () => {
    const { input, fake } = await renderDocumentsStep();
    pick(
      input,
      new File(['%PDF-1.7 application form'], 'application-form.pdf', { type: 'application/pdf' }),
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'id-card.png', { type: 'image/png' }),
    );

    await screen.findByText('id-card.png');
    const rows = screen.getAllByTestId('document-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('application-form.pdf');
    expect(rows[0]!.textContent).toContain('25 B');
    expect(within(rows[0]!).getByText(/^[0-9a-f]{12}$/)).toBeTruthy();
    const sentBase64 = (fake.callsTo('documents', 'attachFile')[0]?.args[0] as { contentBase64: string }).contentBase64;
    expect(atob(sentBase64)).toBe('%PDF-1.7 application form');
    expect(screen.getByTestId('documents-next')).toHaveProperty('disabled', false);
  });

  it('shows why a file was refused', async () => {
    const { input } = await renderDocumentsStep();
    pick(input, new File(['just text'], 'notes.pdf'));
    expect((await screen.findByTestId('document-error')).textContent).toBe(
      '“notes.pdf”: this file type is not accepted. Choose a PDF, JPEG, PNG or TIFF file.',
    );
    pick(input, new File([], 'blank.pdf'));
    expect((await screen.findByTestId('document-error')).textContent).toBe('“blank.pdf” is an empty file.');
    expect(screen.queryAllByTestId('document-row')).toHaveLength(0);
  });

  it('removes a document from the list and from main', async () => {
    const { input, fake } = await renderDocumentsStep();
    pick(input, new File(['%PDF-1.7 x'], 'wrong-page.pdf'));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove the file “wrong-page.pdf”' }));
    await screen.findByText('No documents attached yet.');
    expect(fake.callsTo('documents', 'discardDocument')).toHaveLength(1);
  });
});
