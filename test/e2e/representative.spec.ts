/**
 * Issue 3 in Chromium against the real browser host: an individual applicant represented under a
 * notarised power of attorney checked in the notary registry (2014 regulations, Diagram No. 2
 * processes 2–3), and a PoA the notary registry does not know, which stops the application.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { checkDemoKey, fillRequiredSlots, login, newDataDir, pickService, startWebHost, type RunningHost } from './webHostProcess';

const SCREENS = 'test-results/screens';

let host: RunningHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

async function openApplicantStep(page: Page) {
  host = await startWebHost(await newDataDir());
  await page.goto(host.launchUrl);
  await login(page, DEMO_CREDENTIALS.operator);
  await pickService(page, '002-a2-casino-2014', 'issue');
  await page.getByTestId('applicant-kind-individual').click();
  await page.getByTestId('applicant-id').fill(FIXTURE_IDS.activeMan);
  await expect(page.getByTestId('identifier-hint').first()).toBeVisible();
  await page.getByTestId('applicant-lookup').click();
  await expect(page.getByTestId('applicant-card')).toContainText(FIXTURE_IDS.activeMan);
}

async function enterRepresentative(page: Page, poaNumber: string) {
  await page.getByTestId('representative-toggle').click();
  await page.getByTestId('representative-iin').fill(FIXTURE_IDS.youngMan);
  await page.getByTestId('poa-kind-notarised').click();
  await page.getByTestId('poa-number').fill(poaNumber);
  await page.getByTestId('representative-lookup').click();
}

test('an individual applies through a representative with a notarised power of attorney', async ({ page }) => {
  await openApplicantStep(page);
  await enterRepresentative(page, FIXTURE_IDS.poaManToYoungMan);
  const card = page.getByTestId('representative-card');
  await expect(card).toContainText(FIXTURE_IDS.youngMan);
  await expect(card).toContainText(FIXTURE_IDS.poaManToYoungMan);
  await page.screenshot({ path: `${SCREENS}/11-representative.png`, fullPage: true });
  await page.getByTestId('applicant-next').click();

  // A represented applicant also owes the power of attorney itself.
  expect(await fillRequiredSlots(page)).toBe(5);
  await page.getByTestId('documents-next').click();

  await expect(page.getByTestId('planned-result-date')).toContainText(/\d{2}\.\d{2}\.\d{4}/);
  await page.screenshot({ path: `${SCREENS}/12-review-with-representative.png`, fullPage: true });
  await checkDemoKey(page);
  await expect(page.getByTestId('sign-certificate-card')).toBeVisible();
  await page.getByTestId('submit-application').click();
  await expect(page.getByTestId('registration-number')).toBeVisible();

  await page.getByTestId('nav-applications').click();
  await expect(page.getByTestId('applications-row')).toHaveCount(1);
  await expect(page.getByTestId('applications-row')).toContainText(/\d{2}\.\d{2}\.\d{4}/);
});

test('a power of attorney the notary registry does not know stops the application', async ({ page }) => {
  await openApplicantStep(page);
  await enterRepresentative(page, FIXTURE_IDS.poaUnknown);
  await expect(page.getByTestId('representative-error')).toBeVisible();
  await expect(page.getByTestId('representative-card')).toHaveCount(0);
  await expect(page.getByTestId('applicant-next')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/13-poa-not-found.png`, fullPage: true });
});
