/**
 * Issue 15 item 7: the first real Electron start, rehearsed under Node. The built main bundle
 * (out/electron/main.cjs, built here exactly as scripts/build.mjs builds it) is loaded with a strict
 * fake `electron` (fakeElectron.ts) that refuses any API used before 'ready'. Cases: a packaged build
 * without a backend, Linux without a keyring (quit, or continue deliberately), a second instance,
 * and fatal start-up errors.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { HOST_EXTERNAL_PACKAGES } from '../../scripts/build.mjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeElectron, type FakeElectron, type FakeElectronOptions } from './fakeElectron';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN_BUNDLE = path.join(ROOT, 'out', 'electron', 'main.cjs');
const require = createRequire(MAIN_BUNDLE);
const ELECTRON_ENTRY = require.resolve('electron');

beforeAll(async () => {
  // The same options as scripts/build.mjs's Electron entry.
  await build({ entryPoints: [path.join(ROOT, 'main/host/electron/main.ts')], bundle: true, platform: 'node', target: 'node22', format: 'cjs', outfile: MAIN_BUNDLE, external: HOST_EXTERNAL_PACKAGES, logLevel: 'warning' });
}, 60_000);

const savedEnv = { ...process.env };
let running: FakeElectron | null = null;
afterEach(async () => {
  // Close what a started workstation holds (database, timers), as the last window closing does.
  if (running && running.windows.length > 0 && running.exitCode() === null) {
    running.emitApp('window-all-closed');
    await running.ended;
  }
  running = null;
  process.env = { ...savedEnv };
  delete require.cache[MAIN_BUNDLE];
  delete require.cache[ELECTRON_ENTRY];
});

/** Loads the bundle with the fake (no Electron before this point), then lets the app become ready. */
async function startMain(options: Omit<FakeElectronOptions, 'userData'> & { env?: Record<string, string> }): Promise<FakeElectron & { userData: string }> {
  const userData = await mkdtemp(path.join(tmpdir(), 'psc-electron-'));
  process.env = { ...savedEnv, PSC_ADMIN_CONFIG: path.join(userData, 'no-admin.json'), ...(options.env ?? {}) };
  for (const key of ['PSC_DATA_DIR', 'PSC_BACKEND_URL', 'PSC_CONFIG']) if (!options.env?.[key]) delete process.env[key];
  const fake = createFakeElectron({ ...options, userData });
  running = fake;
  require.cache[ELECTRON_ENTRY] = { id: ELECTRON_ENTRY, filename: ELECTRON_ENTRY, loaded: true, exports: fake.electron } as unknown as NodeJS.Module;
  delete require.cache[MAIN_BUNDLE];
  require(MAIN_BUNDLE);
  fake.emitReady();
  return Object.assign(fake, { userData });
}

