import type { Ref } from 'react';
import type { QueueStatus } from '../../../core/contract';
import type { MessageKey } from '../../i18n/messageCatalog';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { selectDrainingBacklog, selectIsQueuePaused, selectIsQueueToggleBusy, selectQueueStatus } from './queueSelectors';

/** Pauses the sender (applications are still accepted and kept) or resumes it. */
export function PauseToggle({ buttonRef }: { readonly buttonRef?: Ref<HTMLButtonElement> }) {
  const { t } = useTranslator();
  const isPaused = useWorkstation(selectIsQueuePaused);
  const isBusy = useWorkstation(selectIsQueueToggleBusy);
  const isKnown = useWorkstation((state) => state.queueStatus !== null);
  const toggleQueuePause = useWorkstation((state) => state.toggleQueuePause);
  const run = useRunAction();
  let label: MessageKey = isPaused ? 'queue.resume' : 'queue.pause';
  if (isBusy) label = isPaused ? 'queue.resuming' : 'queue.pausing';
  return (
    <button
      ref={buttonRef}
      type="button"
      className={`button${isPaused ? ' button--primary' : ''}`}
      data-testid="queue-pause-toggle"
      data-paused={isPaused}
      disabled={!isKnown || isBusy}
      onClick={() => run(toggleQueuePause())}
    >
      {t(label)}
    </button>
  );
}

export function PausedNotice() {
  const { t } = useTranslator();
  const isPaused = useWorkstation(selectIsQueuePaused);
  return isPaused ? (
    <Notice tone="warning" testId="queue-paused">
      {t('queue.pausedNotice')}
    </Notice>
  ) : null;
}

const COUNTS: readonly { readonly field: keyof QueueStatus['counts']; readonly labelKey: MessageKey; readonly testId: string }[] = [
  { field: 'accepted', labelKey: 'queue.count.waiting', testId: 'queue-count-accepted' },
  { field: 'sending', labelKey: 'queue.count.sending', testId: 'queue-count-sending' },
  { field: 'needsAttention', labelKey: 'queue.count.needsAttention', testId: 'queue-count-needs-attention' },
  { field: 'registered', labelKey: 'queue.count.registered', testId: 'queue-count-registered' },
  { field: 'withdrawn', labelKey: 'queue.count.withdrawn', testId: 'queue-count-withdrawn' },
];

/** How many applications are in each state, as main's outbox counts them (not only the rows loaded). */
export function QueueCounts() {
  const { t, formatNumber } = useTranslator();
  const status = useWorkstation(selectQueueStatus);
  if (status === null) return null;
  return (
    <dl className="queue-counts" aria-label={t('queue.counts')}>
      {COUNTS.map(({ field, labelKey, testId }) => (
        <div key={field} className={`queue-counts__item queue-counts__item--${field}`} data-testid={testId}>
          <dt>{t(labelKey)}</dt>
          <dd>{formatNumber(status.counts[field])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** While a backlog drains (e.g. after an outage): how much of it has gone. Gone when nothing waits. */
export function BacklogProgress() {
  const { t, formatNumber } = useTranslator();
  const backlog = useWorkstation(selectDrainingBacklog);
  if (backlog === null) return null;
  const done = backlog.total - backlog.remaining;
  return (
    <div className="progress queue-progress" role="status" data-testid="queue-progress">
      <progress className="queue-progress__bar" value={done} max={backlog.total} aria-label={t('queue.progressLabel')} />
      <span>{t('queue.progress', { done: formatNumber(done), total: formatNumber(backlog.total) })}</span>
    </div>
  );
}
