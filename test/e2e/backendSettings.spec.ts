/**
 * Issue 8 items 4–5 in Chromium against the real browser host: the administrator's file locks the
 * retention period; the supervisor points the workstation at a licensing backend served over TLS
 * by a throwaway CA — refused without the CA, checked with it (the server's certificate and pin
 * shown), saved with that pin — and after a restart the workstation works through that backend.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../../backend/fixtures/fixtureIds';
import { tlsFixtures } from '../support/tlsFixtures';
import { login, newDataDir, startWebHost, type RunningHost } from './webHostProcess';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCREENS = 'test-results/screens';

let host: RunningHost | null = null;
let backend: ChildProcessWithoutNullStreams | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
  backend?.kill('SIGTERM');
  backend = null;
});

/** `npm run backend`'s bundle over https on a free loopback port; resolves with its URL. */
async function startTlsBackend(certPath: string, keyPath: string): Promise<string> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'out/backend/main.mjs')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PSC_BACKEND_PORT: '0', PSC_BACKEND_TLS_CERT: certPath, PSC_BACKEND_TLS_KEY: keyPath },
  });
  backend = child;
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend did not start:\n${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (https:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`backend exited with ${code}:\n${output}`)));
  });
}

async function openSettings(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-backend-active')).toBeVisible();
}

test('the admin file locks retention; the supervisor moves the workstation to a TLS backend with its CA and pin', async ({ page }) => {
  const tls = await tlsFixtures();
  const caFile = path.join(tls.dir, 'e2e-backend-ca.pem');
  await writeFile(caFile, tls.caPem);
  const backendUrl = await startTlsBackend(tls.server.certPath, tls.server.keyPath);

  const dataDir = await newDataDir();
  const adminFile = path.join(dataDir, 'admin.json');
  await writeFile(adminFile, JSON.stringify({ retention: { days: 14 } }));
  const env = { PSC_ADMIN_CONFIG: adminFile };
  host = await startWebHost(dataDir, env);
  await page.goto(host.launchUrl);
  await login(page, DEMO_CREDENTIALS.supervisor);
  await openSettings(page);

  // Retention: the administrator's value, read-only, naming the file.
  await expect(page.getByTestId('settings-retention-locked')).toContainText(adminFile);
  await expect(page.getByTestId('settings-retention-days')).toHaveValue('14');
  await expect(page.getByTestId('settings-retention-save')).toBeDisabled();

  // Active: the embedded backend over loopback http.
  await expect(page.getByTestId('settings-backend-active-transport')).toContainText('http, шифрланбаған');

  // Plain http to another machine is refused by main.
  await page.getByTestId('settings-backend-url').fill('http://192.0.2.10:8080');
  await page.getByTestId('settings-backend-save').click();
  await expect(page.getByTestId('settings-error')).toContainText('Серверге тек https арқылы қосылуға болады');

  // The TLS backend without its CA: the check names the certificate problem.
  await page.getByTestId('settings-backend-url').fill(backendUrl);
  await page.getByTestId('settings-backend-check').click();
  await expect(page.getByTestId('settings-backend-check-error')).toContainText('Сервердің сертификатына сенім жоқ');

  // With the CA file: reachable, the server certificate and its pin shown; the pin is taken and saved.
  await page.getByTestId('settings-backend-ca-file').setInputFiles(caFile);
  await expect(page.getByTestId('settings-backend-ca-picked')).toBeVisible();
  await page.getByTestId('settings-backend-check').click();
  await expect(page.getByTestId('settings-backend-check-result')).toBeVisible();
  const pin = (await page.getByTestId('settings-backend-cert-pin').innerText()).match(/sha256\/[A-Za-z0-9+/]{43}=/)?.[0];
  expect(pin).toBeTruthy();
  await page.getByTestId('settings-backend-use-pin').click();
  await expect(page.getByTestId('settings-backend-pins')).toHaveValue(pin!);
  await page.getByTestId('settings-backend-save').click();
  await expect(page.getByTestId('settings-backend-restart')).toBeVisible();
  await expect(page.getByTestId('settings-backend-ca-row')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENS}/50-settings-backend-saved.png`, fullPage: true });

  // Restart: the workstation now talks to the TLS backend with the CA and the pin.
  await host.stop();
  host = await startWebHost(dataDir, env);
  expect(host.output()).toContain(`backend: ${backendUrl.replace(/\/+$/, '')}`);
  await page.goto(host.launchUrl);
  await login(page, DEMO_CREDENTIALS.supervisor);
  await openSettings(page);
  await expect(page.getByTestId('settings-backend-active-url')).toContainText(backendUrl.replace(/\/+$/, ''));
  await expect(page.getByTestId('settings-backend-active-pins')).toContainText('1');
  await expect(page.getByTestId('settings-backend-restart')).toHaveCount(0);
  await expect(page.getByTestId('settings-backend-active-transport')).toContainText('https, берілген CA сертификаттары бойынша тексеріледі');
  await page.screenshot({ path: `${SCREENS}/51-settings-backend-active-tls.png`, fullPage: true });
});
