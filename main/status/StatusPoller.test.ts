import { AuditLog } from '../audit/AuditLog';
import { describe, expect, it } from 'vitest';
import { findApplication } from '../db/applications';
import { StatusChecker } from './StatusChecker';
import { StatusPoller, type PollTimers } from './StatusPoller';
import { StatusService } from './StatusService';
import { recordHandOver } from './statusRecords';
import { OPERATOR, RESULT_PDF, statusFixture, T0, viewAt } from './testSupport/statusFixture';

/** Timers that fire only when the test says so. */
class ManualTimers implements PollTimers {
  pending: { callback: () => void; delayMs: number; cancelled: boolean }[] = [];
  schedule(callback: () => void, delayMs: number) {
    const entry = { callback, delayMs, cancelled: false };
    this.pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }
  /** Fires the live timer (as its delay passing would). */
  fire(): void {
    const live = this.pending.filter((t) => !t.cancelled);
    const timer = live[live.length - 1];
    if (!timer) throw new Error('no timer armed');
    timer.cancelled = true;
    timer.callback();
  }
  /** The one live timer's delay. */
  get armed(): number | null {
    const live = this.pending.filter((t) => !t.cancelled);
    return live.length === 0 ? null : live[live.length - 1]!.delayMs;
  }
}

const policy = { baseMs: 60_000, capMs: 30 * 60_000 };
const iso = (ms: number) => new Date(T0.getTime() + ms).toISOString();

async function setup() {
  const f = await statusFixture();
  const checker = new StatusChecker(f.db, f.backend, f.session, f.clock, { policy });
  const timers = new ManualTimers();
  let offline = false;
  const errors: unknown[] = [];
  const poller = new StatusPoller(f.db, checker, f.session, f.clock, timers, {
    maxIdleMs: 60_000, minGapMs: 1_000, batchSize: 20, concurrency: 2,
    isOffline: () => offline,
    onUnexpectedError: (e) => errors.push(e),
  });
  const nextCheckAt = (id: string) => f.db.read((r) => findApplication(r, id))?.summary.tracking?.nextCheckAt ?? null;
  return { ...f, checker, poller, timers, errors, setOffline: (v: boolean) => (offline = v), nextCheckAt };
}

