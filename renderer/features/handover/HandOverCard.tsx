import type { ApplicationSummary, ResultDocument } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation, useWorkstationStore } from '../../store/StoreProvider';
import { CardRow } from '../../ui/CardRow';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { applicantIdentifierOf, selectServiceTitle } from '../applications/applicationsSelectors';
import { SUBTYPE_LABELS } from '../catalog/subtypeLabels';
import { base64ToBytes, savePdf } from '../receipts/receiptOutput';
import { usePrintDocument, type PrintFeedback } from '../printing/usePrintDocument';
import { useState } from 'react';
import { PurgedNote, purgedActionReason } from '../retention/PurgedNote';
import { StatusLabel } from '../status/StatusLabel';
import { handOverErrorMessage } from '../status/statusErrorMessages';
import { issuedDocumentMessage, requestNumberOf } from '../status/statusLabels';
import { useStatusRowActions } from '../status/useStatusRowActions';
import { handOverBlockerMessage } from './handOverMessages';
import { handOverBlockerOf, questionnaireOpenerOf } from './handoverSelectors';

function saveResult(document: ResultDocument): void {
  savePdf(base64ToBytes(document.pdfBase64), document.fileName);
}

/**
 * The chosen application at the hand-over counter: who, what, its status and result; view and print
 * the result, then record the hand-over (enabled only when main would accept it, with the reason
 * otherwise), then the questionnaire where the store offers one. Once the application's personal
 * data were purged, the result can no longer be viewed or printed: the buttons say why.
 */
