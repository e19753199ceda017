import type { ApplicationSummary } from '../../../core/contract';
import { assertNever } from '../../../core/result';
import { backendProblemMessage, isExplainedProblemCode } from '../../i18n/signingMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { ReceiptActions } from '../receipts/ReceiptActions';
import { APPLICATION_STATE_LABELS } from './applicationStateLabels';
import { selectSubmittedApplication } from './submissionSelectors';

/** The number the applicant is waiting for, as large as the screen allows. */
function ResultHeadline({ application }: { readonly application: ApplicationSummary }) {
  const { t, render } = useTranslator();
  switch (application.state) {
    case 'registered':
      return (
        <>
          <h2 className="result__title">{t('result.registered')}</h2>
          {application.registrationNumber !== null && (
            <>
              <p className="result__label">{t('result.registrationNumber')}</p>
              <p className="result__number" data-testid="registration-number">
                {application.registrationNumber}
              </p>
            </>
          )}
          <p className="result__secondary">
            {t('result.localNumber')}: <span data-testid="local-number">{application.localNumber}</span>
          </p>
        </>
      );
    case 'accepted':
      return (
        <>
          <h2 className="result__title">{t('result.accepted')}</h2>
          <p className="result__label">{t('result.localNumber')}</p>
          <p className="result__number" data-testid="local-number">
            {application.localNumber}
          </p>
          <p className="result__secondary">{t('result.acceptedBody')}</p>
        </>
      );
    case 'needs-attention':
      return (
        <>
          <h2 className="result__title result__title--attention">{t('result.needsAttention')}</h2>
          <p className="result__label">{t('result.localNumber')}</p>
          <p className="result__number" data-testid="local-number">
            {application.localNumber}
          </p>
          <p className="result__secondary" data-testid="result-problem">
            {render(backendProblemMessage(application.problemCode))}
          </p>
          {isExplainedProblemCode(application.problemCode) && (
            <p className="result__secondary muted">{t('backendProblem.code', { code: application.problemCode })}</p>
          )}
        </>
      );
    case 'withdrawn':
      // Only when it was withdrawn from the queue before this screen was left (e.g. in another window).
      return (
        <>
          <h2 className="result__title">{t('result.withdrawn')}</h2>
          <p className="result__label">{t('result.localNumber')}</p>
          <p className="result__number" data-testid="local-number">
            {application.localNumber}
          </p>
        </>
      );
    default:
      return assertNever(application.state);
  }
}

/** When the result is due (or that the regulation states no deadline), and who applied for the applicant. */
function ResultDetails({ application }: { readonly application: ApplicationSummary }) {
  const { t, formatDate } = useTranslator();
  return (
    <>
      <p className="result__secondary" data-testid="result-planned-date">
        {application.plannedResultDate === null
          ? t('plannedDate.notStated')
          : t('result.plannedResultDate', { date: formatDate(application.plannedResultDate) })}
      </p>
      {application.representative && (
        <p className="result__secondary" data-testid="result-representative">
          {t('result.representative', { name: application.representative.displayName })}
        </p>
      )}
    </>
  );
}

export function SubmissionResult() {
  const { t } = useTranslator();
  const application = useWorkstation(selectSubmittedApplication);
  const startNewApplication = useWorkstation((state) => state.startNewApplication);
  const openQuestionnaire = useWorkstation((state) => state.openQuestionnaire);
  const run = useRunAction();
  if (!application) return null;
  return (
    <section className={`step result result--${application.state}`} aria-live="polite">
      <ResultHeadline application={application} />
      <ResultDetails application={application} />
      <p className={`badge badge--state-${application.state}`} data-testid="application-state">
        {t(APPLICATION_STATE_LABELS[application.state])}
      </p>
      {application.state !== 'withdrawn' && <ReceiptActions applicationId={application.applicationId} printShortcut />}
      <div className="step__actions">
        {application.state !== 'withdrawn' && (
          <button type="button" className="button button--large" data-testid="offer-questionnaire" onClick={() => run(openQuestionnaire(application.applicationId))}>
            {t('questionnaire.offer')}
          </button>
        )}
        <button
          type="button"
          className="button button--primary button--large"
          data-testid="new-application"
          autoFocus
          onClick={() => run(startNewApplication())}
        >
          {t('result.newApplication')}
        </button>
      </div>
    </section>
  );
}
