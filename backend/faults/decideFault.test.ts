import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/random/seededRandom';
import { decideFault, inOutage, type FaultKind, type FaultTarget } from './decideFault';
import { resolveFaultPlan, type FaultPlan } from './faultPlan';

const SUBMIT: FaultTarget = { method: 'POST', route: '/v1/applications' };
const LOOKUP: FaultTarget = { method: 'GET', route: '/v1/registry/persons/:iin' };
const HEALTH: FaultTarget = { method: 'GET', route: '/v1/health' };

/** A random source that returns the given values in turn (and fails the test if asked for more). */
function draws(...values: number[]): () => number {
  return () => {
    const value = values.shift();
    if (value === undefined) throw new Error('drew more than expected');
    return value;
  };
}

const decide = (plan: FaultPlan, target: FaultTarget, random: () => number, sinceSetMs = 0) =>
  decideFault(resolveFaultPlan(plan), target, sinceSetMs, random);

describe('decideFault', () => {
  const ALL: FaultPlan = { resetRate: 0.1, errorRate: 0.3, rateLimitRate: 0.1, retryAfterSeconds: 3, hangRate: 0.1, lostResponseRate: 0.2, errorStatuses: [503] };

  it.each([
    [0, 'reset'],
    [0.099, 'reset'],
    [0.1, 'server-error'],
    [0.399, 'server-error'],
    [0.4, 'rate-limit'],
    [0.5, 'hang'],
    [0.6, 'lose-response'],
    [0.799, 'lose-response'],
    [0.8, 'none'],
    [0.999, 'none'],
  ] as const)('one draw of %f picks %s for a submission (cumulative rates)', (draw, kind: FaultKind) => {
    expect(decide(ALL, SUBMIT, draws(draw)).action.kind).toBe(kind);
  });

  it('carries the 5xx status and the Retry-After seconds', () => {
    expect(decide(ALL, SUBMIT, draws(0.2)).action).toEqual({ kind: 'server-error', status: 503 });
    expect(decide(ALL, SUBMIT, draws(0.45)).action).toEqual({ kind: 'rate-limit', retryAfterSeconds: 3 });
    // Several statuses: a second draw picks one.
    const plan: FaultPlan = { errorRate: 1, errorStatuses: [500, 502, 503, 504] };
    expect(decide(plan, LOOKUP, draws(0.5, 0)).action).toEqual({ kind: 'server-error', status: 500 });
    expect(decide(plan, LOOKUP, draws(0.5, 0.99)).action).toEqual({ kind: 'server-error', status: 504 });
  });

  it('loses a response only on POST /v1/applications', () => {
    expect(decide(ALL, LOOKUP, draws(0.6)).action.kind).toBe('none');
    expect(decide(ALL, { method: 'GET', route: '/v1/applications/:applicationId' }, draws(0.6)).action.kind).toBe('none');
  });

  it('leaves GET /v1/health alone unless there is an outage, and draws nothing for it', () => {
    expect(decide({ errorRate: 1, latency: { fixedMs: 100 } }, HEALTH, draws())).toEqual({ delayMs: 0, action: { kind: 'none' } });
  });

  it('applies to unmatched routes too, but only to the listed ones when `routes` is given', () => {
    expect(decide({ errorRate: 1, errorStatuses: [500] }, { method: 'GET', route: null }, draws(0.5)).action.kind).toBe('server-error');
    const scoped: FaultPlan = { routes: ['/v1/applications'], resetRate: 1 };
    expect(decide(scoped, SUBMIT, draws(0.5)).action.kind).toBe('reset');
    expect(decide(scoped, LOOKUP, draws()).action.kind).toBe('none');
    expect(decide(scoped, { method: 'GET', route: null }, draws()).action.kind).toBe('none');
  });

  it('adds fixed latency plus a drawn jitter to whatever happens', () => {
    const plan: FaultPlan = { latency: { fixedMs: 100, jitterMs: 50 }, errorRate: 0.5, errorStatuses: [500] };
    expect(decide(plan, LOOKUP, draws(0.9, 0))).toEqual({ delayMs: 100, action: { kind: 'none' } });
    expect(decide(plan, LOOKUP, draws(0.1, 0.999))).toEqual({ delayMs: 149, action: { kind: 'server-error', status: 500 } });
  });

  describe('outage windows', () => {
    const window: FaultPlan = { outage: { startMs: 1000, durationMs: 500, mode: 'reset' }, errorRate: 1 };

    it('is open from startMs for durationMs, for every route including health, without drawing', () => {
      const plan = resolveFaultPlan(window);
      expect([999, 1000, 1499, 1500].map((ms) => inOutage(plan, ms))).toEqual([false, true, true, false]);
      for (const target of [SUBMIT, LOOKUP, HEALTH, { method: 'GET', route: null }]) {
        expect(decide(window, target, draws(), 1200)).toEqual({ delayMs: 0, action: { kind: 'outage', mode: 'reset' } });
      }
      expect(decide({ outage: {} }, HEALTH, draws(), 0).action).toEqual({ kind: 'outage', mode: 'unavailable' });
    });

    it('without a duration lasts until the plan changes', () => {
      expect(inOutage(resolveFaultPlan({ outage: { startMs: 10 } }), 1e9)).toBe(true);
    });

    it('ignores `routes`: an outage is total', () => {
      expect(decide({ routes: ['/v1/applications'], outage: {} }, HEALTH, draws()).action.kind).toBe('outage');
    });
  });

  it('is deterministic for a seed: the same requests get the same faults', () => {
    const plan: FaultPlan = { errorRate: 0.3, resetRate: 0.1, rateLimitRate: 0.1, lostResponseRate: 0.1, latency: { jitterMs: 10 } };
    const run = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 200 }, (_, i) => decide(plan, i % 2 === 0 ? SUBMIT : LOOKUP, random));
    };
    expect(run(99)).toEqual(run(99));
    expect(run(99)).not.toEqual(run(100));
    // And the shares come out near the rates.
    const kinds = run(99).map((d) => d.action.kind);
    const share = (kind: FaultKind) => kinds.filter((k) => k === kind).length / kinds.length;
    expect(share('server-error')).toBeGreaterThan(0.2);
    expect(share('server-error')).toBeLessThan(0.4);
    expect(share('none')).toBeGreaterThan(0.35);
  });
});
