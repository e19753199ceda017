import { describe, expect, it } from 'vitest';
import { allowListSchema, judgeFindings, type Finding, type ScanResult } from './electronegativityGate';

function finding(rule: string, file: string, severity: string): Finding {
  return { rule, file, line: 1, severity, confidence: 'FIRM', description: rule, manualReview: false };
}

const REASON = 'Reviewed: the options come from a literal that the unit test asserts field by field.';

describe('judgeFindings', () => {
  const scan: ScanResult = {
    issues: [
      finding('CONTEXT_ISOLATION_JS_CHECK', 'main/host/electron/a.ts', 'HIGH'),
      finding('PRELOAD_JS_CHECK', 'main/host/electron/a.ts', 'MEDIUM'),
      finding('PRELOAD_JS_CHECK', 'main/host/electron/b.ts', 'MEDIUM'),
      finding('CSP_GLOBAL_CHECK', 'renderer/index.html', 'LOW'),
      finding('ELECTRON_VERSION_JSON_CHECK', 'package.json', 'INFORMATIONAL'),
    ],
    errors: [
      { file: 'preload/x.ts', message: 'odd syntax', tolerable: true },
      { file: 'preload/y.ts', message: 'cannot parse', tolerable: false },
    ],
  };

  it('fails every HIGH or MEDIUM finding not reviewed for that rule and file', () => {
    const verdict = judgeFindings(scan, { reviewed: [{ rule: 'PRELOAD_JS_CHECK', file: 'main/host/electron/a.ts', reason: REASON }] });
    expect(verdict.blocking.map((f) => `${f.rule} ${f.file}`)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK main/host/electron/a.ts',
      // Same rule, another file: a review of a.ts does not cover b.ts.
      'PRELOAD_JS_CHECK main/host/electron/b.ts',
    ]);
    expect(verdict.allowed.map(({ finding: f }) => `${f.rule} ${f.file}`)).toEqual(['PRELOAD_JS_CHECK main/host/electron/a.ts']);
    expect(verdict.reported.map((f) => f.rule)).toEqual(['CSP_GLOBAL_CHECK', 'ELECTRON_VERSION_JSON_CHECK']);
    expect(verdict.stale).toEqual([]);
  });

  it('reports allow-list entries that match nothing, and files the scanner could not parse', () => {
    const gone = { rule: 'SANDBOX_JS_CHECK', file: 'main/host/electron/a.ts', reason: REASON };
    const verdict = judgeFindings(scan, { reviewed: [gone] });
    expect(verdict.stale).toEqual([gone]);
    expect(verdict.unscanned).toEqual(['preload/y.ts: cannot parse']);
  });

  it('passes a clean scan', () => {
    const verdict = judgeFindings({ issues: [finding('CSP_GLOBAL_CHECK', 'renderer/index.html', 'LOW')], errors: [] }, { reviewed: [] });
    expect(verdict.blocking).toEqual([]);
    expect(verdict.unscanned).toEqual([]);
  });
});

describe('allowListSchema', () => {
  it('demands a rule, a file and a real reason for every entry', () => {
    expect(allowListSchema.safeParse({ reviewed: [{ rule: 'PRELOAD_JS_CHECK', file: 'preload/index.ts', reason: REASON }] }).success).toBe(true);
    expect(allowListSchema.safeParse({ reviewed: [{ rule: 'PRELOAD_JS_CHECK', file: 'preload/index.ts' }] }).success).toBe(false);
    expect(allowListSchema.safeParse({ reviewed: [{ rule: 'PRELOAD_JS_CHECK', file: 'preload/index.ts', reason: 'false positive' }] }).success).toBe(false);
    expect(allowListSchema.safeParse({ reviewed: [{ rule: 'PRELOAD_JS_CHECK', file: '', reason: REASON }] }).success).toBe(false);
    expect(allowListSchema.safeParse({ reviewed: [{ rule: 'PRELOAD_JS_CHECK', file: 'a.ts', reason: REASON, line: 3 }] }).success).toBe(false);
  });
});
