/**
 * The electronegativity gate in `npm test` (see electronegativityGate.ts for what is scanned and
 * why). The scanner itself is real here: one test scans our sources, one scans a deliberately
 * insecure fixture to prove the scan runs and the gate can fail.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowListSchema, formatFinding, judgeFindings, scanElectronSources, scanFolder } from './electronegativityGate';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ALLOW_LIST = 'security/electronegativity-allowlist.json';
// The scanner tries to fetch fresh translations first (1 s timeout each) and parses TypeScript with its own parser.
const SCAN_TIMEOUT = 90_000;

describe('electronegativity', () => {
  it(
    'finds no unreviewed HIGH or MEDIUM issue in the Electron host, preload and page',
    async () => {
      const allowList = allowListSchema.parse(JSON.parse(readFileSync(path.join(ROOT, ALLOW_LIST), 'utf8')));
      const scan = await scanElectronSources(ROOT);
      const verdict = judgeFindings(scan, allowList);
      const lines = [
        ...verdict.blocking.map((f) => `BLOCKING ${formatFinding(f)}`),
        ...verdict.allowed.map(({ finding }) => `reviewed ${formatFinding(finding)}`),
        ...verdict.reported.map((f) => `reported ${formatFinding(f)}`),
      ];
      mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
      writeFileSync(path.join(ROOT, 'test-results', 'electronegativity.txt'), `${lines.join('\n')}\n`);

      expect(verdict.unscanned, 'files electronegativity could not parse').toEqual([]);
      expect(verdict.blocking.map(formatFinding), `unreviewed findings: fix them, or review them in ${ALLOW_LIST}`).toEqual([]);
      expect(verdict.stale, `entries of ${ALLOW_LIST} that no finding matches any more: remove them`).toEqual([]);
      // The scan saw our files at all (the Electron version comes from package.json).
      expect(scan.issues.some((f) => f.rule === 'ELECTRON_VERSION_JSON_CHECK' && f.file === 'package.json')).toBe(true);
    },
    SCAN_TIMEOUT,
  );

  it(
    'fails an insecure window in an app without navigation and permission handlers',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'psc-electronegativity-bad-'));
      try {
        writeFileSync(
          path.join(dir, 'main.js'),
          [
            "const { BrowserWindow } = require('electron');",
            'const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
            "win.loadURL('http://example.org/');",
          ].join('\n'),
        );
        const verdict = judgeFindings(await scanFolder(dir), { reviewed: [] });
        const rules = verdict.blocking.map((f) => f.rule);
        expect(rules).toEqual(
          expect.arrayContaining([
            'CONTEXT_ISOLATION_JS_CHECK',
            'SANDBOX_JS_CHECK',
            'LIMIT_NAVIGATION_GLOBAL_CHECK',
            'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
            'CSP_GLOBAL_CHECK',
          ]),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    SCAN_TIMEOUT,
  );
});
