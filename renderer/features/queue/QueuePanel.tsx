import { useEffect, useRef, useState } from 'react';
import { ShortcutHints } from '../../commands/ShortcutHints';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation, useWorkstationShallow } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { selectIsApplicationsLoading } from '../applications/applicationsSelectors';
import { BacklogProgress, PausedNotice, PauseToggle, QueueCounts } from './QueueOverview';
import { QueueRow, type QueueRowDetail } from './QueueRow';
import { selectQueueApplications } from './queueSelectors';

const PANEL_SHORTCUTS = ['open-application', 'open-journal', 'open-queue'] as const;

interface OpenDetail {
  readonly applicationId: string;
  readonly detail: QueueRowDetail;
}

/**
 * The send queue (issue 6): counts per state, the backlog's progress, every application of this
 * workstation with its state and, for those the backend refused, the reason and the operator's
 * options (retry now, re-sign, withdraw), and the pause/resume lever. Rows follow main through the
 * indicator's poll (queueSlice.refreshQueueStatus reloads the list when the counts move).
 */
export function QueuePanel() {
  const { t } = useTranslator();
  const applications = useWorkstationShallow(selectQueueApplications);
  const isLoading = useWorkstation(selectIsApplicationsLoading);
  const isLoaded = useWorkstation((state) => state.applicationsLoad.kind === 'loaded');
  const loadApplications = useWorkstation((state) => state.loadApplications);
  const run = useRunAction();
  const [open, setOpen] = useState<OpenDetail | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const hasFocused = useRef(false);

  useEffect(() => {
    run(loadApplications());
  }, [run, loadApplications]);

  // Keyboard-first: once the rows are there, the first row's option (refused ones come first) has the
  // focus, else the heading. Once only, so a poll that adds a row never moves the operator's focus.
  useEffect(() => {
    if (!isLoaded || hasFocused.current) return;
    hasFocused.current = true;
    const firstAction = panelRef.current?.querySelector<HTMLButtonElement>('.queue-row__first-action:not(:disabled)');
    (firstAction ?? titleRef.current)?.focus();
  }, [isLoaded]);

  return (
    <section ref={panelRef} className="journal queue" aria-labelledby="queue-title" data-testid="queue-panel">
      <div className="journal__header">
        <h2 id="queue-title" ref={titleRef} className="step__title" tabIndex={-1}>
          {t('queue.title')}
        </h2>
        <PauseToggle />
      </div>
      <PausedNotice />
      <QueueCounts />
      <BacklogProgress />
      {isLoading ? (
        <p role="status">{t('queue.loading')}</p>
      ) : applications.length === 0 ? (
        <p className="muted" data-testid="queue-empty">
          {t('queue.empty')}
        </p>
      ) : (
        <table className="data-table queue-table">
          <thead>
            <tr>
              <th scope="col">{t('journal.localNumber')}</th>
              <th scope="col">{t('journal.applicant')}</th>
              <th scope="col">{t('journal.service')}</th>
              <th scope="col">{t('journal.acceptedAt')}</th>
              <th scope="col">{t('journal.state')}</th>
              <th scope="col">{t('queue.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((application) => (
              <QueueRow
                key={application.applicationId}
                application={application}
                detail={open?.applicationId === application.applicationId ? open.detail : null}
                onDetail={(detail) => setOpen(detail === null ? null : { applicationId: application.applicationId, detail })}
                onFocusLeaving={() => titleRef.current?.focus()}
              />
            ))}
          </tbody>
        </table>
      )}
      <ShortcutHints names={PANEL_SHORTCUTS} />
    </section>
  );
}
