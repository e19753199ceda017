import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lastSaneStatusText, mapSaneFailure } from './mapSaneFailure';
import type { ProcessExit } from './runProcess';

const context = { deviceId: 'test:0', program: 'scanimage' };
const exited = (code: number | null, signal: NodeJS.Signals | null = null): ProcessExit => ({ kind: 'exited', code, signal });

/** A recorded failing run: first line `exit=<code>`, then scanimage's stderr. */
function recorded(name: string): { exit: ProcessExit; stderr: string } {
  const text = readFileSync(new URL(`../../../test/fixtures/scans/sane/${name}`, import.meta.url), 'utf8');
  const [first = '', ...rest] = text.split('\n');
  return { exit: exited(Number(first.replace('exit=', ''))), stderr: rest.join('\n') };
}

describe('mapSaneFailure with recorded test-device runs', () => {
  it.each([
    ['test.fail-JAMMED.txt', 6, { kind: 'paper-jam' }],
    ['test.fail-NO_DOCS.txt', 7, { kind: 'feeder-empty' }],
    ['test.fail-COVER_OPEN.txt', 8, { kind: 'cover-open' }],
    ['test.fail-DEVICE_BUSY.txt', 3, { kind: 'device-busy' }],
    ['test.fail-IO_ERROR.txt', 9, { kind: 'io-error' }],
    ['test.fail-ACCESS_DENIED.txt', 11, { kind: 'access-denied' }],
    ['test.fail-NO_MEM.txt', 10, { kind: 'unknown', saneStatus: 'Out of memory' }],
    ['test.fail-nosuch-device.txt', 1, { kind: 'device-not-found', deviceId: 'test:0' }],
  ] as const)('%s (exit %i)', (file, code, expected) => {
    const run = recorded(file);
    expect(run.exit).toEqual(exited(code));
    expect(mapSaneFailure(run.exit, run.stderr, context)).toEqual(expected);
  });

  it('finds the feeder-empty text that ends a normal feeder batch', () => {
    expect(lastSaneStatusText(recorded('test.adf-runs-empty.txt').stderr)).toBe('Document feeder out of documents');
  });
});

describe('mapSaneFailure', () => {
  it('names the Debian package when scanimage is not installed', () => {
    expect(mapSaneFailure({ kind: 'spawn-failed', errno: 'ENOENT' }, '', context)).toEqual({
      kind: 'scanner-software-missing',
      program: 'scanimage',
      debianPackage: 'sane-utils',
    });
  });

  it('falls back to the exit code when stderr says nothing useful', () => {
    expect(mapSaneFailure(exited(6), '', context)).toEqual({ kind: 'paper-jam' });
    expect(mapSaneFailure(exited(8), 'garbage', context)).toEqual({ kind: 'cover-open' });
    expect(mapSaneFailure(exited(1), '', context)).toEqual({ kind: 'unknown', saneStatus: 'exit code 1' });
    expect(mapSaneFailure(exited(null, 'SIGSEGV'), '', context)).toEqual({ kind: 'unknown', saneStatus: 'terminated by SIGSEGV' });
  });

  it('maps failures to open the device by their status', () => {
    expect(mapSaneFailure(exited(1), 'scanimage: open of device hpaio:/usb/x failed: Device busy\n', context)).toEqual({ kind: 'device-busy' });
    expect(mapSaneFailure(exited(1), 'scanimage: open of device x failed: Access to resource has been denied\n', context)).toEqual({ kind: 'access-denied' });
    expect(mapSaneFailure(exited(1), 'scanimage: open of device x failed: Invalid argument\n', context)).toEqual({ kind: 'device-not-found', deviceId: 'test:0' });
  });

  it('reports a refused option as an unsupported setting', () => {
    expect(mapSaneFailure(exited(1), 'scanimage: setting of option --source failed (Invalid argument)\n', context)).toEqual({
      kind: 'unsupported-setting',
      setting: 'source',
      requested: 'source',
    });
  });

  it('never copies other stderr text into the error', () => {
    const error = mapSaneFailure(exited(1), 'scanimage: sane_read: vendor says: serial CN123 at /home/ivanov/scan.tiff\n', context);
    expect(error).toEqual({ kind: 'unknown', saneStatus: 'exit code 1' });
  });
});
