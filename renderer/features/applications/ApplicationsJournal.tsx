import { useEffect } from 'react';
import type { ApplicationSummary } from '../../../core/contract';
import { backendProblemMessage, isExplainedProblemCode } from '../../i18n/signingMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { ReceiptActions } from '../receipts/ReceiptActions';
import { APPLICATION_STATE_LABELS } from '../submission/applicationStateLabels';
import { applicantIdentifierOf, selectApplications, selectIsApplicationsLoading, selectServiceTitle } from './applicationsSelectors';

function ApplicationRow({ application }: { readonly application: ApplicationSummary }) {
  const { t, render, language, formatDate, formatDateTime } = useTranslator();
  const serviceTitle = useWorkstation((state) => selectServiceTitle(state, application.serviceId, language));
  return (
    <tr data-testid="applications-row">
      <td className="data-table__number">{application.localNumber}</td>
      <td className="data-table__number">{application.registrationNumber ?? <span className="muted">{t('journal.waiting')}</span>}</td>
      <td>{serviceTitle}</td>
      <td>
        {application.applicant.displayName}
        <span className="data-table__sub">{applicantIdentifierOf(application)}</span>
        {application.representative && (
          <span className="data-table__sub">{t('journal.representative', { name: application.representative.displayName })}</span>
        )}
      </td>
      <td className="data-table__number">{formatDateTime(application.acceptedAt)}</td>
      <td className="data-table__number">
        {application.plannedResultDate === null ? <span className="muted">{t('journal.noDeadline')}</span> : formatDate(application.plannedResultDate)}
      </td>
      <td>
        <span className={`badge badge--state-${application.state}`}>{t(APPLICATION_STATE_LABELS[application.state])}</span>
        {application.state === 'needs-attention' && (
          <span className="data-table__sub" data-testid="applications-problem">
            {isExplainedProblemCode(application.problemCode)
              ? render(backendProblemMessage(application.problemCode))
              : t('backendProblem.code', { code: application.problemCode ?? '—' })}
          </span>
        )}
      </td>
      <td>{application.state !== 'withdrawn' && <ReceiptActions applicationId={application.applicationId} />}</td>
    </tr>
  );
}

/** Applications accepted at this workstation, newest first, with their current state. */
export function ApplicationsJournal() {
  const { t } = useTranslator();
  const applications = useWorkstation(selectApplications);
  const isLoading = useWorkstation(selectIsApplicationsLoading);
  const loadApplications = useWorkstation((state) => state.loadApplications);
  const run = useRunAction();

  useEffect(() => {
    run(loadApplications());
  }, [run, loadApplications]);

  return (
    <section className="journal">
      <div className="journal__header">
        <h2 className="step__title">{t('journal.title')}</h2>
        <button type="button" className="button" data-testid="applications-refresh" autoFocus onClick={() => run(loadApplications())}>
          {t('journal.refresh')}
        </button>
      </div>
      {isLoading ? (
        <p role="status">{t('journal.loading')}</p>
      ) : applications.length === 0 ? (
        <p className="muted">{t('journal.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('journal.localNumber')}</th>
              <th scope="col">{t('journal.registrationNumber')}</th>
              <th scope="col">{t('journal.service')}</th>
              <th scope="col">{t('journal.applicant')}</th>
              <th scope="col">{t('journal.acceptedAt')}</th>
              <th scope="col">{t('journal.plannedResultDate')}</th>
              <th scope="col">{t('journal.state')}</th>
              <th scope="col">{t('journal.receipt')}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((application) => (
              <ApplicationRow key={application.applicationId} application={application} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
