/**
 * Issue 15 item 3 in Chromium against the browser host run as an installed workstation
 * (PSC_INSTALLED=1, as a packaged Electron build is): without a backend URL it starts no embedded
 * backend and shows "not configured: call the administrator"; with the administrator's training mode
 * it runs the embedded backend with a permanent banner, and the receipt it gives out carries the
 * training mark. (The Electron entry in packaged mode is covered by test/electron/startup.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { requireSystemTool } from '../support/requireSystemTool';
import { checkDemoKey, fillRequiredSlots, login, lookUpApplicant, newDataDir, pickService, startWebHost, type RunningHost } from './webHostProcess';

const SCREENS = 'test-results/screens';
let host: RunningHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test('an installed workstation without a backend starts nothing and asks for the administrator', async ({ page }) => {
  const dataDir = await newDataDir();
  const adminFile = path.join(dataDir, 'no-admin.json');
  host = await startWebHost(dataDir, { PSC_INSTALLED: '1', PSC_ADMIN_CONFIG: adminFile });
  expect(host.output()).toContain('NOT CONFIGURED');
  await page.goto(host.launchUrl);
  await expect(page.getByTestId('not-configured-screen')).toContainText('Жұмыс орны бапталмаған: әкімшіге хабарласыңыз');
  await expect(page.getByTestId('not-configured-screen')).toContainText(adminFile);
  await expect(page.getByTestId('login-username')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/install-01-not-configured.png` });
  // No embedded backend ran: it would have created its state folder.
  expect(existsSync(path.join(dataDir, 'embedded-backend'))).toBe(false);
});

test('training mode shows its banner everywhere and marks the receipt', async ({ page }) => {
  requireSystemTool('pdftotext', 'poppler-utils', ['-v']);
  const dataDir = await newDataDir();
  const adminFile = path.join(dataDir, 'admin.json');
  await writeFile(adminFile, JSON.stringify({ trainingMode: true }));
  host = await startWebHost(dataDir, { PSC_INSTALLED: '1', PSC_ADMIN_CONFIG: adminFile });
  await page.goto(host.launchUrl);
  await expect(page.getByTestId('training-banner')).toContainText('ОҚУ РЕЖИМІ / УЧЕБНЫЙ РЕЖИМ');
  await login(page, DEMO_CREDENTIALS.operator);
  await expect(page.getByTestId('training-banner')).toBeVisible();
  await pickService(page, '002-a2-casino-2014', 'issue');
  await lookUpApplicant(page, 'legal-entity', FIXTURE_IDS.activeCompany);
  await page.getByTestId('applicant-next').click();
  await fillRequiredSlots(page);
  await page.getByTestId('documents-next').click();
  await checkDemoKey(page);
  await expect(page.getByTestId('sign-certificate-card')).toBeVisible();
  await page.getByTestId('submit-application').click();
  await expect(page.getByTestId('registration-number')).toBeVisible();
  await expect(page.getByTestId('training-banner')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/install-02-training.png` });

  const download = page.waitForEvent('download');
  await page.getByTestId('receipt-save').click();
  const file = path.join(dataDir, 'receipt.pdf');
  await (await download).saveAs(file);
  const pages = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.split('\f').filter((p) => p.trim() !== '');
  expect(pages.length).toBeGreaterThan(0);
  for (const text of pages) expect(text.replace(/\s+/g, ' ')).toContain('ОҚУ РЕЖИМІ / УЧЕБНЫЙ РЕЖИМ');
});
