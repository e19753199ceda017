// Prints one closing line for the whole `npm test` run, summed over Vitest and Playwright:
// "tests: N passed, N failed, N skipped". Exits non-zero if either report is missing or counts a failure.
import { readFileSync } from 'node:fs';

function read(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.error(`test summary: ${file} is missing or unreadable`);
    process.exit(1);
  }
}

const vitest = read('test-results/vitest.json');
const playwright = read('test-results/playwright.json');
const passed = vitest.numPassedTests + (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
const failed = vitest.numFailedTests + (playwright.stats.unexpected ?? 0);
const skipped = vitest.numPendingTests + vitest.numTodoTests + (playwright.stats.skipped ?? 0);
console.log(`\nunit+integration: ${vitest.numPassedTests} passed, e2e (Chromium): ${playwright.stats.expected ?? 0} passed`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