export function HandOverCard({ application }: { readonly application: ApplicationSummary }) {
  const translator = useTranslator();
  const { t, render, language, formatDate, formatDateTime } = translator;
  const store = useWorkstationStore();
  const serviceTitle = useWorkstation((state) => selectServiceTitle(state, application.serviceId, language));
  const attempt = useWorkstation((state) => state.handOverAttempt);
  const hasQuestionnaire = useWorkstation((state) => questionnaireOpenerOf(state) !== null);
  const viewResult = useWorkstation((state) => state.viewResult);
  const handOverChosen = useWorkstation((state) => state.handOverChosen);
  const clearHandOver = useWorkstation((state) => state.clearHandOver);
  const run = useRunAction();
  const { applicationId } = application;
  const { busy, error, refresh } = useStatusRowActions(applicationId, saveResult);
  const printDocument = usePrintDocument();
  const [printing, setPrinting] = useState(false);
  const [printed, setPrinted] = useState<PrintFeedback>({ kind: 'none' });
  const printResult = async () => {
    setPrinting(true);
    setPrinted({ kind: 'none' });
    try {
      setPrinted(await printDocument({ kind: 'result', applicationId }));
    } finally {
      setPrinting(false);
    }
  };

  const blocker = handOverBlockerOf(application);
  const isRecording = attempt.kind === 'recording' && attempt.applicationId === applicationId;
  const done = attempt.kind === 'done' && attempt.applicationId === applicationId ? attempt : null;
  const refused = attempt.kind === 'refused' && attempt.applicationId === applicationId ? attempt : null;
  const purgedReason = purgedActionReason(application, translator);
  const hasResult = application.tracking?.resultAvailable === true || (purgedReason !== null && application.state === 'registered');
  const issued = issuedDocumentMessage(application.tracking?.decision ?? null);

  return (
    <section className="handover-card" data-testid="handover-card" aria-label={requestNumberOf(application)}>
      <dl className="summary">
        <CardRow label={t('journal.registrationNumber')}>
          <span className="data-table__number">{requestNumberOf(application)}</span>
        </CardRow>
        <CardRow label={t('journal.applicant')} testId="handover-applicant">
          {application.purgedAt !== null ? (
            <PurgedNote purgedAt={application.purgedAt} />
          ) : (
            <>
              {application.applicant.displayName}
              <span className="summary__sub">{applicantIdentifierOf(application)}</span>
              {application.representative && (
                <span className="summary__sub">{t('journal.representative', { name: application.representative.displayName })}</span>
              )}
            </>
          )}
        </CardRow>
        <CardRow label={t('journal.service')}>
          {serviceTitle}
          <span className="summary__sub">{t(SUBTYPE_LABELS[application.subtype])}</span>
        </CardRow>
        <CardRow label={t('journal.plannedResultDate')}>
          {application.plannedResultDate === null ? t('journal.noDeadline') : formatDate(application.plannedResultDate)}
        </CardRow>
        <CardRow label={t('journal.state')} testId="handover-status">
          <StatusLabel application={application} />
        </CardRow>
        {issued !== null && <CardRow label={t('handover.result')}>{render(issued)}</CardRow>}
      </dl>

      <div className="step__actions">
        {application.state === 'registered' && application.handOver === null && purgedReason === null && (
          <button type="button" className="button" data-testid="handover-refresh" disabled={busy !== null} onClick={() => run(refresh())}>
            {busy === 'refresh' ? t('status.refreshing') : t('status.refreshRow')}
          </button>
        )}
        {hasResult && (
          <button
            type="button"
            className="button"
            data-testid="handover-view-result"
            disabled={busy !== null || purgedReason !== null}
            aria-describedby={purgedReason !== null ? 'handover-purged-reason' : undefined}
            onClick={() => run(viewResult(applicationId))}
          >
            {t('status.viewResult')}
          </button>
        )}
        {hasResult && (
          <button
            type="button"
            className="button"
            data-testid="handover-print-result"
            disabled={busy !== null || printing || purgedReason !== null}
            aria-describedby={purgedReason !== null ? 'handover-purged-reason' : undefined}
            onClick={() => run(printResult())}
          >
            {printing ? t('handover.printing') : t('handover.print')}
          </button>
        )}
        {done === null && (
          <button
            type="button"
            className="button button--primary"
            data-testid="handover-confirm"
            disabled={blocker !== null || isRecording}
            aria-describedby={blocker !== null ? 'handover-blocked-reason' : undefined}
            onClick={() => run(handOverChosen())}
          >
            {isRecording ? t('handover.recording') : t('handover.confirm')}
          </button>
        )}
      </div>
      {purgedReason !== null && (
        <p className="muted" id="handover-purged-reason" data-testid="handover-purged-reason">
          {purgedReason}
        </p>
      )}
      {blocker !== null && done === null && (
        <p className="muted" id="handover-blocked-reason" data-testid="handover-blocked-reason">
          {render(handOverBlockerMessage(blocker, t, formatDateTime))}
        </p>
      )}
      {printed.kind === 'done' && (
        <Notice tone="success" testId="handover-printed">
          {render(printed.message)}
        </Notice>
      )}
      {printed.kind === 'failed' && (
        <Notice tone="error" testId="handover-print-failed">
          <p>{render(printed.message)}</p>
          {printed.document !== null && (
            <div className="notice__actions">
              <button type="button" className="button" data-testid="handover-save-result" onClick={() => printed.document && saveResult(printed.document)}>
                {t('print.saveInstead')}
              </button>
            </div>
          )}
        </Notice>
      )}
      {error !== null && (
        <Notice tone="error" testId="handover-error">
          {render(error)}
        </Notice>
      )}
      {refused !== null && (
        <Notice tone="error" testId="handover-refused">
          {render(handOverErrorMessage(refused.error, formatDateTime))}
        </Notice>
      )}
      {done !== null && (
        <Notice tone="success" testId="handover-done">
          <p>{t('handover.done', { time: formatDateTime(done.handedOverAt) })}</p>
          <div className="notice__actions">
            {hasQuestionnaire && (
              <button
                type="button"
                className="button button--primary"
                data-testid="handover-questionnaire"
                autoFocus
                onClick={() => {
                  const outcome = questionnaireOpenerOf(store.getState())?.(applicationId);
                  if (outcome instanceof Promise) run(outcome);
                }}
              >
                {t('handover.questionnaire')}
              </button>
            )}
            <button type="button" className="button" data-testid="handover-next" autoFocus={!hasQuestionnaire} onClick={clearHandOver}>
              {t('handover.next')}
            </button>
          </div>
        </Notice>
      )}
    </section>
  );
}
