/**
 * Steps 8–10 of Diagram No. 2 in Debian's Chromium (issue #7): the operator submits a signed
 * application and prints its receipt; the reference backend's simulated provider (one working day =
 * 400 ms here) issues the licence; the operator finds the application by the receipt's registration
 * number, views and prints the licence and hands it over; the applicant answers the questionnaire;
 * the supervisor's journal shows the visits with their step times and the answers.
 *
 * The casino service is switched to its 2012 regulation (000, 1-қосымша) first: the 2014 one ([14])
 * has no questionnaire.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { personalDataOfFixtures } from './fixturePersonalData';
import { checkDemoKey, fillRequiredSlots, login, lookUpApplicant, newDataDir, pickService, startWebHost, type RunningHost } from './webHostProcess';

const SCREENS = 'test-results/screens';
const CASINO_2012 = '000-a1-casino-2012';

let host: RunningHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-username')).toBeVisible();
}

async function printedFrames(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { printedFrames?: number }).printedFrames ?? 0);
}

test('submit → receipt → licence issued → handed over against the receipt number → questionnaire → journal', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startWebHost(await newDataDir(), { PSC_PROVIDER_DAY_MS: '400', PSC_STATUS_POLL_BASE_MS: '1000' });
  // Headless Chromium has no printer (a real print of a PDF frame crashes it): count print requests instead.
  await page.addInitScript(() => {
    window.print = () => {
      const top = window.top as unknown as { printedFrames?: number };
      top.printedFrames = (top.printedFrames ?? 0) + 1;
    };
  });
  await page.goto(host.launchUrl);

  // The supervisor makes the 2012 casino regulation the current one.
  await login(page, DEMO_CREDENTIALS.supervisor);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`settings-version-casino-${CASINO_2012}`).check();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  await logout(page);

  // Acceptance: the visit is timed from the service choice.
  await login(page, DEMO_CREDENTIALS.operator);
  await pickService(page, CASINO_2012, 'issue');
  await expect(page.getByTestId('visit-timer')).toBeVisible();
  await lookUpApplicant(page, 'legal-entity', FIXTURE_IDS.activeCompany);
  await page.getByTestId('applicant-next').click();
  await fillRequiredSlots(page);
  await page.getByTestId('documents-next').click();
  await checkDemoKey(page);
  await expect(page.getByTestId('sign-certificate-card')).toBeVisible();
  await page.getByTestId('submit-application').click();
  const numberShown = page.getByTestId('registration-number');
  await expect(numberShown).toBeVisible({ timeout: 20_000 });
  const registrationNumber = (await numberShown.innerText()).trim();
  expect(registrationNumber).toMatch(/\d/);
  await page.getByTestId('receipt-print').click();
  await expect.poll(() => printedFrames(page)).toBe(1);
  await page.screenshot({ path: `${SCREENS}/40-accepted-receipt.png` });

  // The applicant comes back with the receipt: the operator types its number.
  await page.getByTestId('nav-handover').click();
  await page.getByTestId('handover-query').fill(registrationNumber);
  await page.getByTestId('handover-find').click();
  await expect(page.getByTestId('handover-card')).toBeVisible();
  await expect(page.getByTestId('handover-card')).toContainText(registrationNumber);
  // The provider decides on its own clock; main polls, and the operator may ask at once.
  await expect(async () => {
    const refresh = page.getByTestId('handover-refresh');
    if (await refresh.isVisible()) await refresh.click();
    await expect(page.getByTestId('handover-view-result')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('handover-status')).toContainText(/./);
  await page.getByTestId('handover-view-result').click();
  await expect(page.getByTestId('status-result-viewer')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/41-handover-result.png` });
  await page.getByTestId('status-result-close').click();
  await page.getByTestId('handover-print-result').click();
  await expect.poll(() => printedFrames(page)).toBe(2);
  await expect(page.getByTestId('handover-confirm')).toBeEnabled({ timeout: 10_000 });
  await page.getByTestId('handover-confirm').click();
  await expect(page.getByTestId('handover-done')).toBeVisible();

  // The applicant answers the 2012 regulation's questionnaire on screen.
  await page.getByTestId('handover-questionnaire').click();
  await expect(page.getByTestId('questionnaire-screen')).toBeVisible();
  await expect(page.getByTestId('questionnaire-answer-quality-2')).toContainText(/қанағаттан/);
  await page.getByTestId('questionnaire-answer-quality-2').click();
  await page.getByTestId('questionnaire-answer-accessibility-1').click();
  await page.screenshot({ path: `${SCREENS}/42-questionnaire.png` });
  await page.getByTestId('questionnaire-submit').click();
  await expect(page.getByTestId('questionnaire-done')).toBeVisible();

  // The status screen shows it handed over.
  await page.getByTestId('nav-applications').click();
  await expect(page.getByTestId('applications-row')).toHaveCount(1);
  await expect(page.getByTestId('status-label')).toBeVisible();
  await expect(page.getByTestId('applications-row')).toContainText(FIXTURE_IDS.activeCompany);
  await page.screenshot({ path: `${SCREENS}/44-status-screen.png` });
  await logout(page);

  // The supervisor's journal: both visits of the day with their step times, and the answers.
  await login(page, DEMO_CREDENTIALS.supervisor);
  await page.getByTestId('nav-supervisor-journal').click();
  await expect(page.getByTestId('supervisor-journal')).toBeVisible();
  await page.getByTestId('journal-apply-filter').click();
  const visits = page.getByTestId('journal-visit-row').filter({ hasText: registrationNumber });
  await expect(visits).toHaveCount(2);
  await expect(page.getByTestId('journal-visit-step').first()).toBeVisible();
  await expect(page.getByTestId('journal-step-summary')).toBeVisible();
  await expect(page.getByTestId('journal-questionnaire-row')).toHaveCount(2);
  await page.screenshot({ path: `${SCREENS}/43-supervisor-journal.png`, fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByTestId('journal-export-visits').click();
  const csvPath = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(csvPath, 'utf8');
  expect(csv).toContain(registrationNumber);
  expect(csv).not.toContain(FIXTURE_IDS.activeCompany);

  // The workstation's log of the whole run (web host and embedded backend, stdout and stderr) names no one.
  await host.stop();
  const leaked = personalDataOfFixtures().filter((value) => host!.output().includes(value));
  expect(leaked).toEqual([]);
});
