import { useCallback, useEffect, useState } from 'react';
import { receiptErrorMessage } from '../../i18n/contractErrorMessages';
import type { MessageKey } from '../../i18n/messageCatalog';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { base64ToBytes, savePdf } from './receiptOutput';
import { receiptLanguageFor } from './receiptsSlice';
import { usePrintDocument, type PrintFeedback } from '../printing/usePrintDocument';
import { Notice } from '../../ui/Notice';

type ReceiptAction = 'print' | 'save';

/** Alt+P prints the receipt where the buttons offer the shortcut (the result screen). */
const isPrintShortcut = (event: KeyboardEvent) =>
  event.altKey && !event.ctrlKey && !event.shiftKey && !event.metaKey && event.code === 'KeyP';

/**
 * "Print receipt" and "Save as PDF" for one application (Diagram No. 2 step 8): the receipt is asked
 * of main in the interface's language each time, so a reprint shows the registration number once known.
 * `unavailableReason` (the application's personal data were purged) disables both and says why.
 */
export function ReceiptActions({
  applicationId,
  printShortcut = false,
  unavailableReason = null,
}: {
  readonly applicationId: string;
  readonly printShortcut?: boolean;
  readonly unavailableReason?: string | null;
}) {
  const { t, render, language } = useTranslator();
  const printDocument = usePrintDocument();
  const [printed, setPrinted] = useState<PrintFeedback>({ kind: 'none' });
  const fetchReceipt = useWorkstation((state) => state.fetchReceipt);
  const run = useRunAction();
  const [busy, setBusy] = useState<ReceiptAction | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);

  const perform = useCallback(
    async (action: ReceiptAction) => {
      setBusy(action);
      setError(null);
      setPrinted({ kind: 'none' });
      try {
        if (action === 'print') {
          // Main prints on the counter's printer (or hands the PDF back for the dialog).
          setPrinted(await printDocument({ kind: 'receipt', applicationId, language: receiptLanguageFor(language) }));
          return;
        }
        const receipt = await fetchReceipt(applicationId);
        if (!receipt.ok) {
          setError(receiptErrorMessage(receipt.error));
          return;
        }
        savePdf(base64ToBytes(receipt.value.pdfBase64), receipt.value.fileName);
      } finally {
        setBusy(null);
      }
    },
    [applicationId, fetchReceipt, printDocument, language],
  );

  useEffect(() => {
    if (!printShortcut || unavailableReason !== null) return undefined;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.repeat || !isPrintShortcut(event)) return;
      event.preventDefault();
      run(perform('print'));
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [printShortcut, unavailableReason, perform, run]);

  return (
    <div className="receipt-actions">
      <button
        type="button"
        className="button"
        data-testid="receipt-print"
        disabled={busy !== null || unavailableReason !== null}
        aria-keyshortcuts={printShortcut && unavailableReason === null ? 'Alt+P' : undefined}
        title={unavailableReason ?? (printShortcut ? `${t('receipt.print')} (Alt+P)` : undefined)}
        onClick={() => run(perform('print'))}
      >
        {busy === 'print' ? t('receipt.busy') : t('receipt.print')}
      </button>
      <button
        type="button"
        className="button"
        data-testid="receipt-save"
        disabled={busy !== null || unavailableReason !== null}
        title={unavailableReason ?? undefined}
        onClick={() => run(perform('save'))}
      >
        {busy === 'save' ? t('receipt.busy') : t('receipt.save')}
      </button>
      {error !== null && (
        <p className="receipt-actions__error" role="alert" data-testid="receipt-error">
          {t(error)}
        </p>
      )}
      {printed.kind === 'done' && (
        <Notice tone="success" testId="receipt-printed">
          {render(printed.message)}
        </Notice>
      )}
      {printed.kind === 'failed' && (
        <Notice tone="error" testId="receipt-print-failed">
          {render(printed.message)}
        </Notice>
      )}
    </div>
  );
}
