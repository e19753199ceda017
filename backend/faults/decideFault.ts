import type { ResolvedFaultPlan } from './faultPlan';

/** The route the submission trap applies to. */
export const SUBMIT_ROUTE = { method: 'POST', url: '/v1/applications' } as const;
export const HEALTH_ROUTE = { method: 'GET', url: '/v1/health' } as const;

/** A request as the faults see it: method and route template, never the URL (it can carry an IIN). */
export interface FaultTarget {
  readonly method: string;
  /** The route template (`/v1/registry/persons/:iin`), or null when no route matched. */
  readonly route: string | null;
}

export type FaultAction =
  | { readonly kind: 'none' }
  /** Destroy the connection without answering. */
  | { readonly kind: 'reset' }
  | { readonly kind: 'server-error'; readonly status: number }
  | { readonly kind: 'rate-limit'; readonly retryAfterSeconds: number }
  /** Never answer; let the client time out. */
  | { readonly kind: 'hang' }
  /** Handle the request; if it registered (201), reset the connection instead of answering. */
  | { readonly kind: 'lose-response' }
  | { readonly kind: 'outage'; readonly mode: 'unavailable' | 'reset' };

export type FaultKind = FaultAction['kind'];

export interface FaultDecision {
  /** Waited before the action (also before `none`). */
  readonly delayMs: number;
  readonly action: FaultAction;
}

const NONE: FaultDecision = { delayMs: 0, action: { kind: 'none' } };

/** Whether the outage window of `plan`, set `sinceSetMs` ago, is open. */
export function inOutage(plan: ResolvedFaultPlan, sinceSetMs: number): boolean {
  const outage = plan.outage;
  if (!outage || sinceSetMs < outage.startMs) return false;
  return outage.durationMs === undefined || sinceSetMs < outage.startMs + outage.durationMs;
}

/** Whether the rated faults and latency apply to this request (outages apply to every request). */
export function isAffected(plan: ResolvedFaultPlan, target: FaultTarget): boolean {
  if (plan.routes) return target.route !== null && plan.routes.includes(target.route);
  return !(target.method === HEALTH_ROUTE.method && target.route === HEALTH_ROUTE.url);
}

/**
 * What to do with one request. Pure: the same plan, target, time and sequence of draws give the
 * same decision. Draws, in order and only when needed: the fault (one draw against the
 * cumulative rates reset → 5xx → 429 → hang → lost response), the jitter (when `jitterMs` > 0), the
 * 5xx status (when several are listed). A lost-response share drawn on another route is `none`.
 */
export function decideFault(plan: ResolvedFaultPlan, target: FaultTarget, sinceSetMs: number, random: () => number): FaultDecision {
  if (inOutage(plan, sinceSetMs)) return { delayMs: 0, action: { kind: 'outage', mode: plan.outage?.mode ?? 'unavailable' } };
  if (!isAffected(plan, target)) return NONE;

  const draw = random();
  const latency = plan.latency;
  const delayMs = latency ? latency.fixedMs + (latency.jitterMs > 0 ? Math.floor(random() * latency.jitterMs) : 0) : 0;

  let threshold = plan.resetRate;
  if (draw < threshold) return { delayMs, action: { kind: 'reset' } };
  threshold += plan.errorRate;
  if (draw < threshold) return { delayMs, action: { kind: 'server-error', status: pick(plan.errorStatuses, random) } };
  threshold += plan.rateLimitRate;
  if (draw < threshold) return { delayMs, action: { kind: 'rate-limit', retryAfterSeconds: plan.retryAfterSeconds } };
  threshold += plan.hangRate;
  if (draw < threshold) return { delayMs, action: { kind: 'hang' } };
  threshold += plan.lostResponseRate;
  if (draw < threshold && target.method === SUBMIT_ROUTE.method && target.route === SUBMIT_ROUTE.url) {
    return { delayMs, action: { kind: 'lose-response' } };
  }
  return { delayMs, action: { kind: 'none' } };
}

function pick(statuses: readonly number[], random: () => number): number {
  if (statuses.length === 1) return statuses[0]!;
  const index = Math.min(statuses.length - 1, Math.floor(random() * statuses.length));
  return statuses[index]!;
}

