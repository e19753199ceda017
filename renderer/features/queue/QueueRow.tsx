import { useEffect, useId, useRef, type KeyboardEvent, type RefObject } from 'react';
import type { ApplicationSummary } from '../../../core/contract';
import type { MessageKey } from '../../i18n/messageCatalog';
import { queueActionFailureMessage } from '../../i18n/queueMessages';
import { backendProblemMessage } from '../../i18n/signingMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { applicantIdentifierOf, selectServiceTitle } from '../applications/applicationsSelectors';
import { PurgedNote } from '../retention/PurgedNote';
import { signingDateFormats } from '../signing/signingDateFormats';
import { queueRowOptionsOf, queueRowStateOf, selectIsSending, selectQueueBusy, selectQueueFailure, type QueueRowState } from './queueSelectors';
import { ResignForm } from './ResignForm';

const ROW_STATE_LABELS: Readonly<Record<QueueRowState, MessageKey>> = {
  accepted: 'queue.state.accepted',
  sending: 'queue.state.sending',
  registered: 'state.registered',
  'needs-attention': 'state.needsAttention',
  withdrawn: 'state.withdrawn',
};

/** What opens under a row: the withdraw question or the re-signing controls. */
export type QueueRowDetail = 'withdraw' | 'resign';

const COLUMN_COUNT = 6;

function WithdrawConfirmation({ application, onAnswer }: { readonly application: ApplicationSummary; readonly onAnswer: (isConfirmed: boolean) => void }) {
  const { t } = useTranslator();
  const questionId = useId();
  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onAnswer(false);
  }
  return (
    <div className="queue-confirm" role="group" aria-labelledby={questionId} data-testid="queue-withdraw-confirmation" onKeyDown={cancelOnEscape}>
      <p id={questionId} className="queue-confirm__question">
        {t('queue.withdrawQuestion', { number: application.localNumber })}
      </p>
      <div className="step__actions step__actions--start">
        <button type="button" className="button button--danger" data-testid="queue-withdraw-confirm" onClick={() => onAnswer(true)}>
          {t('queue.withdrawConfirm')}
        </button>
        {/* The safe answer has the focus: a stray Enter keeps the application. */}
        <button type="button" className="button" data-testid="queue-withdraw-cancel" autoFocus onClick={() => onAnswer(false)}>
          {t('queue.cancel')}
        </button>
      </div>
    </div>
  );
}

export interface QueueRowProps {
  readonly application: ApplicationSummary;
  readonly detail: QueueRowDetail | null;
  readonly onDetail: (detail: QueueRowDetail | null) => void;
  /** The row's own buttons are about to go (withdrawn): the panel takes the focus. */
  readonly onFocusLeaving: () => void;
}

