import type { ApplicationStatus, StatusEvent } from '../../core/backendApi/wire';

/**
 * The simulated provider's working pace, in provider working days after registration: the
 * application is taken under review after a quarter of a day, decided after one day and ready to
 * be handed over at the counter after a day and a half. One provider day lasts `msPerProviderDay`
 * real milliseconds (a minute by default, so a demo sees its result within 90 s).
 */
export const PROVIDER_MILESTONES = [
  { status: 'under-review', afterDays: 0.25 },
  { status: 'decided', afterDays: 1 },
  { status: 'ready-for-handover', afterDays: 1.5 },
] as const;

export type DecisionOutcome = 'issued' | 'refused';

export interface ProviderTimeline {
  /** Every status reached by `now`, oldest first; always starts with `registered`. */
  readonly history: readonly StatusEvent[];
  /** The latest status of `history`. */
  readonly status: ApplicationStatus;
  /** When the provider decided (ISO), or null while it has not yet. */
  readonly decidedAt: string | null;
  /** When the result became ready for hand-over (ISO), or null while it is not. */
  readonly readyAt: string | null;
}

/** The instant `afterDays` provider days after `registeredAt` (whole milliseconds). */
export function providerInstant(registeredAt: Date, afterDays: number, msPerProviderDay: number): Date {
  return new Date(registeredAt.getTime() + Math.round(afterDays * msPerProviderDay));
}

/**
 * The status history of an application as of `now`. Pure and computed on every read rather than
 * stored: it survives restarts and needs no timers. A status is reached exactly at its instant
 * (now === instant counts). A clock before the registration yields just `registered`.
 */
export function providerTimeline(input: {
  readonly registeredAt: string;
  readonly now: Date;
  readonly msPerProviderDay: number;
  readonly outcome: DecisionOutcome;
}): ProviderTimeline {
  if (!Number.isFinite(input.msPerProviderDay) || input.msPerProviderDay <= 0) throw new Error('msPerProviderDay must be a positive number');
  const registeredAt = new Date(input.registeredAt);
  if (Number.isNaN(registeredAt.getTime())) throw new Error('registeredAt is not an instant');
  const history: StatusEvent[] = [{ status: 'registered', at: registeredAt.toISOString() }];
  let decidedAt: string | null = null;
  let readyAt: string | null = null;
  for (const milestone of PROVIDER_MILESTONES) {
    const at = providerInstant(registeredAt, milestone.afterDays, input.msPerProviderDay);
    if (input.now.getTime() < at.getTime()) break;
    const iso = at.toISOString();
    if (milestone.status === 'decided') decidedAt = iso;
    if (milestone.status === 'ready-for-handover') readyAt = iso;
    history.push({ status: milestone.status === 'decided' ? input.outcome : milestone.status, at: iso });
  }
  const last = history[history.length - 1];
  if (!last) throw new Error('unreachable: history starts with registered');
  return { history, status: last.status, decidedAt, readyAt };
}
