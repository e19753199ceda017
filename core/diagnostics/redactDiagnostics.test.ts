import { describe, expect, it } from 'vitest';
import { REDACTION_MASK, redactDiagnosticsText } from './redactDiagnostics';

describe('redactDiagnosticsText', () => {
  it('masks a 12-digit IIN wherever it stands', () => {
    expect(redactDiagnosticsText('iin=850101399014;')).toBe(`iin=${REDACTION_MASK};`);
    expect(redactDiagnosticsText('850101399014')).toBe(REDACTION_MASK);
    expect(redactDiagnosticsText('a 150340999016 b 900202499021')).toBe(`a ${REDACTION_MASK} b ${REDACTION_MASK}`);
  });

  it('masks longer digit runs that could hide one', () => {
    expect(redactDiagnosticsText('x1850101399014x')).toBe(`x${REDACTION_MASK}x`);
  });

  it('keeps shorter numbers, versions, dates and sizes', () => {
    const text = 'Node 20.11.1\nMemory 15883 MB\n2026-11-23T12:18:23.000Z\nphone-like 77011234567';
    expect(redactDiagnosticsText(text)).toBe(text);
  });
});
