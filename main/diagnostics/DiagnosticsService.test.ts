import { describe, expect, it } from 'vitest';
import { err, ok } from '../../core/result';
import type { Operator } from '../../core/backendApi/wire';
import { DiagnosticsService, type DiagnosticsDeps } from './DiagnosticsService';

const OPERATOR: Operator = {
  operatorId: 'op-0042',
  login: 'operator',
  fullName: 'ТЕСТОВ Тест Тестұлы',
  iin: '880808399112',
  role: 'operator',
  workplace: { kind: 'psc', name: 'Астана қ. №1 ХҚО' },
};

function deps(overrides: Partial<DiagnosticsDeps> = {}): DiagnosticsDeps {
  let tick = 1000;
  return {
    session: { require: () => ok({ operator: OPERATOR, token: 't'.repeat(20), expiresAt: new Date('2026-11-24T00:00:00Z') }) },
    clock: { now: () => new Date('2026-11-23T07:00:00.000Z') },
    monotonicMs: () => (tick += 17),
    app: { version: '9.9.9', host: 'browser', dataDir: '/data/psc' },
    backend: { mode: 'embedded', url: 'http://127.0.0.1:1234/', health: async () => ok(null) },
    connectivity: () => ({ state: 'online', since: '2026-11-23T06:00:00.000Z' }),
    revocationStatus: async () => ok({ fetchedAt: '2026-11-23T05:30:00.000Z', nextUpdate: '2026-11-24T05:30:00.000Z', stale: false }),
    queueStatus: async () => ok({
      connectivity: { state: 'online', since: '2026-11-23T06:00:00.000Z' },
      lastSyncAt: '2026-11-23T06:50:00.000Z',
      paused: false,
      counts: { accepted: 2, sending: 1, registered: 5, needsAttention: 1, withdrawn: 0 },
      sendingIds: ['11111111-2222-4333-8444-555555555555'],
      backlog: { total: 3, remaining: 2 },
    }),
    listDevices: async () => ok([{ id: 'test:0', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device', adapter: 'sane' }]),
    scanimage: async () => ({ kind: 'ran', exitCode: 0, output: "device `test:0' is a Noname frontend-tester virtual device\n" }),
    libraries: async () => [{ name: 'sharp', version: '0.33.5' }],
    database: async () => ({ sizeBytes: 4096, lastSavedAt: '2026-11-23T06:59:00.000Z' }),
    storage: async () => ({ state: { kind: 'read-only', reason: 'disk-full' }, damage: [], openedAt: '2026-11-23T06:00:00.000Z', quarantineFiles: [] }),
    host: () => ({
      runtime: { node: '22.0.0', electron: null, chromium: null, v8: '12.0' },
      os: { type: 'Linux', release: '6.1', arch: 'x64', cpuCount: 4, totalMemoryMb: 8000, freeMemoryMb: 4000 },
    }),
    onUnexpectedError: (error) => {
      throw error;
    },
    log: {
      dir: '/data/psc/logs',
      recent: {
        lastLines: () => [{ time: '2026-11-23T06:58:00.000Z', level: 'info', event: 'host.started', json: '{"level":"info","event":"host.started"}' }],
        recentProblems: () => [{ time: '2026-11-23T06:59:00.000Z', level: 'warn', event: 'print.failed', json: '{"level":"warn","event":"print.failed","kind":"printer-stopped"}' }],
      },
    },
    ...overrides,
  };
}

describe('DiagnosticsService', () => {
  it('carries the log folder, the recent warnings and the last lines into the report and its text', async () => {
    const report = await new DiagnosticsService(deps()).report();
    if (!report.ok) throw new Error('no report');
    expect(report.value.log.recentProblems).toEqual([expect.objectContaining({ level: 'warn', event: 'print.failed' })]);
    expect(report.value.text).toContain('[Log]\nFolder: /data/psc/logs');
    expect(report.value.text).toContain('"event":"print.failed","kind":"printer-stopped"');
    expect(report.value.text).toContain('"event":"host.started"');
  });

  it('refuses without a session', async () => {
    const service = new DiagnosticsService(deps({ session: { require: () => err({ kind: 'not-signed-in' }) } }));
    expect(await service.report()).toEqual({ ok: false, error: { kind: 'not-signed-in' } });
  });

  it('gathers every collector into the report and the text', async () => {
    const report = await new DiagnosticsService(deps()).report();
    if (!report.ok) throw new Error('refused');
    const value = report.value;
    expect(value.operator).toEqual({ operatorId: 'op-0042', role: 'operator' });
    expect(value.backend.health).toEqual({ reachable: true, latencyMs: 17, problem: null });
    expect(value.revocationList).toEqual({ fetchedAt: '2026-11-23T05:30:00.000Z', nextUpdate: '2026-11-24T05:30:00.000Z', stale: false, ageMinutes: 90 });
    expect(value.queue).toEqual({ paused: false, lastSyncAt: '2026-11-23T06:50:00.000Z', accepted: 2, sending: 1, registered: 5, needsAttention: 1, withdrawn: 0 });
    expect(value.scanners.devices).toEqual([{ id: 'test:0', description: 'Noname frontend-tester (virtual device)', adapter: 'sane' }]);
    expect(value.database).toEqual({ sizeBytes: 4096, lastSavedAt: '2026-11-23T06:59:00.000Z' });
    expect(value.storage.state).toEqual({ kind: 'read-only', reason: 'disk-full' });
    expect(value.text).toContain('Storage: read-only (disk-full) since 2026-11-23T06:00:00.000Z');
    expect(value.text).toContain('Version: 9.9.9');
    expect(value.text).toContain("device `test:0' is a Noname frontend-tester virtual device");
    expect(value.text).toContain('sharp: 0.33.5');
  });

  it('never carries the operator name, IIN, login-free workplace or the ids of applications being sent', async () => {
    const report = await new DiagnosticsService(deps()).report();
    const json = JSON.stringify(report);
    for (const secret of [OPERATOR.fullName, OPERATOR.iin, OPERATOR.workplace.name, '11111111-2222-4333-8444-555555555555']) {
      expect(json).not.toContain(secret);
    }
  });

  it('reports an unreachable backend, an HTTP answer as reachable, and a failing device list', async () => {
    const offline = await new DiagnosticsService(deps({
      backend: { mode: 'configured', url: 'https://b.example/', health: async () => err({ kind: 'timeout' }) },
      listDevices: async () => err({ kind: 'scanner-software-missing', program: 'scanimage', debianPackage: 'sane-utils' }),
      scanimage: async () => ({ kind: 'missing', program: 'scanimage' }),
    })).report();
    if (!offline.ok) throw new Error('refused');
    expect(offline.value.backend.health).toMatchObject({ reachable: false, problem: 'timeout' });
    expect(offline.value.scanners).toMatchObject({ devices: [], error: 'scanner-software-missing' });
    expect(offline.value.text).toContain('scanimage is not installed');

    const http = await new DiagnosticsService(deps({
      backend: { mode: 'configured', url: 'https://b.example/', health: async () => err({ kind: 'http', status: 503, code: 'maintenance', retryAfterSeconds: null }) },
    })).report();
    expect(http.ok && http.value.backend.health).toMatchObject({ reachable: true, problem: 'http 503 maintenance' });
  });

  it('names the TLS check that refused the backend, in the health check and in the connectivity line', async () => {
    const refused = await new DiagnosticsService(deps({
      backend: { mode: 'configured', url: 'https://b.example/', health: async () => err({ kind: 'tls', reason: 'hostname-mismatch' }) },
      connectivity: () => ({ state: 'offline', since: '2026-11-23T06:00:00.000Z', nextCheckAt: '2026-11-23T07:00:30.000Z', tlsProblem: 'hostname-mismatch' }),
    })).report();
    if (!refused.ok) throw new Error('refused');
    expect(refused.value.backend.health).toMatchObject({ reachable: false, problem: 'tls hostname-mismatch' });
    expect(refused.value.text).toContain('Connectivity: offline since 2026-11-23T06:00:00.000Z, next check 2026-11-23T07:00:30.000Z, TLS refused: hostname-mismatch');
    expect(refused.value.text).toContain('Health check: unreachable (tls hostname-mismatch)');
  });

  it('shows a collector that throws as unavailable and reports the error', async () => {
    const errors: unknown[] = [];
    const report = await new DiagnosticsService(deps({
      queueStatus: async () => {
        throw new Error('database closed');
      },
      onUnexpectedError: (error) => errors.push(error),
    })).report();
    expect(report.ok && report.value.queue).toBeNull();
    expect(report.ok && report.value.text).toContain('[Queue]\nunavailable');
    expect(errors).toHaveLength(1);
  });
});