/** Until the window has loaded the app, or the app ended. */
async function settled(fake: FakeElectron): Promise<'window' | string> {
  return Promise.race([
    fake.ended,
    (async () => {
      for (let i = 0; i < 400; i++) {
        if (fake.windows.some((w) => w.loaded.some((url) => url.startsWith('app://workstation/')))) return 'window' as const;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return 'timeout';
    })(),
  ]);
}

describe('Electron main under a strict fake electron', () => {
  it('a packaged build without a backend starts no embedded backend and shows the not-configured screen', async () => {
    const fake = await startMain({ packaged: true });
    expect(await settled(fake)).toBe('window');
    expect(fake.violations).toEqual([]);
    // Before ready: only the scheme, the sandbox and the lock.
    const firstAfterReady = fake.calls.findIndex((c) => c.startsWith('Menu.setApplicationMenu'));
    expect(fake.calls.slice(0, firstAfterReady)).toEqual(['protocol.registerSchemesAsPrivileged', 'app.enableSandbox', 'app.requestSingleInstanceLock']);
    expect(fake.calls).toContain('Menu.setApplicationMenu null');
    expect(fake.windows[0]!.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false } });
    const about = (await fake.call('system', 'about')) as { ok: true; value: { backend: { mode: string }; trainingMode: boolean } };
    expect(about.value.backend.mode).toBe('not-configured');
    expect(about.value.trainingMode).toBe(false);
    // The data directory is the app's userData, and no embedded backend ever wrote its state there.
    expect(existsSync(path.join(fake.userData, 'workstation.sqlite'))).toBe(true);
    expect(existsSync(path.join(fake.userData, 'embedded-backend'))).toBe(false);
    expect(fake.errorBoxes).toEqual([]);
  });

  it('with training mode in the admin file the packaged build runs the embedded backend and says so', async () => {
    const adminDir = await mkdtemp(path.join(tmpdir(), 'psc-admin-'));
    await writeFile(path.join(adminDir, 'admin.json'), JSON.stringify({ trainingMode: true }));
    const fake = await startMain({ packaged: true, env: { PSC_ADMIN_CONFIG: path.join(adminDir, 'admin.json') } });
    expect(await settled(fake)).toBe('window');
    const about = (await fake.call('system', 'about')) as { ok: true; value: { backend: { mode: string }; trainingMode: boolean } };
    expect(about.value).toMatchObject({ backend: { mode: 'embedded' }, trainingMode: true });
    expect(existsSync(path.join(fake.userData, 'embedded-backend'))).toBe(true);
    expect(fake.violations).toEqual([]);
  });

  it('Linux without a keyring: a dialog, never a silent exit; Quit exits with 3 and opens nothing', async () => {
    const fake = await startMain({ packaged: false, encryptionAvailable: true, linuxBackend: 'basic_text', messageBoxAnswer: 0 });
    expect(await settled(fake)).toBe('exit 3');
    expect(fake.messageBoxes).toHaveLength(1);
    expect(String(fake.messageBoxes[0]!.message)).toContain('No operating-system key store');
    expect(fake.windows).toEqual([]);
    expect(fake.violations).toEqual([]);
  });

  it('Linux without a keyring: continuing deliberately keeps the key unwrapped and warns on screen', async () => {
    const fake = await startMain({ packaged: false, encryptionAvailable: false, messageBoxAnswer: 1 });
    expect(await settled(fake)).toBe('window');
    const about = (await fake.call('system', 'about')) as { ok: true; value: { keyStoreWarning: boolean } };
    expect(about.value.keyStoreWarning).toBe(true);
    expect(fake.calls).not.toContain('safeStorage.encryptString');
    expect(fake.violations).toEqual([]);
  });

  it('with a keyring the blob key file is wrapped by safeStorage', async () => {
    const fake = await startMain({ packaged: false });
    expect(await settled(fake)).toBe('window');
    expect(fake.calls).toContain('safeStorage.encryptString');
    expect(fake.messageBoxes).toEqual([]);
  });

  it('a second instance quits at once without a window; the first brings its window forward', async () => {
    const second = await startMain({ packaged: true, gotLock: false });
    expect(await second.ended).toBe('quit');
    expect(second.windows).toEqual([]);
    expect(second.calls).toEqual(['protocol.registerSchemesAsPrivileged', 'app.enableSandbox', 'app.requestSingleInstanceLock', 'app.quit']);
    running = null;
    delete require.cache[MAIN_BUNDLE];

    const first = await startMain({ packaged: true });
    expect(await settled(first)).toBe('window');
    first.emitApp('second-instance', {}, [], ROOT);
    expect(first.windows[0]!.events).toEqual(expect.arrayContaining(['show', 'focus']));
  });

  it('a fatal start-up error is a dialog, a log line and a non-zero exit', async () => {
    const userData = await mkdtemp(path.join(tmpdir(), 'psc-electron-bad-'));
    // A blob key file this account cannot unwrap (e.g. another Windows profile's).
    await writeFile(path.join(userData, 'blob.key'), 'not wrapped by this account');
    const fake = await startMain({ packaged: true, env: { PSC_DATA_DIR: userData } });
    expect(await settled(fake)).toBe('exit 1');
    expect(fake.errorBoxes).toHaveLength(1);
    expect(fake.errorBoxes[0]!.content).toContain('The workstation could not start.');
    expect(fake.errorBoxes[0]!.content).toContain('blob-key:recover');
    const logDir = path.join(userData, 'logs');
    expect(existsSync(logDir)).toBe(true);
    const { readdir } = await import('node:fs/promises');
    const log = (await Promise.all((await readdir(logDir)).map((f) => readFile(path.join(logDir, f), 'utf8')))).join('');
    expect(log).toContain('"event":"startup.failed"');
  });

  it('a bad config.json is named in a dialog and exits with 2', async () => {
    const userData = await mkdtemp(path.join(tmpdir(), 'psc-electron-cfg-'));
    await writeFile(path.join(userData, 'config.json'), '{"backend": {"url": "ftp://x"}}');
    const fake = await startMain({ packaged: true, env: { PSC_DATA_DIR: userData } });
    expect(await settled(fake)).toBe('exit 2');
    expect(fake.errorBoxes[0]!.content).toContain('backend.url');
  });
});
