/**
 * Issue 15 item 1 in Chromium against the real browser host, the embedded backend and a real CUPS
 * scheduler with a private cups-pdf queue: the supervisor picks the counter's printer in Settings;
 * the operator's receipt prints with one key, and pdftotext of what cups-pdf wrote shows the
 * registration number and the document list. With the queue stopped, the operator is told so in
 * their language and the receipt can still be saved.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { createPdfQueue, removePrintedPdfs, removeQueue, requireCups, startQueue, stopQueue, waitForPrintedPdf } from '../support/cupsTestQueue';
import { requireSystemTool } from '../support/requireSystemTool';
import { checkDemoKey, fillRequiredSlots, login, newDataDir, startWebHost, type RunningHost } from './webHostProcess';

const QUEUE = `PSC-E2E-${process.pid}`;
const SCREENS = 'test-results/screens';

let host: RunningHost | null = null;
test.beforeAll(() => {
  requireCups();
  requireSystemTool('pdftotext', 'poppler-utils', ['-v']);
  createPdfQueue(QUEUE);
});
test.afterAll(async () => {
  removeQueue(QUEUE);
  await removePrintedPdfs('tizilimdeme-');
});
test.afterEach(async () => {
  startQueue(QUEUE);
  await host?.stop();
  host = null;
});

async function choosePrinterAsSupervisor(page: Page): Promise<void> {
  await login(page, DEMO_CREDENTIALS.supervisor);
  await page.getByTestId('nav-settings').click();
  const select = page.getByTestId('settings-printer-select');
  await expect(select.locator('option', { hasText: QUEUE })).toHaveCount(1);
  await select.selectOption(QUEUE);
  await page.getByTestId('settings-printer-save').click();
  await expect(page.getByTestId('settings-printer-outcome')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/printing-01-settings.png` });
  await page.getByTestId('logout').click();
}

async function submitCasinoApplication(page: Page): Promise<string> {
  await login(page, DEMO_CREDENTIALS.operator);
  await page.getByTestId('service-option-002-a2-casino-2014').click();
  await page.getByTestId('subtype-issue').click();
  await page.getByTestId('service-next').click();
  await page.getByTestId('applicant-kind-legal-entity').click();
  await page.getByTestId('applicant-id').fill(FIXTURE_IDS.activeCompany);
  await page.getByTestId('applicant-lookup').click();
  await expect(page.getByTestId('applicant-card')).toContainText(FIXTURE_IDS.activeCompany);
  await page.getByTestId('applicant-next').click();
  await fillRequiredSlots(page);
  await page.getByTestId('documents-next').click();
  await checkDemoKey(page);
  await expect(page.getByTestId('sign-certificate-card')).toBeVisible();
  await page.getByTestId('submit-application').click();
  const number = page.getByTestId('registration-number');
  await expect(number).toBeVisible();
  return (await number.innerText()).trim();
}

async function slotTitles(ids: readonly string[]): Promise<string[]> {
  const data = JSON.parse(await readFile('resources/catalog/documentSlots.json', 'utf8')) as { slots: { id: string; title: { kk: string } }[] };
  return ids.map((id) => data.slots.find((slot) => slot.id === id)!.title.kk);
}

test('a receipt prints on the CUPS queue with one key; pdftotext shows its number and documents', async ({ page }) => {
  host = await startWebHost(await newDataDir(), { PSC_PRINT_VIA: 'cups' });
  await page.goto(host.launchUrl);
  await choosePrinterAsSupervisor(page);
  const registrationNumber = await submitCasinoApplication(page);

  const since = Date.now();
  await page.keyboard.press('Alt+KeyP');
  await expect(page.getByTestId('receipt-printed')).toContainText(QUEUE);
  await page.screenshot({ path: `${SCREENS}/printing-02-printed.png` });
  const printed = await waitForPrintedPdf(`tizilimdeme-${registrationNumber.replace(/[^0-9A-Za-z-]+/g, '_')}`, since);
  const text = spawnSync('pdftotext', ['-layout', printed, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  expect(text).toContain(registrationNumber);
  for (const title of await slotTitles(['application', 'identity', 'fee-receipt', 'qualification'])) expect(text).toContain(title);
});

test('with the queue stopped the operator is told so and the receipt is saved instead', async ({ page }) => {
  host = await startWebHost(await newDataDir(), { PSC_PRINT_VIA: 'cups' });
  await page.goto(host.launchUrl);
  await choosePrinterAsSupervisor(page);
  const registrationNumber = await submitCasinoApplication(page);

  stopQueue(QUEUE);
  await page.getByTestId('receipt-print').click();
  await expect(page.getByTestId('receipt-print-failed')).toHaveText(`${QUEUE} принтері тоқтатылған. Оны іске қосыңыз немесе құжатты PDF ретінде сақтаңыз.`);
  await page.screenshot({ path: `${SCREENS}/printing-03-stopped.png` });

  const download = page.waitForEvent('download');
  await page.getByTestId('receipt-save').click();
  const saved = await download;
  const file = path.join(host.dataDir, 'saved-receipt.pdf');
  await saved.saveAs(file);
  expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
  const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
  expect(text).toContain(registrationNumber);
});
