import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeLoopbackPort } from './freeLoopbackPort';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where `node scripts/prepareTestMachine.mjs` builds AirSane (from ../shared/tools/airsane); PSC_AIRSANED overrides. */
export const AIRSANED = process.env.PSC_AIRSANED ?? path.join(REPO_ROOT, '.cache', 'airsane', 'airsaned');

/** Fails (never skips) when AirSane has not been built, saying how to build it. */
export function requireAirsane(): string {
  if (!existsSync(AIRSANED)) {
    throw new Error(
      `airsaned is missing at ${AIRSANED}: run \`node scripts/prepareTestMachine.mjs\` (builds it from ../shared/tools/airsane with build.sh; needs root for its build packages) or set PSC_AIRSANED`,
    );
  }
  return AIRSANED;
}

export interface RunningAirsane {
  /** The eSCL root of its first scanner, e.g. http://127.0.0.1:41234/eSCL */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A private copy of test/sane.d (SANE's `test` device, A4) for one AirSane; `readStatus` injects a
 * SANE status into every read (the test backend's `read-status-code`), e.g. NO_DOCS for an empty feeder.
 */
export async function saneConfigFor(readStatus: 'Default' | 'SANE_STATUS_NO_DOCS' | 'SANE_STATUS_JAMMED' = 'Default', extra = ''): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'psc-airsane-sane-'));
  await cp(path.join(REPO_ROOT, 'test', 'sane.d'), dir, { recursive: true });
  const file = path.join(dir, 'test.conf');
  await writeFile(file, `${await readFile(file, 'utf8')}\nread-status-code "${readStatus}"\n${extra}`);
  return dir;
}

/**
 * Starts airsaned on 127.0.0.1 only (as ../shared/tools/airsane/start.sh does: no mDNS announcement,
 * no hotplug, loopback interface) serving the SANE `test` device of `saneConfigDir`, and waits until
 * its eSCL root answers.
 */
export async function startAirsane(saneConfigDir?: string): Promise<RunningAirsane> {
  const binary = requireAirsane();
  const port = await freeLoopbackPort();
  const config = saneConfigDir ?? (await saneConfigFor());
  const child: ChildProcess = spawn(
    binary,
    [`--listen-port=${port}`, '--interface=lo', '--mdns-announce=false', '--hotplug=false', '--network-hotplug=false', '--web-interface=false', '--options-file=/dev/null', '--ignore-list=/dev/null', '--access-file=/dev/null'],
    { env: { ...process.env, SANE_CONFIG_DIR: config }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/eSCL`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`airsaned exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${url}/ScannerCapabilities`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`airsaned did not answer on ${url} within 15 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
