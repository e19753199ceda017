import { describe, expect, it } from 'vitest';
import { computeKzCheckDigit, validateKzIdentifier } from './kzIdentifier';

// Vectors from reference/kz-domain.md §1.3 (synthetic numbers, recomputed by two implementations).
const VALID = ['850415312343', '901120412403', '050302512344', '120730612702', '061211600012', '901120412340', '150840123461', '180241123459'];

describe('validateKzIdentifier', () => {
  it.each(VALID)('accepts the reference vector %s', (id) => {
    expect(validateKzIdentifier(id)).toEqual({ ok: true, value: id });
  });

  it('uses the second weight pass when the first gives 10 (kz-domain.md §1.2 worked example)', () => {
    expect(computeKzCheckDigit([...'90112041240'].map(Number))).toBe(3);
  });

  it('rejects a changed check digit', () => {
    expect(validateKzIdentifier('850415312344')).toEqual({ ok: false, error: { kind: 'checksum-mismatch' } });
  });

  it('reports length and non-digits distinctly', () => {
    expect(validateKzIdentifier('85041531234')).toEqual({ ok: false, error: { kind: 'wrong-length', length: 11 } });
    expect(validateKzIdentifier('85041531234A')).toEqual({ ok: false, error: { kind: 'not-digits' } });
  });

  it('treats both passes giving 10 as a number that is never issued', () => {
    // Find a prefix whose two passes both give 10, then no final digit can make it valid.
    let prefix: number[] | null = null;
    for (let n = 0; n < 2_000_000 && !prefix; n++) {
      const digits = [...String(n).padStart(11, '0')].map(Number);
      if (computeKzCheckDigit(digits) === null) prefix = digits;
    }
    expect(prefix).not.toBeNull();
    for (let last = 0; last <= 9; last++) {
      expect(validateKzIdentifier(`${prefix!.join('')}${last}`)).toEqual({ ok: false, error: { kind: 'no-check-digit' } });
    }
  });
});
