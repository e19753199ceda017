import type { VisitTimer } from '../../../core/contract';

export interface VisitClock {
  readonly visitSeconds: number;
  readonly stepSeconds: number;
  readonly budgetSeconds: number | null;
  readonly stepNorm: VisitTimer['stepNorm'];
  readonly isOverBudget: boolean;
  /** Past the upper bound of the step's norm. */
  readonly isOverNorm: boolean;
}

/**
 * Where the visit stands at `nowMs` (this workstation's clock). The differences between instants
 * come from main (its clock stamped them); only the time since the answer arrived is counted here,
 * so a workstation clock that is off by minutes still shows the right elapsed time.
 */
export function visitClockAt(timer: VisitTimer, receivedAt: number, nowMs: number): VisitClock {
  const sinceAnswer = Math.max(0, nowMs - receivedAt);
  const visitMsAtAnswer = Math.max(0, Date.parse(timer.stepStartedAt) - Date.parse(timer.visitStartedAt));
  const visitSeconds = Math.floor((visitMsAtAnswer + sinceAnswer) / 1000);
  const stepSeconds = Math.floor(sinceAnswer / 1000);
  const budgetSeconds = timer.budgetMinutes === null ? null : timer.budgetMinutes * 60;
  return {
    visitSeconds,
    stepSeconds,
    budgetSeconds,
    stepNorm: timer.stepNorm,
    isOverBudget: budgetSeconds !== null && visitSeconds > budgetSeconds,
    isOverNorm: timer.stepNorm !== null && stepSeconds > timer.stepNorm.maxSeconds,
  };
}

/** «06:12»; past an hour the minutes keep counting («75:03»): a visit that long is the anomaly to see. */
export function formatMinutesSeconds(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
