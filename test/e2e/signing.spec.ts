/**
 * The operator's EDS in Debian's Chromium (issue #5): the demo operator checks their key, sees the
 * certificate card and signs and submits; a wrong password and another person's key are refused
 * with a message and nothing is registered.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { checkDemoKey, fillRequiredSlots, login, lookUpApplicant, newDataDir, pickService, startWebHost, type RunningHost } from './webHostProcess';

const SCREENS = 'test-results/screens';

let host: RunningHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

/** Logs in as the demo operator and brings a casino licence application (2014, EDS required) to the review step. */
async function reviewStep(page: Page): Promise<void> {
  host = await startWebHost(await newDataDir());
  await page.goto(host.launchUrl);
  await login(page, DEMO_CREDENTIALS.operator);
  await pickService(page, '002-a2-casino-2014', 'issue');
  await lookUpApplicant(page, 'legal-entity', FIXTURE_IDS.activeCompany);
  await page.getByTestId('applicant-next').click();
  await fillRequiredSlots(page);
  await page.getByTestId('documents-next').click();
  await expect(page.getByTestId('sign-section')).toBeVisible();
}

test('the demo operator checks their key, sees whose it is, signs and submits', async ({ page }) => {
  await reviewStep(page);
  await expect(page.getByTestId('submit-application')).toBeDisabled();
  await checkDemoKey(page);
  await expect(page.getByTestId('sign-certificate-card')).toBeVisible();
  await expect(page.getByTestId('sign-cert-owner')).toContainText('ОПЕРАТОРОВ НҰРЛАН');
  await expect(page.getByTestId('sign-cert-iin')).toContainText('880808399112');
  await expect(page.getByTestId('sign-cert-organization')).toContainText('060440000004');
  await expect(page.getByTestId('sign-problem')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/20-sign-certificate-card.png` });

  await page.getByTestId('submit-application').click();
  const number = page.getByTestId('registration-number');
  await expect(number).toBeVisible();
  expect((await number.innerText()).trim()).toMatch(/\d/);
  await page.screenshot({ path: `${SCREENS}/21-signed-registered.png` });
});

test('a wrong password is refused with a message; nothing is signed or registered', async ({ page }) => {
  await reviewStep(page);
  await checkDemoKey(page, 'operator.p12', 'Wrong#2026');
  await expect(page.getByTestId('sign-problem')).toBeVisible();
  await expect(page.getByTestId('sign-problem')).not.toBeEmpty();
  await expect(page.getByTestId('sign-certificate-card')).toHaveCount(0);
  await expect(page.getByTestId('sign-password')).toHaveValue('');
  await page.screenshot({ path: `${SCREENS}/22-sign-wrong-password.png` });
  await expect(page.getByTestId('registration-number')).toHaveCount(0);
});

test("another person's key is refused: the card shows whose it is and submitting signs nothing", async ({ page }) => {
  await reviewStep(page);
  await checkDemoKey(page, 'operator-wrong-iin.p12');
  await expect(page.getByTestId('sign-certificate-card')).toBeVisible();
  await expect(page.getByTestId('sign-cert-iin')).toContainText('901120412403');
  await expect(page.getByTestId('sign-problem')).toContainText('901120412403');
  await page.screenshot({ path: `${SCREENS}/23-sign-wrong-iin.png` });
  const submit = page.getByTestId('submit-application');
  if (await submit.isEnabled()) {
    await page.getByTestId('sign-password').fill('Demo#2026');
    await submit.click();
  }
  await expect(page.getByTestId('sign-problem')).toContainText('901120412403');
  await expect(page.getByTestId('registration-number')).toHaveCount(0);
  await page.getByTestId('nav-applications').click();
  await expect(page.getByTestId('applications-row')).toHaveCount(0);
});
