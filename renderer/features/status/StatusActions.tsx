import type { ApplicationSummary, ResultDocument } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { base64ToBytes, savePdf } from '../receipts/receiptOutput';
import { purgedActionReason } from '../retention/PurgedNote';
import { useStatusRowActions } from './useStatusRowActions';

function saveResult(document: ResultDocument): void {
  savePdf(base64ToBytes(document.pdfBase64), document.fileName);
}

/**
 * The status screen's buttons for one application (regulations.md §4): «мәртебені жаңалау» once it
 * is registered, «нәтижені қарау» and «сақтау» once the provider has a result, and «ашу». Once its
 * personal data were purged, the result buttons stay disabled with the reason and nothing is refreshed.
 */
export function StatusActions({ application, onOpen }: { readonly application: ApplicationSummary; readonly onOpen: () => void }) {
  const translator = useTranslator();
  const { t, render } = translator;
  const viewResult = useWorkstation((state) => state.viewResult);
  const run = useRunAction();
  const { applicationId } = application;
  const { busy, error, refresh, outputResult } = useStatusRowActions(applicationId, saveResult);

  const purgedReason = purgedActionReason(application, translator);
  const hasResult = application.tracking?.resultAvailable === true || (purgedReason !== null && application.state === 'registered');
  return (
    <div className="status-actions">
      {application.state === 'registered' && purgedReason === null && (
        <button type="button" className="button button--small" data-testid="status-refresh-row" disabled={busy !== null} onClick={() => run(refresh())}>
          {busy === 'refresh' ? t('status.refreshing') : t('status.refreshRow')}
        </button>
      )}
      {hasResult && (
        <button
          type="button"
          className="button button--small"
          data-testid="status-view-result"
          disabled={busy !== null || purgedReason !== null}
          title={purgedReason ?? undefined}
          onClick={() => run(viewResult(applicationId))}
        >
          {t('status.viewResult')}
        </button>
      )}
      <button type="button" className="button button--small" data-testid="status-open" onClick={onOpen}>
        {t('status.open')}
      </button>
      {hasResult && (
        <button
          type="button"
          className="button button--small"
          data-testid="status-save-result"
          disabled={busy !== null || purgedReason !== null}
          title={purgedReason ?? undefined}
          onClick={() => run(outputResult())}
        >
          {busy === 'output' ? t('status.loadingResult') : t('status.save')}
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
