import { describe, expect, it } from 'vitest';
import type { Result } from '../../core/result';
import type { BackendFailure } from '../../core/submission/backendFailure';
import { ConnectivityMonitor } from './ConnectivityMonitor';

const T0 = new Date('2026-11-23T06:00:00.000Z');

function setup(answers: Result<null, BackendFailure>[]) {
  const clock = { at: T0, now() { return this.at; } };
  const backOnline: string[] = [];
  const monitor = new ConnectivityMonitor(
    { health: async () => answers.shift() ?? { ok: false, error: { kind: 'network' } } },
    clock,
    { onlineIntervalMs: 30_000, offlineBaseMs: 2_000, offlineCapMs: 60_000, onBackOnline: () => backOnline.push(clock.now().toISOString()) },
  );
  return { monitor, clock, backOnline };
}

describe('ConnectivityMonitor', () => {
  it('starts unknown, goes offline with a growing, capped next check, and online again kicks the outbox', async () => {
    const { monitor, clock, backOnline } = setup([
      { ok: false, error: { kind: 'network' } },
      { ok: false, error: { kind: 'timeout' } },
      { ok: true, value: null },
    ]);
    expect(monitor.current()).toEqual({ state: 'unknown' });
    await monitor.check();
    expect(monitor.current()).toEqual({ state: 'offline', since: T0.toISOString(), nextCheckAt: '2026-11-23T06:00:02.000Z' });
    clock.at = new Date(T0.getTime() + 2_000);
    await monitor.check();
    expect(monitor.current()).toEqual({ state: 'offline', since: T0.toISOString(), nextCheckAt: '2026-11-23T06:00:06.000Z' });
    for (let i = 0; i < 10; i++) monitor.observe(false);
    const capped = monitor.current();
    expect(capped.state === 'offline' && new Date(capped.nextCheckAt).getTime() - clock.now().getTime()).toBe(60_000);

    clock.at = new Date(T0.getTime() + 90_000);
    await monitor.check();
    expect(monitor.current()).toEqual({ state: 'online', since: '2026-11-23T06:01:30.000Z' });
    expect(monitor.lastSyncAt()).toBe('2026-11-23T06:01:30.000Z');
    expect(backOnline).toEqual(['2026-11-23T06:01:30.000Z']);
  });

  it('counts any HTTP answer as reachable (the backend is there, if unwell), and does not kick on the first online', async () => {
    const { monitor, backOnline } = setup([{ ok: false, error: { kind: 'http', status: 503, code: 'internal-error', retryAfterSeconds: null } }]);
    await monitor.check();
    expect(monitor.current().state).toBe('online');
    expect(monitor.lastSyncAt()).toBeNull();
    expect(backOnline).toEqual([]);
  });

  it('learns from the outbox without a health check: a registration is a sync', () => {
    const { monitor, clock } = setup([]);
    monitor.observe(false);
    expect(monitor.current().state).toBe('offline');
    clock.at = new Date(T0.getTime() + 5_000);
    monitor.synced();
    expect(monitor.current()).toEqual({ state: 'online', since: '2026-11-23T06:00:05.000Z' });
    expect(monitor.lastSyncAt()).toBe('2026-11-23T06:00:05.000Z');
  });

  it('remembers why TLS refused the backend while offline, and forgets it on the next plain failure or success', async () => {
    const { monitor, clock } = setup([
      { ok: false, error: { kind: 'tls', reason: 'untrusted-certificate' } },
      { ok: false, error: { kind: 'network' } },
      { ok: true, value: null },
    ]);
    await monitor.check();
    expect(monitor.current()).toEqual({ state: 'offline', since: T0.toISOString(), nextCheckAt: '2026-11-23T06:00:02.000Z', tlsProblem: 'untrusted-certificate' });
    // The outbox's attempt is just as telling as a health check.
    monitor.observe(false, { kind: 'tls', reason: 'pin-mismatch' });
    expect(monitor.current()).toMatchObject({ state: 'offline', since: T0.toISOString(), tlsProblem: 'pin-mismatch' });
    clock.at = new Date(T0.getTime() + 10_000);
    await monitor.check();
    expect(monitor.current()).toEqual({ state: 'offline', since: T0.toISOString(), nextCheckAt: '2026-11-23T06:00:18.000Z' });
    monitor.observe(false, { kind: 'tls', reason: 'expired-certificate' });
    await monitor.check();
    expect(monitor.current()).toEqual({ state: 'online', since: '2026-11-23T06:00:10.000Z' });
  });
});
