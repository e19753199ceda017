import type { ChoosePrinterError, NotSignedIn, PrintDocument, PrintError, PrintingStatus, PrintOutcome } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';
import { withResultStored } from '../status/applicationUpdates';

export interface PrintingState {
  /** The print system and printers as main last reported them (Settings, the counter's print buttons). */
  readonly printing: PrintingStatus | null;
}

export interface PrintingActions {
  /** Asks main to print a receipt or result on the counter's printer (issue 15 item 1). */
  printDocument(document: PrintDocument): Promise<Result<PrintOutcome, PrintError>>;
  loadPrinting(): Promise<Result<PrintingStatus, NotSignedIn>>;
  /** Supervisor: the counter's printer, or null for the browser's dialog. */
  choosePrinter(name: string | null): Promise<Result<PrintingStatus, ChoosePrinterError>>;
}

export type PrintingSlice = PrintingState & PrintingActions;

export const printingInitialState: PrintingState = { printing: null };

export const createPrintingSlice: SliceCreator<PrintingSlice> = ({ get, set, api }) => ({
  ...printingInitialState,

  async printDocument(document) {
    const epoch = get().citizenDataEpoch;
    const result = await api.printing.print(document);
    if (!result.ok && result.error.kind === 'not-signed-in') get().endExpiredSession();
    // Printing a result fetched it into main's store, as viewing does: the hand-over may now be recorded.
    const fetched = result.ok || result.error.kind === 'print-failed';
    if (document.kind === 'result' && fetched && get().citizenDataEpoch === epoch) {
      const state = get();
      const known =
        (state.applicationsLoad.kind === 'loaded' ? state.applicationsLoad.applications : []).find((a) => a.applicationId === document.applicationId) ??
        (state.handOverSearch.kind === 'found' ? state.handOverSearch.applications : []).find((a) => a.applicationId === document.applicationId);
      if (known) state.rememberApplication(withResultStored(known));
    }
    return result;
  },

  async loadPrinting() {
    const result = await api.printing.status();
    if (result.ok) set({ printing: result.value });
    else get().endExpiredSession();
    return result;
  },

  async choosePrinter(name) {
    const result = await api.printing.choosePrinter(name);
    if (result.ok) set({ printing: result.value });
    else if (result.error.kind === 'not-signed-in') get().endExpiredSession();
    return result;
  },
});
