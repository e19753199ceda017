/**
 * The fake diagnostics area: main's DiagnosticsService with fixed machine facts, the signed-in
 * operator by id and role, and the queue counts of the fake outbox. The text comes from core's own
 * formatter, so the screen shows what main would send. `controller.setScanimage` scripts the raw
 * `scanimage -L` answer (e.g. missing).
 */
import type { DiagnosticsApi, ScanimageListing } from '../../core/contract';
import { formatDiagnosticsText, type DiagnosticsFacts } from '../../core/diagnostics/formatDiagnostics';
import { err, ok } from '../../core/result';
import { NOT_SIGNED_IN, type FakeMain } from './fakeMain';

export const FAKE_SCANIMAGE_OUTPUT = "device `test:0' is a Noname frontend-tester virtual device\n";

export interface FakeDiagnosticsController {
  setScanimage(listing: ScanimageListing): void;
  /** How many reports main collected. */
  reports(): number;
}

export function createFakeDiagnostics(main: FakeMain): { readonly api: DiagnosticsApi; readonly controller: FakeDiagnosticsController } {
  let scanimage: ScanimageListing = { kind: 'ran', exitCode: 0, output: FAKE_SCANIMAGE_OUTPUT };
  let collected = 0;
  const api: DiagnosticsApi = {
    async report() {
      const operator = main.operator();
      if (!operator) return err(NOT_SIGNED_IN);
      collected += 1;
      const facts: DiagnosticsFacts = {
        generatedAt: main.now(),
        app: { version: '0.1.0-test', host: 'browser', dataDir: '/var/lib/psc-test' },
        operator: { operatorId: operator.operatorId, role: operator.role },
        runtime: { node: '22.0.0', electron: null, chromium: null, v8: '12.4' },
        libraries: [{ name: 'sharp', version: '0.33.5' }, { name: 'react', version: '19.0.0' }],
        os: { type: 'Linux', release: '6.1.0-test', arch: 'x64', cpuCount: 4, totalMemoryMb: 8000, freeMemoryMb: 3000 },
        backend: { mode: 'embedded', url: 'http://127.0.0.1:0', connectivity: { state: 'online', since: main.now() }, health: { reachable: true, latencyMs: 12, problem: null } },
        revocationList: { fetchedAt: main.now(), nextUpdate: null, stale: false, ageMinutes: 5 },
        scanners: {
          devices: scanimage.kind === 'missing' ? [] : [{ id: 'test:0', description: 'Noname frontend-tester (virtual device)', adapter: 'sane' }],
          error: scanimage.kind === 'missing' ? 'scanner-software-missing' : null,
          scanimage,
        },
        queue: { paused: false, lastSyncAt: null, accepted: 1, sending: 0, registered: main.applications.length, needsAttention: 0, withdrawn: 0 },
        database: { sizeBytes: 20480, lastSavedAt: main.now() },
        log: {
          dir: '/var/lib/psc-test/logs',
          recentProblems: [{ time: main.now(), level: 'warn', event: 'print.failed', json: '{"level":"warn","event":"print.failed","kind":"printer-stopped"}' }],
          lastLines: ['{"level":"info","event":"host.started"}'],
        },
        storage: { state: { kind: 'ok' }, damage: [], openedAt: main.now(), quarantineFiles: [] },
      };
      return ok({ ...facts, text: formatDiagnosticsText(facts) });
    },
  };
  return {
    api,
    controller: {
      setScanimage(listing) {
        scanimage = listing;
      },
      reports: () => collected,
    },
  };
}
