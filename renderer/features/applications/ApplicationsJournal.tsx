import { useEffect, useState } from 'react';
import type { ApplicationSummary } from '../../../core/contract';
import { backendProblemMessage, isExplainedProblemCode } from '../../i18n/signingMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { SUBTYPE_LABELS } from '../catalog/subtypeLabels';
import { ReceiptActions } from '../receipts/ReceiptActions';
import { PurgedNote, purgedActionReason } from '../retention/PurgedNote';
import { ApplicationDetails } from '../status/ApplicationDetails';
import { ResultViewer } from '../status/ResultViewer';
import { StatusActions } from '../status/StatusActions';
import { StatusLabel } from '../status/StatusLabel';
import { applicantIdentifierOf, selectApplications, selectIsApplicationsLoading, selectServiceTitle } from './applicationsSelectors';
import { APPLICATIONS_POLL_MS, useApplicationsPolling } from './useApplicationsPolling';

function ApplicationRow({ application, onOpen }: { readonly application: ApplicationSummary; readonly onOpen: () => void }) {
  const translator = useTranslator();
  const { t, render, language, formatDate, formatDateTime } = translator;
  const serviceTitle = useWorkstation((state) => selectServiceTitle(state, application.serviceId, language));
  return (
    <tr data-testid="applications-row">
      <td className="data-table__number">{application.localNumber}</td>
      <td className="data-table__number">{application.registrationNumber ?? <span className="muted">{t('journal.waiting')}</span>}</td>
      <td>
        {serviceTitle}
        <span className="data-table__sub">{t(SUBTYPE_LABELS[application.subtype])}</span>
      </td>
      <td>
        {application.purgedAt !== null ? (
          <PurgedNote purgedAt={application.purgedAt} testId="applications-purged" />
        ) : (
          <>
            {application.applicant.displayName}
            <span className="data-table__sub">{applicantIdentifierOf(application)}</span>
            {application.representative && (
              <span className="data-table__sub">{t('journal.representative', { name: application.representative.displayName })}</span>
            )}
          </>
        )}
      </td>
      <td className="data-table__number">{formatDateTime(application.acceptedAt)}</td>
      <td className="data-table__number">
        {application.plannedResultDate === null ? <span className="muted">{t('journal.noDeadline')}</span> : formatDate(application.plannedResultDate)}
      </td>
      <td>
        <StatusLabel application={application} />
        {application.state === 'needs-attention' && (
          <span className="data-table__sub" data-testid="applications-problem">
            {isExplainedProblemCode(application.problemCode)
              ? render(backendProblemMessage(application.problemCode))
              : t('backendProblem.code', { code: application.problemCode ?? '—' })}
          </span>
        )}
      </td>
      <td>
        {application.state !== 'withdrawn' && (
          <ReceiptActions applicationId={application.applicationId} unavailableReason={purgedActionReason(application, translator)} />
        )}
      </td>
      <td>
        <StatusActions application={application} onOpen={onOpen} />
      </td>
    </tr>
  );
}

/**
 * The status screen (regulations.md §4, «сауалдың мәртебесі»): applications accepted at this
 * workstation, newest first, with their number, service, applicant's IIN/BIN, deadline and status,
 * re-read from main every APPLICATIONS_POLL_MS while open; per row refresh, view, open and save.
 */
export function ApplicationsJournal({ pollIntervalMs = APPLICATIONS_POLL_MS }: { readonly pollIntervalMs?: number }) {
  const { t } = useTranslator();
  const applications = useWorkstation(selectApplications);
  const isLoading = useWorkstation(selectIsApplicationsLoading);
  const loadApplications = useWorkstation((state) => state.loadApplications);
  const closeResult = useWorkstation((state) => state.closeResult);
  const run = useRunAction();
  const [openedId, setOpenedId] = useState<string | null>(null);
  useApplicationsPolling(pollIntervalMs);
  // Leaving the screen closes the viewer, which revokes the result's blob URL.
  useEffect(() => () => closeResult(), [closeResult]);

  const opened = applications.find((application) => application.applicationId === openedId) ?? null;
  return (
    <section className="journal">
      <div className="journal__header">
        <h2 className="step__title">{t('status.title')}</h2>
        <button type="button" className="button" data-testid="applications-refresh" autoFocus onClick={() => run(loadApplications())}>
          {t('journal.refresh')}
        </button>
      </div>
      <p className="muted">{t('status.autoRefresh', { seconds: Math.round(pollIntervalMs / 1000) })}</p>
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
              <th scope="col">{t('status.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((application) => (
              <ApplicationRow key={application.applicationId} application={application} onOpen={() => setOpenedId(application.applicationId)} />
            ))}
          </tbody>
        </table>
      )}
      {opened !== null && <ApplicationDetails application={opened} onClose={() => setOpenedId(null)} />}
      <ResultViewer />
    </section>
  );
}
