import { useCallback, useState } from 'react';
import type { ApplicationSummary } from '../../../core/contract';
import type { Message } from '../../i18n/messageCatalog';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { base64ToBytes, savePdf } from '../receipts/receiptOutput';
import { resultErrorMessage, statusErrorMessage } from './statusErrorMessages';

type RowAction = 'refresh' | 'save';

/**
 * The status screen's buttons for one application (regulations.md §4): «мәртебені жаңалау» once it
 * is registered, «нәтижені қарау» and «сақтау» once the provider has a result, and «ашу».
 */
export function StatusActions({ application, onOpen }: { readonly application: ApplicationSummary; readonly onOpen: () => void }) {
  const { t, render } = useTranslator();
  const refreshApplicationStatus = useWorkstation((state) => state.refreshApplicationStatus);
  const fetchResultDocument = useWorkstation((state) => state.fetchResultDocument);
  const viewResult = useWorkstation((state) => state.viewResult);
  const run = useRunAction();
  const [busy, setBusy] = useState<RowAction | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const { applicationId } = application;

  const perform = useCallback(
    async (action: RowAction) => {
      setBusy(action);
      setError(null);
      try {
        if (action === 'refresh') {
          const refreshed = await refreshApplicationStatus(applicationId);
          if (!refreshed.ok) setError(statusErrorMessage(refreshed.error));
          return;
        }
        const document = await fetchResultDocument(applicationId);
        if (!document.ok) setError(resultErrorMessage(document.error));
        else savePdf(base64ToBytes(document.value.pdfBase64), document.value.fileName);
      } finally {
        setBusy(null);
      }
    },
    [applicationId, refreshApplicationStatus, fetchResultDocument],
  );

  const hasResult = application.tracking?.resultAvailable === true;
  return (
    <div className="status-actions">
      {application.state === 'registered' && (
        <button type="button" className="button button--small" data-testid="status-refresh-row" disabled={busy !== null} onClick={() => run(perform('refresh'))}>
          {busy === 'refresh' ? t('status.refreshing') : t('status.refreshRow')}
        </button>
      )}
      {hasResult && (
        <button type="button" className="button button--small" data-testid="status-view-result" disabled={busy !== null} onClick={() => run(viewResult(applicationId))}>
          {t('status.viewResult')}
        </button>
      )}
      <button type="button" className="button button--small" data-testid="status-open" onClick={onOpen}>
        {t('status.open')}
      </button>
      {hasResult && (
        <button type="button" className="button button--small" data-testid="status-save-result" disabled={busy !== null} onClick={() => run(perform('save'))}>
          {busy === 'save' ? t('status.loadingResult') : t('status.save')}
        </button>
      )}
      {error !== null && (
        <p className="status-actions__error" role="alert" data-testid="status-row-error">
          {render(error)}
        </p>
      )}
    </div>
  );
}
