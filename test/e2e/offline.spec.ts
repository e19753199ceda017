/**
 * The counter keeps working when the licensing backend is down (issue #6), in Debian's Chromium:
 * the applicant is looked up while it is reachable, then the backend process is stopped; the signed
 * application is accepted at once ("accepted at the counter"), its receipt is printed with the local
 * number, the indicator says offline and one waits; the backend comes back and, without anyone touching anything, the application is
 * registered and the screen shows the registration number.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import {
  checkDemoKey, fillRequiredSlots, freePort, login, lookUpApplicant, newDataDir, pickService, startBackendProcess, startWebHost,
  type RunningBackend, type RunningHost,
} from './webHostProcess';

const SCREENS = 'test-results/screens';

let host: RunningHost | null = null;
let backend: RunningBackend | null = null;
test.afterEach(async () => {
  await host?.stop();
  await backend?.stop();
  host = null;
  backend = null;
});

test('accepted while the backend is down, registered by itself when it returns', async ({ page }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const stateDir = await mkdtemp(path.join(tmpdir(), 'psc-e2e-backend-'));
  backend = await startBackendProcess(port, stateDir);
  host = await startWebHost(await newDataDir(), { PSC_BACKEND_URL: backend.url, PSC_TRUST_DEMO_CA: '1' });
  // Headless Chromium has no printer (a real print of a PDF frame crashes it): count the print
  // requests of any frame instead of opening the dialog.
  await page.addInitScript(() => {
    window.print = () => {
      const top = window.top as unknown as { printedFrames?: number };
      top.printedFrames = (top.printedFrames ?? 0) + 1;
    };
  });
  await page.goto(host.launchUrl);
  await login(page, DEMO_CREDENTIALS.operator);
  await expect(page.getByTestId('connectivity-indicator')).toHaveAttribute('data-state', 'online', { timeout: 15_000 });
  await pickService(page, '002-a2-casino-2014', 'issue');
  await lookUpApplicant(page, 'legal-entity', FIXTURE_IDS.activeCompany);
  await page.getByTestId('applicant-next').click();
  await fillRequiredSlots(page);
  await page.getByTestId('documents-next').click();
  await checkDemoKey(page);
  await expect(page.getByTestId('sign-certificate-card')).toBeVisible();

  // The network goes: the backend process is gone.
  await backend.stop();
  backend = null;
  await page.getByTestId('submit-application').click();
  await expect(page.getByTestId('application-state')).toHaveAttribute('class', /state-accepted/, { timeout: 20_000 });
  await expect(page.getByTestId('local-number')).not.toBeEmpty();
  await expect(page.getByTestId('registration-number')).toHaveCount(0);
  await expect(page.getByTestId('connectivity-indicator')).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
  await expect(page.getByTestId('queue-waiting-count')).toContainText('1');
  await page.screenshot({ path: `${SCREENS}/30-offline-accepted.png` });

  // The applicant leaves with the receipt, which carries the local number while the backend is away.
  const localNumber = (await page.getByTestId('local-number').first().innerText()).trim();
  await page.getByTestId('receipt-print').click();
  await expect(page.locator('#receipt-print-frame')).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => page.evaluate(() => (window as unknown as { printedFrames?: number }).printedFrames ?? 0)).toBe(1);
  await expect(page.getByTestId('receipt-error')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByTestId('receipt-save').click();
  const receiptFile = path.join(stateDir, 'receipt.pdf');
  await (await download).saveAs(receiptFile);
  const text = spawnSync('pdftotext', ['-layout', receiptFile, '-'], { encoding: 'utf8' });
  expect(text.error, 'pdftotext is missing: apt-get install -y poppler-utils').toBeUndefined();
  expect(text.stdout).toContain(localNumber);
  expect(text.stdout).toContain(FIXTURE_IDS.activeCompany);

  // It comes back on the same address; nobody touches the workstation.
  backend = await startBackendProcess(port, stateDir);
  const number = page.getByTestId('registration-number');
  await expect(number).toBeVisible({ timeout: 60_000 });
  expect((await number.innerText()).trim()).toMatch(/\d/);
  await expect(page.getByTestId('connectivity-indicator')).toHaveAttribute('data-state', 'online');
  await page.screenshot({ path: `${SCREENS}/31-registered-after-outage.png` });

  await page.getByTestId('nav-queue').click();
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('queue-row-state')).toHaveAttribute('data-state', 'registered');
  await page.screenshot({ path: `${SCREENS}/32-queue-panel.png` });
});
