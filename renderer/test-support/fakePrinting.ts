/**
 * The fake printing area: main's PrintingService over a scripted print system, printing the documents
 * of the fake receipts and status areas. There is a CUPS printer "CounterPDF" (not chosen at first:
 * the dialog is used until `setChosen` or a supervisor picks it); `controller.failWith` makes the next jobs fail with a
 * reason (the document comes back with the failure, as main sends it), `setChosen(null)` makes main
 * answer use-dialog.
 */
import type { PrintDocument, PrintedDocument, PrintFailureReason, PrintingApi, PrintingStatus, ReceiptsApi, StatusApi } from '../../core/contract';
import type { Result } from '../../core/result';
import { err, ok } from '../../core/result';
import { NOT_SIGNED_IN, type FakeMain } from './fakeMain';

export interface FakePrintingController {
  failWith(reason: PrintFailureReason | null): void;
  setChosen(name: string | null): void;
  /** Documents printed on the printer (not through the dialog). */
  printed(): readonly string[];
}

/** Where main takes the documents from: the fake receipts and status areas, as the real PrintingService does. */
export interface FakePrintableSources {
  readonly receipts: () => ReceiptsApi;
  readonly status: () => StatusApi;
}

async function fetchDocument(sources: FakePrintableSources, document: PrintDocument): Promise<Result<PrintedDocument, { kind: string }>> {
  return document.kind === 'receipt' ? sources.receipts().forApplication(document.applicationId, document.language) : sources.status().result(document.applicationId);
}

export function createFakePrinting(main: FakeMain, sources: FakePrintableSources): { readonly api: PrintingApi; readonly controller: FakePrintingController } {
  let failure: PrintFailureReason | null = null;
  // As on a new workstation: no printer chosen yet, so the dialog is used until a supervisor picks one.
  let chosen: string | null = null;
  const printed: string[] = [];
  const status = (): PrintingStatus => ({
    via: 'cups',
    printers: [
      { name: 'CounterPDF', description: 'Counter PDF', isDefault: true, state: 'idle', problems: [] },
      { name: 'Laser', description: 'Laser 2nd floor', isDefault: false, state: 'stopped', problems: ['stopped'] },
    ],
    listError: null,
    chosen,
  });
  const api: PrintingApi = {
    async status() {
      if (!main.operator()) return err(NOT_SIGNED_IN);
      return ok(status());
    },
    async print(document) {
      if (!main.operator()) return err(NOT_SIGNED_IN);
      const fetched = await fetchDocument(sources, document);
      if (!fetched.ok) return fetched.error.kind === 'not-signed-in' ? err(NOT_SIGNED_IN) : err({ kind: 'not-found' });
      const printable = { fileName: fetched.value.fileName, pdfBase64: fetched.value.pdfBase64 };
      if (chosen === null) return ok({ kind: 'use-dialog', reason: 'no-printer-chosen', document: printable });
      if (failure) return err({ kind: 'print-failed', reason: failure, printer: chosen, document: printable });
      printed.push(`${document.kind}:${document.applicationId}`);
      return ok({ kind: 'printed', printer: chosen, jobId: `${chosen}-${printed.length}` });
    },
    async choosePrinter(name) {
      const operator = main.operator();
      if (!operator) return err(NOT_SIGNED_IN);
      if (operator.role !== 'supervisor') return err({ kind: 'not-permitted' });
      if (name !== null && !status().printers.some((p) => p.name === name)) return err({ kind: 'printer-not-found' });
      chosen = name;
      return ok(status());
    },
  };
  return {
    api,
    controller: {
      failWith: (reason) => void (failure = reason),
      setChosen: (name) => void (chosen = name),
      printed: () => printed,
    },
  };
}
