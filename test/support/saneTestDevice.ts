import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './workstationHarness';
import { requireSystemTool } from './requireSystemTool';

/** Fails (never skips) when scanimage is absent, naming the Debian package. */
export function requireScanimage(): void {
  requireSystemTool('scanimage', 'sane-utils', ['--version']);
}

/**
 * A private copy of test/sane.d (SANE's `test` device with A4 geometry) whose behaviour a test can
 * change between scans: the test backend reads `read-status-code` from its config on every run,
 * so a jam is injected by configuration, with no test-only path in the product.
 */
export async function privateSaneConfig(): Promise<{ dir: string; setReadStatus(status: 'Default' | 'SANE_STATUS_JAMMED' | 'SANE_STATUS_COVER_OPEN'): Promise<void> }> {
  requireScanimage();
  const dir = await mkdtemp(path.join(tmpdir(), 'psc-sane-'));
  await cp(path.join(REPO_ROOT, 'test', 'sane.d'), dir, { recursive: true });
  const file = path.join(dir, 'test.conf');
  const original = await readFile(file, 'utf8');
  return {
    dir,
    async setReadStatus(status) {
      await writeFile(file, `${original}\nread-status-code "${status}"\n`);
    },
  };
}
