import { useEffect, useState } from 'react';
import type { VisitTimer } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { JOURNAL_STEP_LABELS } from '../journal/journalStepLabels';
import { formatMinutesSeconds, visitClockAt } from './visitClock';

const TICK_MS = 1000;

function normText(norm: NonNullable<VisitTimer['stepNorm']>): string {
  return norm.minSeconds === norm.maxSeconds
    ? formatMinutesSeconds(norm.maxSeconds)
    : `${formatMinutesSeconds(norm.minSeconds)}–${formatMinutesSeconds(norm.maxSeconds)}`;
}

function TimerFace({ timer, receivedAt }: { readonly timer: VisitTimer; readonly receivedAt: number }) {
  const { t } = useTranslator();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const interval = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(interval);
  }, [timer, receivedAt]);

  const clock = visitClockAt(timer, receivedAt, now);
  const isWarning = clock.isOverBudget || clock.isOverNorm;
  const visitText = formatMinutesSeconds(clock.visitSeconds);
  const text = clock.budgetSeconds === null ? visitText : `${visitText} / ${formatMinutesSeconds(clock.budgetSeconds)}`;
  const step = t(JOURNAL_STEP_LABELS[timer.step]);
  const stepElapsed = formatMinutesSeconds(clock.stepSeconds);
  const title = [
    clock.budgetSeconds === null ? t('timer.visitNoBudget', { elapsed: visitText }) : t('timer.visit', { elapsed: visitText, budget: formatMinutesSeconds(clock.budgetSeconds) }),
    clock.stepNorm === null ? t('timer.stepNoNorm', { step, elapsed: stepElapsed }) : t('timer.step', { step, elapsed: stepElapsed, norm: normText(clock.stepNorm) }),
  ].join('\n');

  return (
    <span
      className={`visit-timer${isWarning ? ' visit-timer--warning' : ''}`}
      data-testid="visit-timer"
      data-warning={isWarning ? 'true' : 'false'}
      role="timer"
      aria-label={title}
      title={title}
    >
      {text}
    </span>
  );
}

/**
 * The discreet visit timer of the header: elapsed mm:ss of the applicant's visit against the
 * regulation's budget, the current step against its norm in the tooltip; warning colours past
 * either. Hidden when no visit is open or main has not answered its first mark.
 */
export function VisitTimerBadge() {
  const timer = useWorkstation((state) => state.visit?.timer ?? null);
  const receivedAt = useWorkstation((state) => state.visit?.timerReceivedAt ?? null);
  if (timer === null || receivedAt === null) return null;
  return <TimerFace timer={timer} receivedAt={receivedAt} />;
}
