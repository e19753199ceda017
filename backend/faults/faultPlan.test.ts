import { describe, expect, it } from 'vitest';
import { describeFaultPlan, FaultPlanError, parseFaultPlanJson, resolveFaultPlan } from './faultPlan';

describe('resolveFaultPlan', () => {
  it('fills in defaults: no fault unless named, the usual 5xx statuses, Retry-After 1 s', () => {
    expect(resolveFaultPlan({})).toEqual({
      errorRate: 0,
      errorStatuses: [500, 502, 503, 504],
      resetRate: 0,
      rateLimitRate: 0,
      retryAfterSeconds: 1,
      hangRate: 0,
      lostResponseRate: 0,
    });
    expect(resolveFaultPlan({ latency: { jitterMs: 20 }, outage: { durationMs: 500 } })).toMatchObject({
      latency: { fixedMs: 0, jitterMs: 20 },
      outage: { startMs: 0, durationMs: 500, mode: 'unavailable' },
    });
  });

  it('accepts rates that add up to exactly 1', () => {
    expect(() => resolveFaultPlan({ errorRate: 0.3, resetRate: 0.1, rateLimitRate: 0.1, hangRate: 0.2, lostResponseRate: 0.3 })).not.toThrow();
  });

  it.each([
    [{ errorRate: 1.2 }, /^invalid fault plan \(errorRate: /],
    [{ errorRate: -0.1 }, /errorRate/],
    [{ errorRate: 0.7, resetRate: 0.4 }, /must not exceed 1\)$/],
    [{ errorStatuses: [404] }, /errorStatuses\.0/],
    [{ errorStatuses: [] }, /errorStatuses/],
    [{ retryAfterSeconds: 1.5 }, /retryAfterSeconds/],
    [{ latency: { fixedMs: -1 } }, /latency\.fixedMs/],
    [{ outage: { mode: 'refuse' } }, /outage\.mode/],
    [{ routes: ['applications'] }, /routes\.0/],
    [{ erorRate: 0.3 }, /erorRate/],
    [{ seed: 2 ** 32 }, /seed/],
    [[], /invalid fault plan/],
  ])('refuses %j naming the field', (plan, message) => {
    expect(() => resolveFaultPlan(plan)).toThrow(FaultPlanError);
    expect(() => resolveFaultPlan(plan)).toThrow(message);
  });
});

describe('parseFaultPlanJson', () => {
  it('parses the JSON form used by PSC_BACKEND_FAULTS', () => {
    expect(parseFaultPlanJson('{"seed":42,"resetRate":0.05,"outage":{"startMs":1000,"durationMs":2000,"mode":"reset"}}')).toMatchObject({
      seed: 42,
      resetRate: 0.05,
      outage: { startMs: 1000, durationMs: 2000, mode: 'reset' },
    });
  });

  it('says when the text is not JSON at all', () => {
    expect(() => parseFaultPlanJson("{errorRate: 0.3}")).toThrow(new FaultPlanError('invalid fault plan (not JSON)'));
  });
});

describe('describeFaultPlan', () => {
  it('lists what is switched on, in one line', () => {
    const plan = resolveFaultPlan({
      latency: { fixedMs: 50, jitterMs: 100 },
      errorRate: 0.3,
      resetRate: 0.05,
      rateLimitRate: 0.1,
      retryAfterSeconds: 2,
      hangRate: 0.01,
      lostResponseRate: 0.1,
      outage: { startMs: 1000 },
    });
    const line = describeFaultPlan(plan, 7);
    expect(line).toBe(
      'seed 7, latency 50+100 ms, 5xx 30 % (500/502/503/504), resets 5 %, 429 10 % (Retry-After 2 s), hangs 1 %, ' +
        'lost responses 10 %, outage (unavailable) from 1000 ms until cleared',
    );
    expect(describeFaultPlan(resolveFaultPlan({}), 1)).toBe('seed 1');
  });
});
