import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningHost {
  readonly launchUrl: string;
  readonly dataDir: string;
  readonly process: ChildProcessWithoutNullStreams;
  readonly output: () => string;
  /** SIGKILL: no shutdown handlers run, exactly like a power cut for the process. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function newDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'psc-e2e-'));
}

/** Starts the built browser host (out/web/main.mjs) as its own process and waits for its launch URL. */
export async function startWebHost(dataDir: string, extraEnv: Record<string, string> = {}): Promise<RunningHost> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'out/web/main.mjs')], {
    cwd: REPO_ROOT,
    // The repo's SANE `test` device (A4 geometry) unless a test brings its own configuration.
    env: { ...process.env, PSC_DATA_DIR: dataDir, PSC_WEB_PORT: '0', PSC_BACKEND_URL: '', PSC_SANE_CONFIG_DIR: path.join(REPO_ROOT, 'test', 'sane.d'), ...extraEnv },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in 20 s:\n${output}`)), 20_000);
    // The host prints its address as soon as it listens and the data and backend lines once the
    // workstation has opened: tests start from a fully started host, and can read what it started.
    const onData = () => {
      const match = /Open: (\S+)/.exec(output);
      if (match && /\n {2}backend: /.test(output)) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });

  return {
    launchUrl,
    dataDir,
    process: child,
    output: () => output,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Imports the sample PDF until every required document slot has a page (each import goes to the next missing slot). */
export async function fillRequiredSlots(page: Page): Promise<number> {
  const next = page.getByTestId('documents-next');
  for (let imported = 0; imported < 10; imported++) {
    if (await next.isEnabled()) return imported;
    const rows = await page.getByTestId('document-row').count();
    await page.getByTestId('document-file-input').setInputFiles('test/fixtures/e2e/receipt.pdf');
    await expect(page.getByTestId('document-row')).toHaveCount(rows + 1);
  }
  throw new Error('required slots still missing after 10 imports');
}

/** The committed demo PKI (README "Signing (demo)"). */
export const DEMO_KEY_PASSWORD = 'Demo#2026';
export const demoKeyPath = (name = 'operator.p12'): string => path.join(REPO_ROOT, 'resources', 'pki', 'demo-keys', name);

/**
 * On the review step of an EDS service: picks a demo key file, types its password and checks the
 * key (the certificate card appears). Does not submit.
 */
export async function checkDemoKey(page: Page, name = 'operator.p12', password = DEMO_KEY_PASSWORD): Promise<void> {
  await page.getByTestId('sign-key-file-input').setInputFiles(demoKeyPath(name));
  await page.getByTestId('sign-password').fill(password);
  await page.getByTestId('sign-check-key').click();
}

/** The steps every flow starts with; screens in between are each spec's own business. */
export async function login(page: Page, credentials: { login: string; password: string }): Promise<void> {
  await page.getByTestId('login-username').fill(credentials.login);
  await page.getByTestId('login-password').fill(credentials.password);
  await page.getByTestId('login-submit').click();
}

export async function pickService(page: Page, serviceId: string, subtype: 'issue' | 'reissue' | 'duplicate'): Promise<void> {
  await page.getByTestId(`service-option-${serviceId}`).click();
  await page.getByTestId(`subtype-${subtype}`).click();
  await page.getByTestId('service-next').click();
}

export async function lookUpApplicant(page: Page, kind: 'individual' | 'legal-entity', id: string): Promise<void> {
  await page.getByTestId(`applicant-kind-${kind}`).click();
  await page.getByTestId('applicant-id').fill(id);
  await page.getByTestId('applicant-lookup').click();
  await expect(page.getByTestId('applicant-card')).toContainText(id);
}

export interface RunningBackend {
  readonly url: string;
  stop(): Promise<void>;
}

/** A free loopback port (the backend must come back on the same one after it is stopped). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The reference backend as its own process (out/backend/main.mjs), state on disk so a restart keeps it. */
export async function startBackendProcess(port: number, stateDir: string, extraEnv: Record<string, string> = {}): Promise<RunningBackend> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'out/backend/main.mjs')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PSC_BACKEND_PORT: String(port), PSC_BACKEND_STATE_DIR: stateDir, PSC_BACKEND_HOST: '127.0.0.1', ...extraEnv },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend did not start in 20 s:\n${output}`)), 20_000);
    child.stdout.on('data', () => {
      const match = /listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`backend exited with ${code}:\n${output}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
