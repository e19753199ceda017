import { z } from 'zod';

/** A probability in [0, 1]. */
const rate = z.number().min(0).max(1);
const milliseconds = z.number().int().min(0).max(24 * 60 * 60 * 1000);
const seconds = z.number().int().min(0).max(24 * 60 * 60);

/** The 5xx statuses injected unless the plan names its own. */
export const DEFAULT_ERROR_STATUSES = [500, 502, 503, 504] as const;

/**
 * What the reference backend does wrong, on purpose, for tests (issue 6 item 4). JSON-shaped so
 * the same plan comes from a test (`createBackendServer({ faults })`, `RunningBackend.faults.set`)
 * or from `PSC_BACKEND_FAULTS` for `npm run backend`.
 *
 * Per request one uniform draw picks at most one of the rated faults (they are mutually exclusive,
 * so their rates add up to at most 1): connection reset, 5xx, 429, hang, lost response. Latency
 * is added on top of whatever happens. An outage window overrides everything, health included.
 */
export const faultPlanSchema = z
  .strictObject({
    /** Seed of the PRNG behind every draw; absent = a fresh random seed, reported by `FaultControl.seed`. */
    seed: z.number().int().min(0).max(0xffff_ffff).optional(),
    /**
     * Route templates the rated faults and latency apply to (`/v1/applications`, `/v1/blobs/:sha256`);
     * absent = every route except GET /v1/health. Outages ignore this: an outage is total.
     */
    routes: z.array(z.string().regex(/^\/v1\//, 'a route template starting with /v1/')).min(1).optional(),
    /** Added before every affected request is handled: `fixedMs` plus a uniform draw in [0, jitterMs). */
    latency: z.strictObject({ fixedMs: milliseconds.default(0), jitterMs: milliseconds.default(0) }).optional(),
    /** Share of affected requests answered with a 5xx problem (status drawn from `errorStatuses`). */
    errorRate: rate.default(0),
    errorStatuses: z.array(z.number().int().min(500).max(599)).min(1).default([...DEFAULT_ERROR_STATUSES]),
    /** Share of affected requests whose connection is destroyed without an answer. */
    resetRate: rate.default(0),
    /** Share of affected requests answered 429 with `Retry-After: retryAfterSeconds`. */
    rateLimitRate: rate.default(0),
    retryAfterSeconds: seconds.default(1),
    /** Share of affected requests never answered: held until the client gives up and closes the connection. */
    hangRate: rate.default(0),
    /**
     * Share of POST /v1/applications requests that register (201) and then lose the answer: the
     * connection is reset instead. The classic duplicate trap. Other routes ignore this share.
     */
    lostResponseRate: rate.default(0),
    /**
     * Every request (health too) fails from `startMs` after the plan was set, for `durationMs`
     * (absent = until the plan is replaced or cleared): `unavailable` answers 503, `reset` destroys
     * the connection as a dead host or a dropped VPN would.
     */
    outage: z
      .strictObject({
        startMs: milliseconds.default(0),
        durationMs: milliseconds.optional(),
        mode: z.enum(['unavailable', 'reset']).default('unavailable'),
      })
      .optional(),
  })
  .refine((plan) => plan.errorRate + plan.resetRate + plan.rateLimitRate + plan.hangRate + plan.lostResponseRate <= 1 + 1e-9, {
    message: 'errorRate + resetRate + rateLimitRate + hangRate + lostResponseRate must not exceed 1',
  });

/** A plan as written (defaults optional). */
export type FaultPlan = z.input<typeof faultPlanSchema>;
/** A plan with its defaults filled in. */
export type ResolvedFaultPlan = z.output<typeof faultPlanSchema>;

export class FaultPlanError extends Error {
  override readonly name = 'FaultPlanError';
}

/** Validates a plan; the error names fields by path only. */
export function resolveFaultPlan(plan: unknown): ResolvedFaultPlan {
  const parsed = faultPlanSchema.safeParse(plan);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  throw new FaultPlanError(`invalid fault plan (${where}${issue?.message ?? 'unknown problem'})`);
}

/** A plan from JSON text, e.g. the PSC_BACKEND_FAULTS variable. */
export function parseFaultPlanJson(text: string): ResolvedFaultPlan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FaultPlanError('invalid fault plan (not JSON)');
  }
  return resolveFaultPlan(json);
}

/** One line for a startup banner or a log: what is switched on, no request data. */
export function describeFaultPlan(plan: ResolvedFaultPlan, seed: number): string {
  const percent = (value: number) => `${Math.round(value * 1000) / 10} %`;
  const parts: string[] = [`seed ${seed}`];
  if (plan.routes) parts.push(`routes ${plan.routes.join(' ')}`);
  if (plan.latency && (plan.latency.fixedMs > 0 || plan.latency.jitterMs > 0)) parts.push(`latency ${plan.latency.fixedMs}+${plan.latency.jitterMs} ms`);
  if (plan.errorRate > 0) parts.push(`5xx ${percent(plan.errorRate)} (${plan.errorStatuses.join('/')})`);
  if (plan.resetRate > 0) parts.push(`resets ${percent(plan.resetRate)}`);
  if (plan.rateLimitRate > 0) parts.push(`429 ${percent(plan.rateLimitRate)} (Retry-After ${plan.retryAfterSeconds} s)`);
  if (plan.hangRate > 0) parts.push(`hangs ${percent(plan.hangRate)}`);
  if (plan.lostResponseRate > 0) parts.push(`lost responses ${percent(plan.lostResponseRate)}`);
  if (plan.outage) {
    const until = plan.outage.durationMs === undefined ? 'until cleared' : `for ${plan.outage.durationMs} ms`;
    parts.push(`outage (${plan.outage.mode}) from ${plan.outage.startMs} ms ${until}`);
  }
  return parts.join(', ');
}
