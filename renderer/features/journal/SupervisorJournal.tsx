import { useState } from 'react';
import type { JournalExportKind, JournalReport, JournalVisit } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { formatMinutesSeconds } from '../timer/visitClock';
import { JOURNAL_STEP_LABELS } from './journalStepLabels';
import { journalStatusLabelOf } from './journalStatusLabels';
import { saveCsv } from './saveCsv';
import { stepNormRangeOf, type NormRange } from './stepNormRange';

function normText(norm: NormRange | null): string {
  if (norm === null) return '—';
  return norm.minSeconds === norm.maxSeconds
    ? formatMinutesSeconds(norm.maxSeconds)
    : `${formatMinutesSeconds(norm.minSeconds)}–${formatMinutesSeconds(norm.maxSeconds)}`;
}

function useServiceTitle(): (serviceId: string | null) => string {
  const { language } = useTranslator();
  const services = useWorkstation((state) => state.services);
  return (serviceId) => {
    if (serviceId === null) return '—';
    return services.find((service) => service.id === serviceId)?.title[language] ?? serviceId;
  };
}

function JournalFilterForm({ report }: { readonly report: JournalReport | null }) {
  const { t, language } = useTranslator();
  const filter = useWorkstation((state) => state.journalFilter);
  const services = useWorkstation((state) => state.services);
  const edit = useWorkstation((state) => state.editJournalFilter);
  const load = useWorkstation((state) => state.loadJournalReport);
  const isLoading = useWorkstation((state) => state.journalReport.kind === 'loading');
  const run = useRunAction();
  const operators = report?.operators ?? [];
  return (
    <form
      className="journal-filter"
      data-testid="journal-filter"
      onSubmit={(event) => {
        event.preventDefault();
        run(load());
      }}
    >
      <label>
        {t('visitJournal.filter.from')}
        <input type="date" data-testid="journal-filter-from" value={filter.from} onChange={(event) => edit({ from: event.target.value })} />
      </label>
      <label>
        {t('visitJournal.filter.to')}
        <input type="date" data-testid="journal-filter-to" value={filter.to} onChange={(event) => edit({ to: event.target.value })} />
      </label>
      <label>
        {t('visitJournal.filter.operator')}
        <select data-testid="journal-filter-operator" value={filter.operatorId ?? ''} onChange={(event) => edit({ operatorId: event.target.value || null })}>
          <option value="">{t('visitJournal.filter.all')}</option>
          {operators.map((operator) => (
            <option key={operator.operatorId} value={operator.operatorId}>
              {operator.operatorName}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('visitJournal.filter.service')}
        <select data-testid="journal-filter-service" value={filter.serviceId ?? ''} onChange={(event) => edit({ serviceId: event.target.value || null })}>
          <option value="">{t('visitJournal.filter.all')}</option>
          {services.map((service) => (
            <option key={service.id} value={service.id}>
              {service.title[language]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button--primary" data-testid="journal-apply-filter" disabled={isLoading || filter.from > filter.to}>
        {t('visitJournal.filter.apply')}
      </button>
    </form>
  );
}

function StatusCounts({ counts }: { readonly counts: JournalReport['countsByStatus'] }) {
  const { t } = useTranslator();
  const entries = Object.entries(counts);
  if (entries.length === 0) return null;
  return (
    <ul className="journal-counts" data-testid="journal-status-counts">
      {entries.map(([status, count]) => {
        const label = journalStatusLabelOf(status);
        return (
          <li key={status} data-testid={`journal-count-${status}`}>
            <span className="journal-counts__label">{label ? t(label) : status}</span> <strong>{count}</strong>
          </li>
        );
      })}
    </ul>
  );
}

function StepSummaryTable({ report }: { readonly report: JournalReport }) {
  const { t } = useTranslator();
  return (
    <table className="journal-table" data-testid="journal-step-summary">
      <caption>{t('visitJournal.steps.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('visitJournal.steps.step')}</th>
          <th scope="col">{t('visitJournal.steps.count')}</th>
          <th scope="col">{t('visitJournal.steps.median')}</th>
          <th scope="col">{t('visitJournal.steps.max')}</th>
          <th scope="col">{t('visitJournal.steps.norm')}</th>
          <th scope="col">{t('visitJournal.steps.overNorm')}</th>
        </tr>
      </thead>
      <tbody>
        {report.steps.map((summary) => (
          <tr key={summary.step} data-testid="journal-step-row" data-step={summary.step}>
            <th scope="row">{t(JOURNAL_STEP_LABELS[summary.step])}</th>
            <td>{summary.count}</td>
            <td>{formatMinutesSeconds(summary.medianSeconds)}</td>
            <td>{formatMinutesSeconds(summary.maxSeconds)}</td>
            <td>{normText(stepNormRangeOf(report.visits, summary.step))}</td>
            <td className={summary.overNorm > 0 ? 'journal-over' : undefined}>{summary.overNorm}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function VisitRow({ visit }: { readonly visit: JournalVisit }) {
  const { t, formatTime } = useTranslator();
  const serviceTitle = useServiceTitle();
  const statusLabel = visit.status === null ? null : journalStatusLabelOf(visit.status);
  const total = visit.totalSeconds === null ? '…' : formatMinutesSeconds(visit.totalSeconds);
  const budget = visit.budgetMinutes === null ? '' : ` / ${formatMinutesSeconds(visit.budgetMinutes * 60)}`;
  return (
    <tr data-testid="journal-visit-row" data-visit-id={visit.visitId} data-over-budget={visit.overBudget ? 'true' : 'false'}>
      <td>{formatTime(visit.startedAt)}</td>
      <td>{t(visit.kind === 'acceptance' ? 'visitJournal.kind.acceptance' : 'visitJournal.kind.handover')}</td>
      <td>{visit.operatorName}</td>
      <td>{serviceTitle(visit.serviceId)}</td>
      <td>{visit.registrationNumber ?? visit.localNumber ?? '—'}</td>
      <td>{statusLabel ? t(statusLabel) : '—'}</td>
      <td className={visit.overBudget ? 'journal-over' : undefined} data-testid="journal-visit-total">
        {total}
        {budget}
      </td>
      <td>
        <ul className="journal-steps">
          {visit.steps.map((time) => (
            <li
              key={`${time.step}-${time.startedAt}`}
              className={time.overNorm ? 'journal-over' : undefined}
              data-testid="journal-visit-step"
              data-step={time.step}
              data-over-norm={time.overNorm ? 'true' : 'false'}
            >
              {t(JOURNAL_STEP_LABELS[time.step])}: {time.seconds === null ? '…' : formatMinutesSeconds(time.seconds)}
              {time.norm !== null && ` (${normText(time.norm)})`}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

function VisitsTable({ visits }: { readonly visits: readonly JournalVisit[] }) {
  const { t } = useTranslator();
  if (visits.length === 0) return <p data-testid="journal-no-visits">{t('visitJournal.visits.empty')}</p>;
  return (
    <table className="journal-table" data-testid="journal-visits">
      <caption>{t('visitJournal.visits.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('visitJournal.visits.time')}</th>
          <th scope="col">{t('visitJournal.visits.kind')}</th>
          <th scope="col">{t('visitJournal.visits.operator')}</th>
          <th scope="col">{t('visitJournal.visits.service')}</th>
          <th scope="col">{t('visitJournal.visits.number')}</th>
          <th scope="col">{t('visitJournal.visits.status')}</th>
          <th scope="col">{t('visitJournal.visits.total')}</th>
          <th scope="col">{t('visitJournal.visits.steps')}</th>
        </tr>
      </thead>
      <tbody>
        {visits.map((visit) => (
          <VisitRow key={visit.visitId} visit={visit} />
        ))}
      </tbody>
    </table>
  );
}

function QuestionnaireTallies({ tallies }: { readonly tallies: JournalReport['questionnaire'] }) {
  const { t } = useTranslator();
  const serviceTitle = useServiceTitle();
  if (tallies.length === 0) return <p data-testid="journal-no-answers">{t('visitJournal.questionnaire.empty')}</p>;
  return (
    <table className="journal-table" data-testid="journal-questionnaire">
      <caption>{t('visitJournal.questionnaire.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('visitJournal.visits.service')}</th>
          <th scope="col">{t('visitJournal.questionnaire.question')}</th>
          <th scope="col">{t('visitJournal.questionnaire.notSatisfied')}</th>
          <th scope="col">{t('visitJournal.questionnaire.partly')}</th>
          <th scope="col">{t('visitJournal.questionnaire.satisfied')}</th>
        </tr>
      </thead>
      <tbody>
        {tallies.map((tally) => (
          <tr key={`${tally.serviceId}-${tally.question}`} data-testid="journal-questionnaire-row">
            <td>{serviceTitle(tally.serviceId)}</td>
            <td>{t(tally.question === 'quality' ? 'visitJournal.questionnaire.quality' : 'visitJournal.questionnaire.accessibility')}</td>
            {tally.counts.map((count, index) => (
              <td key={index}>{count}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ExportButtons() {
  const { t } = useTranslator();
  const exportCsv = useWorkstation((state) => state.exportJournalCsv);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<JournalExportKind | null>(null);
  const run = useRunAction();
  const onExport = (kind: JournalExportKind) =>
    run(
      (async () => {
        setBusy(kind);
        setProblem(null);
        try {
          const result = await exportCsv(kind);
          if (result === null) return;
          if (result.ok) saveCsv(result.value.csv, result.value.fileName);
          else if (result.error.kind === 'not-supervisor') setProblem(t('visitJournal.error.notSupervisor'));
        } finally {
          setBusy(null);
        }
      })(),
    );
  return (
    <div className="journal-export">
      <button type="button" className="button" data-testid="journal-export-visits" disabled={busy !== null} onClick={() => onExport('visits')}>
        {t('visitJournal.export.visits')}
      </button>
      <button type="button" className="button" data-testid="journal-export-questionnaire" disabled={busy !== null} onClick={() => onExport('questionnaire')}>
        {t('visitJournal.export.questionnaire')}
      </button>
      {problem && (
        <p role="alert" data-testid="journal-export-error">
          {problem}
        </p>
      )}
    </div>
  );
}

/**
 * The supervisor's visits journal (issue #7 item 5): how long each visit and step took against the
 * regulation's norms and budget, by day range, operator and service; the statuses of the
 * applications taken; the questionnaire's answers; CSV exports for the spreadsheet.
 */
export function SupervisorJournal() {
  const { t } = useTranslator();
  const load = useWorkstation((state) => state.journalReport);
  const report = load.kind === 'loaded' ? load.report : null;
  return (
    <section className="supervisor-journal" data-testid="supervisor-journal">
      <h2>{t('visitJournal.title')}</h2>
      <JournalFilterForm report={report} />
      <ExportButtons />
      {load.kind === 'loading' && <p role="status">{t('visitJournal.loading')}</p>}
      {load.kind === 'failed' && (
        <p role="alert" data-testid="journal-error">
          {t('visitJournal.error.notSupervisor')}
        </p>
      )}
      {report && (
        <>
          <StatusCounts counts={report.countsByStatus} />
          <StepSummaryTable report={report} />
          <VisitsTable visits={report.visits} />
          <QuestionnaireTallies tallies={report.questionnaire} />
        </>
      )}
    </section>
  );
}
