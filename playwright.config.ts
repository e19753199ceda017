import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium drives the E2E suite; Playwright's own browser downloads are never used.
const CHROMIUM = process.env.PSC_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(`Chromium not found at ${CHROMIUM}: install the Debian package "chromium" (apt-get install -y chromium) or set PSC_CHROMIUM.`);
}

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    locale: 'kk-KZ',
    // A counter PC runs on Kazakhstan time: the renderer's "today" (journal filter, dates on screen)
    // must be the Kazakhstan day main counts in, also when CI runs after 19:00 UTC.
    timezoneId: 'Asia/Almaty',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
