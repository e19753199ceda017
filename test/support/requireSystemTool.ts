import { spawnSync } from 'node:child_process';

/**
 * Fails (never skips) when a system tool a test relies on is absent, naming the Debian package to
 * install. `mustSucceed` also fails when the probe runs but exits non-zero.
 */
export function requireSystemTool(tool: string, debianPackage: string, probeArgs: readonly string[], options: { mustSucceed?: boolean } = {}): void {
  const probe = spawnSync(tool, [...probeArgs], { stdio: 'ignore' });
  if (probe.error || (options.mustSucceed && probe.status !== 0)) {
    throw new Error(`${tool} is missing: install the Debian package "${debianPackage}" (apt-get install -y ${debianPackage})`);
  }
}
