/**
 * Issue 4 in Chromium against the real browser host, the SANE `test` device and the embedded
 * backend: scan into two slots, reorder and delete, submit, and find in the backend exactly the
 * PDFs whose digests the application carries; a paper jam that keeps earlier pages; and a
 * SIGKILL in the middle of a feeder batch after which every stored page is offered back.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { checkDemoKey, login, lookUpApplicant, newDataDir, pickService, startWebHost, type RunningHost } from './webHostProcess';

const SCREENS = 'test-results/screens';
let host: RunningHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

/** A private copy of the repo's SANE test-device configuration that a test may change between scans. */
async function saneConfig(extra = ''): Promise<{ dir: string; set(lines: string): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'psc-e2e-sane-'));
  await cp('test/sane.d', dir, { recursive: true });
  const base = await readFile(path.join(dir, 'test.conf'), 'utf8');
  const set = (lines: string) => writeFile(path.join(dir, 'test.conf'), `${base}\n${lines}\n`);
  await set(extra);
  return { dir, set };
}

async function openDocumentsStep(page: Page) {
  await login(page, DEMO_CREDENTIALS.operator);
  await pickService(page, '002-a2-casino-2014', 'duplicate');
  await lookUpApplicant(page, 'legal-entity', FIXTURE_IDS.activeCompany);
  await page.getByTestId('applicant-next').click();
  await expect(page.getByTestId('scan-button')).toBeVisible();
}

async function scanInto(page: Page, slotId: string, source: 'flatbed' | 'adf', expectedTotalInSlot: number) {
  await page.getByTestId(`slot-${slotId}`).click();
  await page.getByTestId('scanner-source').selectOption(source);
  await page.getByTestId('scanner-resolution').selectOption('75');
  await page.getByTestId('scan-button').click();
  await expect(page.getByTestId(`slot-${slotId}`).getByTestId('page-thumb')).toHaveCount(expectedTotalInSlot, { timeout: 30_000 });
  await expect(page.getByTestId('scan-progress')).toHaveCount(0, { timeout: 30_000 });
}

test('scanned pages in two slots are reordered, one is deleted, and the backend receives exactly the submitted PDFs', async ({ page }) => {
  const sane = await saneConfig();
  const dataDir = await newDataDir();
  host = await startWebHost(dataDir, { PSC_SANE_CONFIG_DIR: sane.dir });
  await page.goto(host.launchUrl);
  await openDocumentsStep(page);

  // The test device's feeder gives 10 pages: scan the feeder into the application, then one flatbed page into identity.
  await scanInto(page, 'application', 'adf', 10);
  await scanInto(page, 'identity', 'flatbed', 1);
  const application = page.getByTestId('slot-application');
  // Delete nine of the ten feeder pages but one more than needed, then keep two and reorder them.
  for (let i = 0; i < 8; i++) await application.getByTestId('page-delete').first().click();
  await expect(application.getByTestId('page-thumb')).toHaveCount(2);
  const firstBefore = await application.getByTestId('page-thumb').first().getAttribute('data-page-id');
  await application.getByTestId('page-thumb').nth(1).dragTo(application.getByTestId('page-thumb').first());
  await expect(application.getByTestId('page-thumb').nth(1)).toHaveAttribute('data-page-id', firstBefore ?? 'missing');
  await application.getByTestId('page-delete').nth(1).click();
  await expect(application.getByTestId('page-thumb')).toHaveCount(1);
  await page.getByTestId('slot-fee-receipt').click();
  await page.getByTestId('import-file-input').setInputFiles('test/fixtures/e2e/receipt.pdf');
  await expect(page.getByTestId('slot-fee-receipt').getByTestId('page-thumb')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENS}/14-documents.png`, fullPage: true });

  await page.getByTestId('documents-next').click();
  await checkDemoKey(page);
  await expect(page.getByTestId('sign-certificate-card')).toBeVisible();
  await page.getByTestId('submit-application').click();
  await expect(page.getByTestId('registration-number')).toBeVisible();

  // What the backend registered refers to PDFs it holds, and each stored file hashes to its name.
  const state = JSON.parse(await readFile(path.join(dataDir, 'embedded-backend', 'state.json'), 'utf8')) as {
    registrations: Array<{ submission: { documents: Array<{ sha256: string; mediaType: string }> } }>;
  };
  const documents = state.registrations.at(-1)!.submission.documents;
  expect(documents).toHaveLength(3);
  for (const document of documents) {
    expect(document.mediaType).toBe('application/pdf');
    const stored = await readFile(path.join(dataDir, 'embedded-backend', 'blobs', document.sha256.slice(0, 2), document.sha256.slice(2)));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(document.sha256);
  }
});

test('a paper jam shows the operator message and keeps the pages scanned before it', async ({ page }) => {
  const sane = await saneConfig();
  host = await startWebHost(await newDataDir(), { PSC_SANE_CONFIG_DIR: sane.dir });
  await page.goto(host.launchUrl);
  await openDocumentsStep(page);
  await scanInto(page, 'application', 'flatbed', 1);

  await sane.set('read-status-code "SANE_STATUS_JAMMED"');
  await page.getByTestId('scan-button').click();
  await expect(page.getByTestId('scan-error')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('scan-error')).not.toBeEmpty();
  await expect(page.getByTestId('slot-application').getByTestId('page-thumb')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENS}/15-paper-jam.png`, fullPage: true });
});

test('SIGKILL in the middle of a feeder batch: every stored page is offered back after restart', async ({ page }) => {
  // About two seconds per page, so the kill lands mid-batch.
  const sane = await saneConfig('read-delay true\nread-delay-duration 200000\nread-limit true\nread-limit-size 16384');
  const dataDir = await newDataDir();
  host = await startWebHost(dataDir, { PSC_SANE_CONFIG_DIR: sane.dir });
  await page.goto(host.launchUrl);
  await openDocumentsStep(page);
  await page.getByTestId('slot-application').click();
  await page.getByTestId('scanner-source').selectOption('adf');
  await page.getByTestId('scanner-resolution').selectOption('75');
  await page.getByTestId('scan-button').click();
  const thumbs = page.getByTestId('slot-application').getByTestId('page-thumb');
  await expect(thumbs).toHaveCount(2, { timeout: 30_000 });
  const seen = await thumbs.count();
  await host.kill9();

  host = await startWebHost(dataDir, { PSC_SANE_CONFIG_DIR: sane.dir });
  await page.goto(host.launchUrl);
  await login(page, DEMO_CREDENTIALS.operator);
  await expect(page.getByTestId('recovery-panel')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/16-recovery.png`, fullPage: true });
  await page.getByTestId('recovery-continue').click();
  const recovered = page.getByTestId('slot-application').getByTestId('page-thumb');
  await expect(recovered.first()).toBeVisible();
  expect(await recovered.count()).toBeGreaterThanOrEqual(seen);
});
