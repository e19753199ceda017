import type { ApplicationSummary } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { PurgedNote } from '../retention/PurgedNote';
import { issuedDocumentMessage, PROVIDER_STATUS_LABELS, refusalReasonText, requestNumberOf } from './statusLabels';

/**
 * «Ашу» (open): everything this workstation knows about one application after registration — the
 * provider's status history with times, the decision, and the hand-over record; and, once its
 * personal data were purged, when (a refusal's reasons went with them).
 */
export function ApplicationDetails({ application, onClose }: { readonly application: ApplicationSummary; readonly onClose: () => void }) {
  const { t, render, language, formatDateTime } = useTranslator();
  const tracking = application.tracking;
  const decision = tracking?.decision ?? null;
  const issued = issuedDocumentMessage(decision);
  const refusal = refusalReasonText(decision, language);
  return (
    <section className="status-details" data-testid="status-details" aria-label={t('status.details.title', { number: requestNumberOf(application) })}>
      <div className="status-details__header">
        <h3 className="status-details__title">{t('status.details.title', { number: requestNumberOf(application) })}</h3>
        <button type="button" className="button" data-testid="status-details-close" onClick={onClose}>
          {t('status.details.close')}
        </button>
      </div>
      {application.purgedAt !== null && (
        <p>
          <PurgedNote purgedAt={application.purgedAt} testId="status-details-purged" />
        </p>
      )}
      <h4>{t('status.details.history')}</h4>
      {tracking === null ? (
        <p className="muted">{t('status.details.noHistory')}</p>
      ) : (
        <ol className="status-details__history">
          {tracking.history.map((event, index) => (
            <li key={`${event.status}-${index}`} data-testid="status-history-event">
              <span className="data-table__number">{formatDateTime(event.at)}</span> {t(PROVIDER_STATUS_LABELS[event.status])}
            </li>
          ))}
        </ol>
      )}
      {tracking !== null && (
        <p className="muted" data-testid="status-details-checked">
          {t('status.lastChecked', { time: formatDateTime(tracking.checkedAt) })}
          {tracking.nextCheckAt !== null && ` · ${t('status.details.nextCheck', { time: formatDateTime(tracking.nextCheckAt) })}`}
        </p>
      )}
      <h4>{t('status.details.decision')}</h4>
      <div data-testid="status-details-decision">
        {decision === null && application.purgedAt !== null ? (
          <p>
            <PurgedNote purgedAt={application.purgedAt} />
          </p>
        ) : decision === null ? (
          <p className="muted">{t('status.details.noDecision')}</p>
        ) : (
          <>
            {issued !== null && <p>{render(issued)}</p>}
            {refusal !== null && <p>{t('status.refusalReason', { reason: refusal })}</p>}
            <p className="muted">{t('status.details.decidedAt', { time: formatDateTime(decision.decidedAt) })}</p>
          </>
        )}
      </div>
      <h4>{t('status.details.handOver')}</h4>
      <p data-testid="status-details-handover">
        {application.handOver === null
          ? t('status.details.notHandedOver')
          : t('status.details.handedOverBy', { time: formatDateTime(application.handOver.handedOverAt), name: application.handOver.operatorName })}
      </p>
    </section>
  );
}
