import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeRunProcess, type RunProcess } from '../adapters/scanner/runProcess';
import { databaseFileStats } from './databaseFileStats';
import { hostFacts } from './hostFacts';
import { listScanimage } from './listScanimage';
import { readLibraryVersions } from './readLibraryVersions';
import { fileURLToPath } from 'node:url';
import { requireSystemTool } from '../../test/support/requireSystemTool';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('listScanimage', () => {
  it('returns the raw -L output of the repo SANE test device', async () => {
    requireSystemTool('scanimage', 'sane-utils', ['--version']);
    const listing = await listScanimage({ run: nodeRunProcess, program: 'scanimage', saneConfigDir: path.join(REPO_ROOT, 'test', 'sane.d'), baseEnv: process.env, timeoutMs: 10_000 });
    expect(listing).toMatchObject({ kind: 'ran', exitCode: 0 });
    expect(listing.kind === 'ran' && listing.output).toContain("device `test:0' is a Noname frontend-tester virtual device");
  });

  it('says when the program is missing', async () => {
    const listing = await listScanimage({ run: nodeRunProcess, program: 'no-such-scanimage-xyz', baseEnv: process.env, timeoutMs: 5_000 });
    expect(listing).toEqual({ kind: 'missing', program: 'no-such-scanimage-xyz' });
  });

  it('kills a hung scanimage after the timeout and keeps what it printed', async () => {
    const killed: string[] = [];
    const hung: RunProcess = (_command, _args, options) => {
      options.onStdout?.('partial line\n');
      return { exit: new Promise(() => undefined), kill: (signal) => killed.push(signal) };
    };
    const listing = await listScanimage({ run: hung, program: 'scanimage', baseEnv: {}, timeoutMs: 20 });
    expect(listing).toEqual({ kind: 'timed-out', afterMs: 20, output: 'partial line\n' });
    expect(killed).toEqual(['SIGKILL']);
  });
});

describe('readLibraryVersions', () => {
  it('reads versions from the dependencies package.json files', async () => {
    const versions = await readLibraryVersions(['zod', 'sql.js', 'no-such-package-xyz'], [path.join(REPO_ROOT, 'main', 'diagnostics')]);
    const zod = versions.find((v) => v.name === 'zod');
    expect(zod?.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(versions.find((v) => v.name === 'sql.js')?.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(versions.find((v) => v.name === 'no-such-package-xyz')).toEqual({ name: 'no-such-package-xyz', version: null });
  });
});

describe('databaseFileStats', () => {
  it('sums the snapshot and its journals and takes the newest mtime', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-diag-db-'));
    const file = path.join(dir, 'workstation.sqlite');
    await writeFile(file, new Uint8Array(100));
    const stats = await databaseFileStats(file);
    expect(stats.sizeBytes).toBe(100);
    expect(stats.lastSavedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await databaseFileStats(path.join(dir, 'absent.sqlite'))).toEqual({ sizeBytes: 0, lastSavedAt: null });
  });
});

describe('hostFacts', () => {
  it('names Electron and Chromium only when the runtime has them', () => {
    expect(hostFacts({ ...process.versions, electron: '33.0.0', chrome: '130.0.1' } as NodeJS.ProcessVersions).runtime).toMatchObject({ electron: '33.0.0', chromium: '130.0.1' });
    const node = hostFacts();
    expect(node.runtime).toMatchObject({ node: process.versions.node, electron: null, chromium: null });
    expect(node.os.cpuCount).toBeGreaterThan(0);
    expect(node.os.totalMemoryMb).toBeGreaterThan(0);
  });
});
