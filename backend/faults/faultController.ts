import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../../core/random/seededRandom';
import { decideFault, type FaultDecision, type FaultKind, type FaultTarget } from './decideFault';
import { resolveFaultPlan, type FaultPlan, type ResolvedFaultPlan } from './faultPlan';

/** How many of each fault were injected (a lost response counts once the registration was made and its answer dropped). */
export type FaultCounts = Readonly<Record<Exclude<FaultKind, 'none'>, number>>;

/** The runtime switch returned with the server (`RunningBackend.faults`). */
export interface FaultControl {
  /**
   * Replaces the plan (validated; throws FaultPlanError) and restarts its clock: an outage's
   * `startMs` counts from now, and the PRNG restarts from the plan's seed. null switches faults off.
   */
  set(plan: FaultPlan | null): void;
  /** Switches every fault off, an open outage included. Requests already hanging stay hung. */
  clear(): void;
  /** The plan in force, defaults filled in; null when faults are off. */
  readonly plan: ResolvedFaultPlan | null;
  /** The seed in force (the plan's, or the one drawn for it); null when faults are off. */
  readonly seed: number | null;
  /** Faults injected since the server started (not reset by `set`). */
  counts(): FaultCounts;
}

export interface FaultControllerOptions {
  /** Monotonic milliseconds for outage windows; default performance.now (never the backend's business clock). */
  readonly now?: () => number;
  /** Seed for a plan that names none; default a random 32-bit integer. */
  readonly newSeed?: () => number;
}

const ZERO_COUNTS: FaultCounts = { reset: 0, 'server-error': 0, 'rate-limit': 0, hang: 0, 'lose-response': 0, outage: 0 };

export class FaultController implements FaultControl {
  private active: { plan: ResolvedFaultPlan; seed: number; random: () => number; setAt: number } | null = null;
  private tally: Record<Exclude<FaultKind, 'none'>, number> = { ...ZERO_COUNTS };
  private readonly now: () => number;
  private readonly newSeed: () => number;

  constructor(plan: FaultPlan | null = null, options: FaultControllerOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.newSeed = options.newSeed ?? (() => randomInt(0, 0xffff_ffff));
    this.set(plan);
  }

  set(plan: FaultPlan | null): void {
    if (plan === null) {
      this.active = null;
      return;
    }
    const resolved = resolveFaultPlan(plan);
    const seed = resolved.seed ?? this.newSeed();
    this.active = { plan: resolved, seed, random: seededRandom(seed), setAt: this.now() };
  }

  clear(): void {
    this.set(null);
  }

  get plan(): ResolvedFaultPlan | null {
    return this.active?.plan ?? null;
  }

  get seed(): number | null {
    return this.active?.seed ?? null;
  }

  counts(): FaultCounts {
    return { ...this.tally };
  }

  /** The decision for one request; null when faults are off. */
  decide(target: FaultTarget): FaultDecision | null {
    const active = this.active;
    if (!active) return null;
    return decideFault(active.plan, target, this.now() - active.setAt, active.random);
  }

  /** Called by the hooks when a fault was actually applied. */
  record(kind: Exclude<FaultKind, 'none'>): void {
    this.tally[kind] += 1;
  }
}