/** One application in the queue: who, what, when, its state with the backend's reason, and the operator's options. */
export function QueueRow({ application, detail, onDetail, onFocusLeaving }: QueueRowProps) {
  const translator = useTranslator();
  const { t, render, language, formatDateTime } = translator;
  const { applicationId } = application;
  const isSending = useWorkstation((state) => selectIsSending(state, applicationId));
  const busy = useWorkstation((state) => selectQueueBusy(state, applicationId));
  const failure = useWorkstation((state) => selectQueueFailure(state, applicationId));
  const serviceTitle = useWorkstation((state) => selectServiceTitle(state, application.serviceId, language));
  const retryApplication = useWorkstation((state) => state.retryApplication);
  const withdrawApplication = useWorkstation((state) => state.withdrawApplication);
  const run = useRunAction();
  const retryRef = useRef<HTMLButtonElement>(null);
  const resignRef = useRef<HTMLButtonElement>(null);
  const withdrawRef = useRef<HTMLButtonElement>(null);
  const rowState = queueRowStateOf(application, isSending);
  const options = queueRowOptionsOf(application, rowState);
  const isBusy = busy !== null;
  const hasOptions = options.canRetry || options.canWithdraw || options.canResign;

  // The sender moved the application on (sending, registered…) while a question was open: it no longer applies.
  const isDetailStale = (detail === 'withdraw' && !options.canWithdraw) || (detail === 'resign' && !hasOptions);
  useEffect(() => {
    if (isDetailStale) onDetail(null);
  }, [isDetailStale, onDetail]);

  /** Closes what opened under the row; the focus goes back to a button of the row before the detail unmounts. */
  function closeDetail(focusTarget: RefObject<HTMLButtonElement | null>) {
    focusTarget.current?.focus();
    onDetail(null);
  }

  function answerWithdraw(isConfirmed: boolean) {
    if (!isConfirmed) {
      closeDetail(withdrawRef);
      return;
    }
    onFocusLeaving();
    onDetail(null);
    run(withdrawApplication(applicationId));
  }

  return (
    <>
      <tr className={`queue-row queue-row--${rowState}`} data-testid="queue-row" data-application-id={applicationId} data-state={rowState}>
        <td className="data-table__number" data-testid="queue-row-number">
          {application.localNumber}
        </td>
        <td>
          {application.purgedAt !== null ? (
            <PurgedNote purgedAt={application.purgedAt} />
          ) : (
            <>
              {application.applicant.displayName}
              <span className="data-table__sub">{applicantIdentifierOf(application)}</span>
            </>
          )}
        </td>
        <td>{serviceTitle}</td>
        <td className="data-table__number">{formatDateTime(application.acceptedAt)}</td>
        <td data-testid="queue-row-state" data-state={rowState}>
          <span className={`badge badge--state-${rowState}`}>{t(ROW_STATE_LABELS[rowState])}</span>
          {rowState === 'needs-attention' && (
            <span className="queue-row__reason" data-testid="queue-row-problem">
              {render(backendProblemMessage(application.problemCode))}
            </span>
          )}
          {busy === 'retry' && (
            <span className="progress queue-row__progress" role="status" data-testid="queue-row-progress">
              {t('queue.retrying')}
            </span>
          )}
          {busy === 'withdraw' && (
            <span className="progress queue-row__progress" role="status" data-testid="queue-row-progress">
              {t('queue.withdrawing')}
            </span>
          )}
          {failure !== null && failure.action !== 'resign' && (
            <span className="queue-row__error" role="alert" data-testid="queue-row-error">
              {render(queueActionFailureMessage(failure, signingDateFormats(translator)))}
            </span>
          )}
        </td>
        <td className="queue-row__actions">
          {hasOptions && (
            <div className="queue-row__buttons">
              {options.canRetry && (
                <button
                  ref={retryRef}
                  type="button"
                  className="button button--small queue-row__first-action"
                  data-testid="queue-retry"
                  disabled={isBusy}
                  onClick={() => run(retryApplication(applicationId))}
                >
                  {t(busy === 'retry' ? 'queue.retrying' : 'queue.retry')}
                </button>
              )}
              {options.canResign && (
                <button
                  ref={resignRef}
                  type="button"
                  className="button button--small"
                  data-testid="queue-resign"
                  aria-expanded={detail === 'resign'}
                  disabled={isBusy}
                  onClick={() => onDetail(detail === 'resign' ? null : 'resign')}
                >
                  {t('queue.resign')}
                </button>
              )}
              {options.canWithdraw && (
                <button
                  ref={withdrawRef}
                  type="button"
                  className="button button--small"
                  data-testid="queue-withdraw"
                  aria-expanded={detail === 'withdraw'}
                  disabled={isBusy}
                  onClick={() => onDetail(detail === 'withdraw' ? null : 'withdraw')}
                >
                  {t('queue.withdraw')}
                </button>
              )}
            </div>
          )}
        </td>
      </tr>
      {detail === 'withdraw' && options.canWithdraw && (
        <tr className="queue-row__detail" data-testid="queue-row-detail">
          <td colSpan={COLUMN_COUNT}>
            <WithdrawConfirmation application={application} onAnswer={answerWithdraw} />
          </td>
        </tr>
      )}
      {/* Stays open until it closes itself: after a successful signature the row is accepted and offers no re-signing. */}
      {detail === 'resign' && hasOptions && (
        <tr className="queue-row__detail" data-testid="queue-row-detail">
          <td colSpan={COLUMN_COUNT}>
            <ResignForm application={application} onClose={(isDone) => closeDetail(isDone ? retryRef : resignRef)} />
          </td>
        </tr>
      )}
    </>
  );
}
