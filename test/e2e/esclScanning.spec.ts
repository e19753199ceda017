/**
 * Issue 15 item 2 in Chromium against the real browser host, the embedded backend and AirSane (a
 * real eSCL server) with SANE's `test` device behind it, all on 127.0.0.1: three feeder pages go into
 * two slots and the application is registered with them; a slow feeder job is cancelled mid-way and
 * deleted on the scanner; an empty feeder gets SANE's operator message.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { kk } from '../../renderer/i18n/messages.kk';
import { requireAirsane, saneConfigFor, startAirsane, type RunningAirsane } from '../support/airsane';
import { requireSystemTool } from '../support/requireSystemTool';
import { checkDemoKey, login, lookUpApplicant, newDataDir, pickService, startWebHost, type RunningHost } from './webHostProcess';

const SCREENS = 'test-results/screens';
let host: RunningHost | null = null;
const scanners: RunningAirsane[] = [];

test.beforeAll(() => requireAirsane());
test.afterEach(async () => {
  await host?.stop();
  host = null;
  await Promise.all(scanners.splice(0).map((s) => s.stop()));
});

/** A data directory whose config.json names the given eSCL scanners (by URL: no discovery). */
async function dataDirWithScanners(list: readonly { id: string; name: string; url: string }[]): Promise<string> {
  const dir = await newDataDir();
  await writeFile(path.join(dir, 'config.json'), JSON.stringify({ scanner: { esclScanners: list } }));
  return dir;
}

async function airsane(readStatus?: 'SANE_STATUS_NO_DOCS', extra = ''): Promise<RunningAirsane> {
  const running = await startAirsane(await saneConfigFor(readStatus ?? 'Default', extra));
  scanners.push(running);
  return running;
}

async function feederScan(page: Page, slotId: string, deviceId: string, pages: number | 'all'): Promise<void> {
  await page.getByTestId(`slot-${slotId}`).click();
  await page.getByTestId('scanner-device').selectOption(deviceId);
  await page.getByTestId('scanner-source').selectOption('adf');
  await page.getByTestId('scanner-resolution').selectOption('75');
  await page.getByTestId('scanner-feeder-pages').selectOption(String(pages));
  await page.getByTestId('scan-button').click();
}

async function openDocumentsStep(page: Page, subtype: 'issue' | 'duplicate'): Promise<void> {
  await login(page, DEMO_CREDENTIALS.operator);
  await pickService(page, '002-a2-casino-2014', subtype);
  await lookUpApplicant(page, 'legal-entity', FIXTURE_IDS.activeCompany);
  await page.getByTestId('applicant-next').click();
  await expect(page.getByTestId('scan-button')).toBeVisible();
}

test('three feeder pages from an eSCL scanner go into two slots, and the application is registered with them', async ({ page }) => {
  requireSystemTool('qpdf', 'qpdf', ['--version']);
  const mfp = await airsane();
  const dataDir = await dataDirWithScanners([{ id: 'mfp', name: 'MFP (eSCL)', url: mfp.url }]);
  host = await startWebHost(dataDir);
  await page.goto(host.launchUrl);
  await openDocumentsStep(page, 'issue');

  await feederScan(page, 'application', 'escl:mfp', 2);
  await expect(page.getByTestId('slot-application').getByTestId('page-thumb')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId('scan-summary')).toBeVisible();
  await feederScan(page, 'identity', 'escl:mfp', 1);
  await expect(page.getByTestId('slot-identity').getByTestId('page-thumb')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('scan-summary')).toBeVisible();
  for (const slot of ['fee-receipt', 'qualification']) {
    await page.getByTestId(`slot-${slot}`).click();
    await page.getByTestId('import-file-input').setInputFiles('test/fixtures/e2e/receipt.pdf');
    await expect(page.getByTestId(`slot-${slot}`).getByTestId('page-thumb')).toHaveCount(1);
  }
  await page.screenshot({ path: `${SCREENS}/escl-01-documents.png`, fullPage: true });

  await page.getByTestId('documents-next').click();
  await checkDemoKey(page);
  await expect(page.getByTestId('sign-certificate-card')).toBeVisible();
  await page.getByTestId('submit-application').click();
  await expect(page.getByTestId('registration-number')).toBeVisible();

  // The backend holds the two scanned documents with their pages: 2 and 1.
  const state = JSON.parse(await readFile(path.join(dataDir, 'embedded-backend', 'state.json'), 'utf8')) as {
    registrations: Array<{ submission: { documents: Array<{ sha256: string; fileName: string }> } }>;
  };
  const slots = JSON.parse(await readFile('resources/catalog/documentSlots.json', 'utf8')) as { slots: { id: string; title: { kk: string } }[] };
  const pagesOf = (slotId: string) => {
    const title = slots.slots.find((s) => s.id === slotId)!.title.kk;
    const document = state.registrations.at(-1)!.submission.documents.find((d) => d.fileName === `${title}.pdf`)!;
    const file = path.join(dataDir, 'embedded-backend', 'blobs', document.sha256.slice(0, 2), document.sha256.slice(2));
    return Number(execFileSync('qpdf', ['--show-npages', file], { encoding: 'utf8' }).trim());
  };
  expect(pagesOf('application')).toBe(2);
  expect(pagesOf('identity')).toBe(1);
});

test('a feeder job cancelled mid-way keeps its pages and is deleted on the scanner', async ({ page }) => {
  // About a second per page, so the cancel lands mid-batch.
  const slow = await airsane(undefined, 'read-delay true\nread-delay-duration 100000\nread-limit true\nread-limit-size 16384');
  host = await startWebHost(await dataDirWithScanners([{ id: 'slow', name: 'Slow MFP', url: slow.url }]));
  await page.goto(host.launchUrl);
  await openDocumentsStep(page, 'duplicate');
  await feederScan(page, 'application', 'escl:slow', 'all');
  await expect(page.getByTestId('slot-application').getByTestId('page-thumb')).toHaveCount(1, { timeout: 30_000 });
  await page.getByTestId('scan-cancel').click();
  await expect(page.getByTestId('scan-summary')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('scan-progress')).toHaveCount(0);
  const kept = await page.getByTestId('slot-application').getByTestId('page-thumb').count();
  expect(kept).toBeGreaterThanOrEqual(1);
  expect(kept).toBeLessThan(10);
  await page.screenshot({ path: `${SCREENS}/escl-02-cancelled.png`, fullPage: true });
  // The scanner no longer runs the job.
  await expect.poll(async () => (await (await fetch(`${slow.url}/ScannerStatus`)).text()).match(/<pwg:JobState>(Processing|Pending)</) === null, { timeout: 15_000 }).toBe(true);
});

test('an empty feeder gets the same operator message as a SANE scanner', async ({ page }) => {
  const empty = await airsane('SANE_STATUS_NO_DOCS');
  host = await startWebHost(await dataDirWithScanners([{ id: 'empty', name: 'Empty MFP', url: empty.url }]));
  await page.goto(host.launchUrl);
  await openDocumentsStep(page, 'duplicate');
  await feederScan(page, 'application', 'escl:empty', 'all');
  await expect(page.getByTestId('scan-error')).toContainText(kk['scanFailure.feederEmpty'], { timeout: 30_000 });
  await expect(page.getByTestId('slot-application').getByTestId('page-thumb')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/escl-03-feeder-empty.png`, fullPage: true });
});
