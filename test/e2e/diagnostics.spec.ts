/**
 * Issue 8 item 6 in Chromium against the real browser host, the SANE `test` device and the embedded
 * backend: after a citizen lookup the operator opens the diagnostics and copies them. The text (and
 * the clipboard) carries the raw `scanimage -L` output and the versions, and no IIN/BIN, name or
 * address of any fixture person, legal entity or operator.
 */
import { expect, test } from '@playwright/test';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { personalDataOfFixtures } from './fixturePersonalData';
import { login, lookUpApplicant, newDataDir, pickService, startWebHost, type RunningHost } from './webHostProcess';

let host: RunningHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test('the diagnostics text carries scanner output and versions and no personal data of the fixtures', async ({ page, context }) => {
  host = await startWebHost(await newDataDir());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.launchUrl).origin });
  await page.goto(host.launchUrl);
  await login(page, DEMO_CREDENTIALS.operator);
  await pickService(page, '002-a2-casino-2014', 'issue');
  await lookUpApplicant(page, 'individual', FIXTURE_IDS.activeMan);

  await page.getByTestId('nav-diagnostics').click();
  await expect(page.getByTestId('diagnostics-screen')).toBeVisible();
  const field = page.getByTestId('diagnostics-text');
  await expect(field).toHaveValue(/scanimage -L \(exit 0\)/, { timeout: 20_000 });
  const text = await field.inputValue();

  expect(text).toContain("device `test:0' is a Noname frontend-tester virtual device");
  expect(text).toMatch(/^Node: \d+\.\d+\.\d+$/m);
  for (const library of ['sql.js', 'sharp', 'pdf-lib', 'node-forge', 'fastify', 'react', 'zod']) expect(text).toMatch(new RegExp(`^${library.replace('.', '\\.')}: \\d+\\.\\d+`, 'm'));
  expect(text).toContain('Mode: embedded');
  expect(text).toMatch(/^Health check: reachable in \d+ ms$/m);
  expect(text).toMatch(/^User agent: .*Chrom/m);
  expect(text).toContain('Operator: op-0001 (operator)');

  await page.getByTestId('diagnostics-copy').click();
  await expect(page.getByTestId('diagnostics-copied')).toBeVisible();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toBe(text);

  const leaked = personalDataOfFixtures().filter((value) => text.includes(value) || clipboard.includes(value));
  expect(leaked).toEqual([]);
  // Nor does the screen around the text show any of it.
  const screenText = (await page.getByTestId('diagnostics-screen').innerText()) + (await field.inputValue());
  expect(personalDataOfFixtures().filter((value) => screenText.includes(value))).toEqual([]);
});