describe('StatusPoller', () => {
  it('checks a newly registered application at once, then backs off base·2^n up to the cap while nothing changes', async () => {
    const s = await setup();
    const app = await s.addApplication();
    const pending = await s.addApplication({ registered: false });
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'under-review') }];
    await s.poller.runDue();
    expect(s.backend.statusCalls.map((c) => c.id)).toEqual([app.backendId]);
    expect(s.nextCheckAt(app.id)).toBe(iso(60_000));

    const delays: number[] = [];
    let elapsed = 0;
    for (let i = 0; i < 7; i++) {
      const due = new Date(s.nextCheckAt(app.id)!).getTime() - T0.getTime();
      delays.push(due - elapsed);
      elapsed = due;
      s.clock.at = new Date(T0.getTime() + due);
      await s.poller.runDue();
    }
    expect(delays).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000]);
    expect(s.backend.statusCalls).toHaveLength(8);
    // Not due in between: nothing is asked.
    s.clock.at = new Date(T0.getTime() + elapsed + 1_000);
    await s.poller.runDue();
    expect(s.backend.statusCalls).toHaveLength(8);
    expect(s.db.read((r) => findApplication(r, pending.id))?.summary.tracking).toBeNull();
  });

  it('returns to the base interval when the status changes', async () => {
    const s = await setup();
    const app = await s.addApplication();
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'registered') }];
    for (const ms of [0, 60_000, 180_000]) {
      s.clock.at = new Date(T0.getTime() + ms);
      await s.poller.runDue();
    }
    expect(s.nextCheckAt(app.id)).toBe(iso(180_000 + 240_000));
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'under-review') }];
    s.clock.at = new Date(T0.getTime() + 420_000);
    await s.poller.runDue();
    expect(s.nextCheckAt(app.id)).toBe(iso(420_000 + 60_000));
  });

  it('backs off on failures too, and keeps the last status', async () => {
    const s = await setup();
    const app = await s.addApplication();
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'under-review') }, { ok: false, error: { kind: 'timeout' } }];
    await s.poller.runDue();
    s.clock.at = new Date(T0.getTime() + 60_000);
    await s.poller.runDue();
    const tracking = s.db.read((r) => findApplication(r, app.id))?.summary.tracking;
    expect(tracking).toMatchObject({ status: 'under-review', checkedAt: T0.toISOString(), nextCheckAt: iso(60_000 + 120_000) });
  });

  it('asks nothing while signed out or offline', async () => {
    const s = await setup();
    await s.addApplication();
    s.session.end();
    await s.poller.runDue();
    s.session.begin(OPERATOR, 'token-1', new Date(T0.getTime() + 86_400_000));
    s.setOffline(true);
    await s.poller.runDue();
    expect(s.backend.statusCalls).toEqual([]);
    s.setOffline(false);
    await s.poller.runDue();
    expect(s.backend.statusCalls).toHaveLength(1);
  });

  it('stops polling an application once it is handed over', async () => {
    const s = await setup();
    const app = await s.addApplication();
    const other = await s.addApplication();
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'ready-for-handover') }];
    await s.poller.runDue();
    expect(s.backend.statusCalls).toHaveLength(2);
    await s.db.write((w) => recordHandOver(w, app.id, { handedOverAt: T0.toISOString(), operatorId: 'op-1', operatorName: 'x' }));
    s.clock.at = new Date(T0.getTime() + 3_600_000);
    await s.poller.runDue();
    expect(s.backend.statusCalls.slice(2).map((c) => c.id)).toEqual([other.backendId]);
  });

  it('never checks one application twice at once, even when a refresh and a pass overlap', async () => {
    const s = await setup();
    const app = await s.addApplication();
    let open!: () => void;
    s.backend.gate = new Promise((resolve) => (open = resolve));
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'registered') }];
    const refresh = s.checker.check(app.id);
    const pass = s.poller.runDue();
    const samePass = s.poller.runDue();
    open();
    await Promise.all([refresh, pass, samePass]);
    expect(s.backend.statusCalls).toHaveLength(1);
  });

  it('arms its timer for the earliest due check (at least the minimum gap, at most the idle maximum), and stops cleanly', async () => {
    const s = await setup();
    const app = await s.addApplication();
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'registered') }];
    s.poller.start();
    expect(s.timers.armed).toBe(0);
    s.timers.fire();
    await s.poller.runDue();
    await new Promise((r) => setImmediate(r));
    expect(s.backend.statusCalls).toHaveLength(1);
    expect(s.timers.armed).toBe(60_000);
    s.clock.advance(59_500);
    s.poller.kick();
    expect(s.timers.armed).toBe(0);
    s.timers.fire();
    await s.poller.runDue();
    await new Promise((r) => setImmediate(r));
    // Due in 500 ms, but passes are at least a second apart.
    expect(s.timers.armed).toBe(1_000);
    s.session.end();
    s.timers.fire();
    await s.poller.runDue();
    await new Promise((r) => setImmediate(r));
    expect(s.timers.armed).toBe(60_000);
    expect(s.backend.statusCalls).toHaveLength(1);
    const before = s.timers.pending.length;
    await s.poller.stop();
    expect(s.timers.pending.filter((t) => !t.cancelled)).toHaveLength(0);
    s.poller.kick();
    expect(s.timers.pending.length).toBe(before);
    expect(s.errors).toEqual([]);
  });

  it('downloads a result the backend has and this workstation does not, once', async () => {
    const f = await statusFixture();
    const checker = new StatusChecker(f.db, f.backend, f.session, f.clock, { policy });
    const service = new StatusService(f.db, f.blobs, f.backend, f.session, checker, f.clock, new AuditLog(f.db, f.clock));
    const poller = new StatusPoller(f.db, checker, f.session, f.clock, new ManualTimers(), {
      maxIdleMs: 60_000, minGapMs: 1_000, batchSize: 20, concurrency: 2,
      isOffline: () => false,
      onUnexpectedError: (e) => {
        throw e;
      },
      prefetchResult: (id) => service.prefetch(id),
    });
    const app = await f.addApplication();
    f.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'issued') }, { ok: true, value: viewAt(app.backendId, 'ready-for-handover') }];
    f.backend.resultAnswers = [{ ok: true, value: RESULT_PDF }];
    await poller.runDue();
    expect(f.backend.resultCalls).toEqual([]);
    f.clock.advance(60_000);
    await poller.runDue();
    expect(f.backend.resultCalls).toEqual([app.backendId]);
    // Ready for hand-over with its document here: nothing more can change, so it is not asked about again.
    expect(f.db.read((r) => findApplication(r, app.id))?.summary.tracking).toMatchObject({ status: 'ready-for-handover', resultStored: true, nextCheckAt: null });
    const statusCalls = f.backend.statusCalls.length;
    f.clock.advance(3_600_000);
    await poller.runDue();
    expect(f.backend.resultCalls).toHaveLength(1);
    expect(f.backend.statusCalls).toHaveLength(statusCalls);
  });

  it('waits for checks in flight when stopped', async () => {
    const s = await setup();
    const app = await s.addApplication();
    let open!: () => void;
    s.backend.gate = new Promise((resolve) => (open = resolve));
    s.backend.statusAnswers = [{ ok: true, value: viewAt(app.backendId, 'registered') }];
    const pass = s.poller.runDue();
    let stopped = false;
    const stopping = s.poller.stop().then(() => (stopped = true));
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    open();
    await Promise.all([pass, stopping]);
    expect(stopped).toBe(true);
    expect(s.nextCheckAt(app.id)).toBe(iso(60_000));
  });
});
