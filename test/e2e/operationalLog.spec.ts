/**
 * Issue 15 item 4: a whole counter flow in Chromium against the browser host with the operational
 * log at debug level (every contract call logged), then every file of <data>/logs is searched for
 * every IIN, BIN, name and address of the backend's fixtures, and for the passwords typed. The
 * diagnostics' "Copy diagnostics" text carries the log's last lines, and none of that either.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { personalDataOfFixtures } from './fixturePersonalData';
import { checkDemoKey, DEMO_KEY_PASSWORD, fillRequiredSlots, login, lookUpApplicant, newDataDir, pickService, startWebHost, type RunningHost } from './webHostProcess';

let host: RunningHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test('the operational log of a whole flow holds no personal data or secret of the fixtures', async ({ page }) => {
  const dataDir = await newDataDir();
  host = await startWebHost(dataDir, { PSC_LOG_LEVEL: 'debug' });
  await page.goto(host.launchUrl);

  // A wrong password first, then the flow: an unknown IIN, a represented individual, a legal entity.
  await login(page, { login: DEMO_CREDENTIALS.operator.login, password: 'Wrong#Password1' });
  await expect(page.getByTestId('login-error')).toBeVisible();
  await login(page, DEMO_CREDENTIALS.operator);
  await pickService(page, '002-a2-casino-2014', 'issue');
  await page.getByTestId('applicant-kind-individual').click();
  await page.getByTestId('applicant-id').fill(FIXTURE_IDS.unknownValidIin);
  await page.getByTestId('applicant-lookup').click();
  await expect(page.getByTestId('lookup-error')).toBeVisible();
  await page.getByTestId('applicant-id').fill(FIXTURE_IDS.activeMan);
  await page.getByTestId('applicant-lookup').click();
  await expect(page.getByTestId('applicant-card')).toContainText(FIXTURE_IDS.activeMan);
  await page.getByTestId('representative-toggle').click();
  await page.getByTestId('representative-iin').fill(FIXTURE_IDS.youngMan);
  await page.getByTestId('poa-kind-notarised').click();
  await page.getByTestId('poa-number').fill(FIXTURE_IDS.poaManToYoungMan);
  await page.getByTestId('representative-lookup').click();
  await expect(page.getByTestId('representative-card')).toContainText(FIXTURE_IDS.youngMan);
  await page.getByTestId('applicant-next').click();
  await fillRequiredSlots(page);
  await page.getByTestId('documents-next').click();
  await checkDemoKey(page);
  await expect(page.getByTestId('sign-certificate-card')).toBeVisible();
  await page.getByTestId('submit-application').click();
  await expect(page.getByTestId('registration-number')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('receipt-save').click();
  await download;

  await page.getByTestId('nav-new-application').click();
  await pickService(page, '002-a2-casino-2014', 'issue');
  await lookUpApplicant(page, 'legal-entity', FIXTURE_IDS.activeCompany);
  await page.getByTestId('nav-applications').click();
  await expect(page.getByTestId('applications-row')).toHaveCount(1);
  await page.getByTestId('nav-diagnostics').click();
  const field = page.getByTestId('diagnostics-text');
  await expect(field).toHaveValue(/\[Log\]/, { timeout: 20_000 });
  const diagnostics = await field.inputValue();
  expect(diagnostics).toContain('"call":"registry.lookupApplicant"');
  await page.getByTestId('logout').click();
  await host.stop();
  host = null;

  const logDir = path.join(dataDir, 'logs');
  const files = (await readdir(logDir)).filter((name) => name.endsWith('.log'));
  expect(files.length).toBeGreaterThan(0);
  const log = (await Promise.all(files.map((name) => readFile(path.join(logDir, name), 'utf8')))).join('\n');
  // The log did record the flow: the calls by name, the failed lookup by its kind.
  for (const call of ['session.login', 'registry.lookupApplicant', 'registry.lookupRepresentative', 'submissions.submitDraft', 'receipts.forApplication', 'diagnostics.report']) {
    expect(log).toContain(`"call":"${call}"`);
  }
  expect(log).toContain('"event":"call.failed"');
  const secrets = [DEMO_CREDENTIALS.operator.password, 'Wrong#Password1', DEMO_KEY_PASSWORD, FIXTURE_IDS.poaManToYoungMan];
  const leaked = [...personalDataOfFixtures(), ...secrets].filter((value) => log.includes(value) || diagnostics.includes(value));
  expect(leaked).toEqual([]);
});
