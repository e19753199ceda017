import { describe, expect, it } from 'vitest';
import { appendRendererLines, formatDiagnosticsText, type DiagnosticsFacts } from './formatDiagnostics';

const FACTS: DiagnosticsFacts = {
  generatedAt: '2026-11-23T07:00:00.000Z',
  app: { version: '1.2.3', host: 'browser', dataDir: '/var/lib/psc' },
  operator: { operatorId: 'op-0001', role: 'operator' },
  runtime: { node: '20.11.1', electron: null, chromium: null, v8: '11.3' },
  libraries: [{ name: 'sharp', version: '0.33.5' }, { name: 'pdf-lib', version: null }],
  os: { type: 'Linux', release: '6.1.0', arch: 'x64', cpuCount: 8, totalMemoryMb: 16000, freeMemoryMb: 8000 },
  backend: {
    mode: 'configured',
    url: 'https://backend.example/',
    connectivity: { state: 'offline', since: '2026-11-23T06:00:00.000Z', nextCheckAt: '2026-11-23T07:01:00.000Z' },
    health: { reachable: false, latencyMs: 42, problem: 'unreachable' },
  },
  revocationList: { fetchedAt: '2026-11-23T05:00:00.000Z', nextUpdate: '2026-11-24T05:00:00.000Z', stale: false, ageMinutes: 120 },
  scanners: {
    devices: [{ id: 'test:0', description: 'Noname frontend-tester (virtual device)', adapter: 'sane' }],
    error: null,
    scanimage: { kind: 'ran', exitCode: 0, output: "device `test:0' is a Noname frontend-tester virtual device\n" },
  },
  queue: { paused: true, lastSyncAt: null, accepted: 3, sending: 1, registered: 10, needsAttention: 2, withdrawn: 0 },
  database: { sizeBytes: 123456, lastSavedAt: '2026-11-23T06:59:00.000Z' },
  log: { dir: '/var/lib/psc/logs', recentProblems: [], lastLines: ['{"level":"info","event":"host.started"}'] },
  storage: {
    state: { kind: 'ok' },
    openedAt: '2026-11-23T06:00:00.000Z',
    damage: [
      {
        journalFile: 'workstation.sqlite.journal-a', offset: 2209, bytes: 1491, reason: 'checksum mismatch',
        quarantineFile: 'workstation.sqlite.quarantine-20261123T060000Z-journal-a-at-2209', possiblyLostLocalNumbers: ['3F0C2A-20261123-0007'],
      },
    ],
    quarantineFiles: ['workstation.sqlite.quarantine-20261123T060000Z-journal-a-at-2209'],
  },
};

describe('formatDiagnosticsText', () => {
  it('puts every section the helpdesk asks for into the text', () => {
    const text = formatDiagnosticsText(FACTS);
    expect(text).toContain('Version: 1.2.3');
    expect(text).toContain('Node: 20.11.1');
    expect(text).toContain('Electron: -');
    expect(text).toContain('sharp: 0.33.5');
    expect(text).toContain('pdf-lib: not found');
    expect(text).toContain('Linux 6.1.0 (x64)');
    expect(text).toContain('Connectivity: offline since 2026-11-23T06:00:00.000Z');
    expect(text).toContain('Health check: unreachable (unreachable) in 42 ms');
    expect(text).toContain('Age: 120 min');
    expect(text).toContain('test:0: Noname frontend-tester (virtual device) [sane]');
    expect(text).toContain("scanimage -L (exit 0):\n  device `test:0' is a Noname frontend-tester virtual device");
    expect(text).toContain('Storage: working since 2026-11-23T06:00:00.000Z');
    expect(text).toContain(
      'Damage found at start: workstation.sqlite.journal-a at byte 2209, 1491 bytes (checksum mismatch), kept in workstation.sqlite.quarantine-20261123T060000Z-journal-a-at-2209; applications that may be lost: 3F0C2A-20261123-0007',
    );
    expect(text).toContain('Quarantined files: workstation.sqlite.quarantine-20261123T060000Z-journal-a-at-2209');
    expect(text).toContain('Accepted: 3, sending: 1, registered: 10, needs attention: 2, withdrawn: 0');
    expect(text).toContain('Size: 123456 bytes');
    expect(text).toContain('Operator: op-0001 (operator)');
  });

  it('says when scanimage is missing or silent', () => {
    expect(formatDiagnosticsText({ ...FACTS, scanners: { devices: [], error: 'scanner-software-missing', scanimage: { kind: 'missing', program: 'scanimage' } } }))
      .toContain('scanimage -L: scanimage is not installed (Debian package sane-utils)');
    expect(formatDiagnosticsText({ ...FACTS, scanners: { devices: [], error: null, scanimage: { kind: 'timed-out', afterMs: 5000, output: '' } } }))
      .toContain('scanimage -L: no answer within 5000 ms\n  (no output)');
  });

  it('redacts an IIN that slipped into any field', () => {
    const text = formatDiagnosticsText({ ...FACTS, app: { ...FACTS.app, dataDir: '/home/850101399014/psc' } });
    expect(text).not.toContain('850101399014');
    expect(text).toContain('/home/[redacted]/psc');
  });

  it('appends the renderer user agent, redacted too', () => {
    const text = appendRendererLines('base\n', 'Mozilla/5.0 Chrome/130 id 900202499021');
    expect(text).toContain('User agent: Mozilla/5.0 Chrome/130 id [redacted]');
    expect(appendRendererLines('base\n', null)).toBe('base\n');
  });
});
