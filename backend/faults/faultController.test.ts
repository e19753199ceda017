import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/random/seededRandom';
import { FaultController } from './faultController';
import { FaultPlanError } from './faultPlan';

const LOOKUP = { method: 'GET', route: '/v1/registry/persons/:iin' } as const;

describe('FaultController', () => {
  it('is off without a plan and after clear()', () => {
    const control = new FaultController();
    expect([control.plan, control.seed, control.decide(LOOKUP)]).toEqual([null, null, null]);
    control.set({ errorRate: 1, errorStatuses: [500] });
    expect(control.decide(LOOKUP)?.action.kind).toBe('server-error');
    control.clear();
    expect(control.decide(LOOKUP)).toBeNull();
  });

  it('refuses an invalid plan and keeps the one in force', () => {
    const control = new FaultController({ resetRate: 1 });
    expect(() => control.set({ resetRate: 2 })).toThrow(FaultPlanError);
    expect(control.plan?.resetRate).toBe(1);
    expect(() => new FaultController({ hangRate: -1 })).toThrow(FaultPlanError);
  });

  it('uses the plan seed, or draws one and reports it so a run can be replayed', () => {
    const plan = { errorRate: 0.5, resetRate: 0.2 };
    const kinds = (control: FaultController) => Array.from({ length: 50 }, () => control.decide(LOOKUP)?.action.kind);
    const drawn = new FaultController(plan, { newSeed: () => 4242 });
    expect(drawn.seed).toBe(4242);
    expect(kinds(drawn)).toEqual(kinds(new FaultController({ ...plan, seed: 4242 })));
    // set() restarts the sequence from the seed.
    const control = new FaultController({ ...plan, seed: 1 });
    const first = kinds(control);
    control.set({ ...plan, seed: 1 });
    expect(kinds(control)).toEqual(first);
    // The draws are exactly the seeded PRNG's.
    const draw = seededRandom(1)();
    expect(first[0]).toBe(draw < 0.2 ? 'reset' : draw < 0.7 ? 'server-error' : 'none');
  });

  it('times an outage from set(), on its own monotonic clock', () => {
    let now = 5_000;
    const control = new FaultController(null, { now: () => now });
    control.set({ outage: { startMs: 100, durationMs: 200 } });
    const kind = () => control.decide(LOOKUP)?.action.kind;
    expect(kind()).toBe('none');
    now += 100;
    expect(kind()).toBe('outage');
    now += 199;
    expect(kind()).toBe('outage');
    now += 1;
    expect(kind()).toBe('none');
    control.set({ outage: { startMs: 100, durationMs: 200 } });
    expect(kind()).toBe('none');
  });

  it('counts applied faults across plans', () => {
    const control = new FaultController();
    control.record('reset');
    control.set({ errorRate: 1 });
    control.record('server-error');
    control.record('server-error');
    control.clear();
    expect(control.counts()).toEqual({ reset: 1, 'server-error': 2, 'rate-limit': 0, hang: 0, 'lose-response': 0, outage: 0 });
  });
});
