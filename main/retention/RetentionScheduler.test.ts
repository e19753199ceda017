import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findApplicationSummary } from '../db/applications';
import { composeRetention } from './composeRetention';
import type { RetentionReport } from './RetentionPurger';
import { RetentionScheduler, retentionFailure } from './RetentionScheduler';
import { nodePollTimers } from '../status/StatusPoller';
import { retentionFixture } from './testSupport/retentionFixture';

const REPORT: RetentionReport = { applications: 1, drafts: 0, blobsDeleted: 3, bytesFreed: 4_096 };

/** A purger whose passes end when the test says so. */
class HeldPurger {
  calls = 0;
  private release: (() => void) | null = null;
  private failWith: Error | null = null;

  purgeDue(): Promise<RetentionReport> {
    this.calls += 1;
    return new Promise((resolve, reject) => {
      this.release = () => (this.failWith ? reject(this.failWith) : resolve(REPORT));
    });
  }

  finish(failure: Error | null = null): void {
    this.failWith = failure;
    const release = this.release;
    this.release = null;
    release?.();
  }
}

const FIRST = 60_000;
const HOUR = 3_600_000;

function setup() {
  const purger = new HeldPurger();
  const errors: unknown[] = [];
  const scheduler = new RetentionScheduler(purger, nodePollTimers, { firstDelayMs: FIRST, intervalMs: HOUR, onUnexpectedError: (e) => errors.push(e) });
  return { purger, errors, scheduler };
}

describe('RetentionScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a pass shortly after start, then an hour after each pass ends', async () => {
    const { purger, scheduler } = setup();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(FIRST - 1);
    expect(purger.calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(purger.calls).toBe(1);
    // A long pass: the next hour counts from its end, and no second pass starts meanwhile.
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(purger.calls).toBe(1);
    purger.finish();
    await vi.advanceTimersByTimeAsync(HOUR - 1);
    expect(purger.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(purger.calls).toBe(2);
    purger.finish();
    await scheduler.stop();
  });

  it('joins a running pass when asked for one now, never running two at once', async () => {
    const { purger, scheduler } = setup();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(FIRST);
    const now = scheduler.purgeNow();
    expect(purger.calls).toBe(1);
    purger.finish();
    await expect(now).resolves.toEqual(REPORT);
    // Between passes, purgeNow starts one of its own.
    const second = scheduler.purgeNow();
    expect(purger.calls).toBe(2);
    purger.finish();
    await expect(second).resolves.toEqual(REPORT);
    await scheduler.stop();
  });

  it('reports a failed pass without its message and tries again at the next one', async () => {
    const { purger, errors, scheduler } = setup();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(FIRST);
    const failure = Object.assign(new Error('UNIQUE constraint failed near 870412300001 САРСЕНОВА'), { code: 'SQLITE_CONSTRAINT' });
    purger.finish(failure);
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toHaveLength(1);
    const reported = errors[0] as Error;
    expect(reported.message).toBe('retention purge pass failed (Error SQLITE_CONSTRAINT); it is retried at the next pass');
    expect(reported.stack).not.toMatch(/870412300001|САРСЕНОВА/);
    expect(reported.stack).toMatch(/\n\s+at /);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(purger.calls).toBe(2);
    purger.finish();
    await scheduler.stop();
  });

  it('stop waits for the running pass, then nothing runs any more', async () => {
    const { purger, scheduler } = setup();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(FIRST);
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    purger.finish();
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(10 * HOUR);
    expect(purger.calls).toBe(1);
    await expect(scheduler.purgeNow()).rejects.toThrow(/stopped/);
  });

  it('describes non-Error failures too', () => {
    expect(retentionFailure('boom').message).toBe('retention purge pass failed (string); it is retried at the next pass');
  });
});

describe('composeRetention', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('purges on its own shortly after start, with the settings period read at the pass', async () => {
    const f = await retentionFixture();
    const handedOver = await f.addApplication({ kind: 'handed-over', daysAgo: 31 });
    const kept = await f.addApplication({ kind: 'handed-over', daysAgo: 10 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const errors: unknown[] = [];
    let days = 60;
    const retention = composeRetention({
      db: f.db, blobs: f.blobs, clock: f.clock, audit: f.audit, retentionDays: () => days, onUnexpectedError: (e) => errors.push(e),
      purger: { fileClock: () => Date.now() + 2 * HOUR },
    });
    retention.start();
    days = 30;
    await vi.advanceTimersByTimeAsync(60_000);
    vi.useRealTimers();
    await vi.waitFor(() => expect(f.db.read((r) => findApplicationSummary(r, handedOver.id))?.purgedAt).not.toBeNull());
    await retention.stop();
    expect(errors).toEqual([]);
    expect(f.db.read((r) => findApplicationSummary(r, kept.id))?.purgedAt).toBeNull();
    for (const digest of handedOver.ownBlobs) expect(await f.blobs.has(digest)).toBe(false);
    await f.db.close();
  });
});
