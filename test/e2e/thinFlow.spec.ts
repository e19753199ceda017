/**
 * The thin path through Diagram No. 2 in Debian's Chromium against the real browser host and
 * the embedded reference backend: log in → service → applicant → document → submit →
 * registration number; then SIGKILL the host and find the application again after restart.
 */
import { expect, test } from '@playwright/test';
import { FIXTURE_IDS, DEMO_CREDENTIALS } from '../../backend/fixtures/fixtureIds';
import { checkDemoKey, fillRequiredSlots, login, newDataDir, startWebHost, type RunningHost } from './webHostProcess';

const SCREENS = 'test-results/screens';

let host: RunningHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test('an application goes from login to a registration number and survives kill -9', async ({ page }) => {
  host = await startWebHost(await newDataDir());
  await page.goto(host.launchUrl);
  await expect(page.getByTestId('login-submit')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/01-login.png` });

  await login(page, DEMO_CREDENTIALS.operator);
  await expect(page.getByTestId('operator-name')).toBeVisible();
  await page.getByTestId('service-search').fill('Казино');
  await expect(page.getByTestId('service-option-002-a2-casino-2014')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/02-service.png` });
  await page.getByTestId('service-option-002-a2-casino-2014').click();
  await page.getByTestId('subtype-issue').click();
  await page.getByTestId('service-next').click();

  await page.getByTestId('applicant-kind-legal-entity').click();
  await page.getByTestId('applicant-id').fill(FIXTURE_IDS.activeCompany);
  await page.getByTestId('applicant-lookup').click();
  await expect(page.getByTestId('applicant-card')).toContainText(FIXTURE_IDS.activeCompany);
  await page.screenshot({ path: `${SCREENS}/03-applicant.png` });
  await page.getByTestId('applicant-next').click();

  // 2014 casino licence, issue: application, identity, fee receipt and qualification documents are required.
  expect(await fillRequiredSlots(page)).toBe(4);
  await page.screenshot({ path: `${SCREENS}/04-documents.png` });
  await page.getByTestId('documents-next').click();

  await page.screenshot({ path: `${SCREENS}/05-review.png` });
  await checkDemoKey(page);
  await expect(page.getByTestId('sign-certificate-card')).toBeVisible();
  await page.getByTestId('submit-application').click();
  const number = page.getByTestId('registration-number');
  await expect(number).toBeVisible();
  const registrationNumber = (await number.innerText()).trim();
  expect(registrationNumber).toMatch(/\d/);
  await page.screenshot({ path: `${SCREENS}/06-registered.png` });

  // Power cut right after the acknowledgement: nothing may be lost.
  const dataDir = host.dataDir;
  await host.kill9();
  host = await startWebHost(dataDir);
  await page.goto(host.launchUrl);
  await login(page, DEMO_CREDENTIALS.operator);
  await page.getByTestId('nav-applications').click();
  await expect(page.getByTestId('applications-row')).toHaveCount(1);
  await expect(page.getByTestId('applications-row')).toContainText(registrationNumber);
  await page.screenshot({ path: `${SCREENS}/07-applications-after-restart.png` });
});

test('a wrong password is refused with a message and no session', async ({ page }) => {
  host = await startWebHost(await newDataDir());
  await page.goto(host.launchUrl);
  await login(page, { login: 'operator', password: 'not-the-password' });
  await expect(page.getByTestId('login-error')).toBeVisible();
  await expect(page.getByTestId('login-error')).not.toBeEmpty();
  await expect(page.getByTestId('operator-name')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/08-login-error.png` });
});

test('an IIN with a wrong check digit cannot be looked up; an unknown one stops the application', async ({ page }) => {
  host = await startWebHost(await newDataDir());
  await page.goto(host.launchUrl);
  await login(page, DEMO_CREDENTIALS.operator);
  await page.getByTestId('service-option-002-a2-casino-2014').click();
  await page.getByTestId('subtype-issue').click();
  await page.getByTestId('service-next').click();
  await page.getByTestId('applicant-kind-individual').click();

  await page.getByTestId('applicant-id').fill(FIXTURE_IDS.invalidChecksumIin);
  await expect(page.getByTestId('applicant-id-error')).toBeVisible();
  await page.getByTestId('applicant-lookup').click();
  await expect(page.getByTestId('applicant-card')).toHaveCount(0);
  await expect(page.getByTestId('applicant-id-error')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/09-invalid-iin.png` });

  await page.getByTestId('applicant-id').fill(FIXTURE_IDS.unknownValidIin);
  await expect(page.getByTestId('applicant-id-error')).toHaveCount(0);
  await page.getByTestId('applicant-lookup').click();
  // The regulation's wording (e.g. [14] Diagram No. 2: «деректерді алу мүмкін емес»), in Kazakh by default.
  await expect(page.getByTestId('lookup-error')).toContainText('Деректерді алу мүмкін емес.');
  await expect(page.getByTestId('applicant-next')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/10-not-found.png` });
});
