/**
 * Properties of the IIN/BIN checksum (kz-domain.md §1.2), checked against an independent reference
 * implementation. Findings (exact rates: kzIdentifier.exactRates.test.ts):
 * - Changing the 12th (check) digit is always detected.
 * - Changing the 11th digit is detected ONLY when pass 1 gives 10: its pass-1 weight is 11 ≡ 0 mod 11,
 *   so pass 1 cannot see it (11/12 of valid numbers, e.g. 850415312343 → 850415312303 stays valid).
 * - Changing one of digits 1–10 is detected unless the change moves pass 1 to or from 10 and the other
 *   pass happens to agree with the check digit (e.g. 850415312343 → 850315312343): 1/60 of changes.
 * - Swapping adjacent different digits is missed by the same pass-crossing mechanism: 1/60 within the
 *   first 11 digits, never for digits 11↔12; 1/66 overall (≈ 98.5 % detected).
 * So the checksum is a typo guard, not a guarantee; with length and digits it stays the only hard check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKzCheckDigit, isValidKzIdentifier, validateKzIdentifier, type KzIdentifierError } from './kzIdentifier';

// ---- Reference implementation: weights built by formula, explicit loops and remainder. ----
const REF_W1 = Array.from({ length: 11 }, (_, i) => i + 1);
const REF_W2 = Array.from({ length: 11 }, (_, i) => ((i + 2) % 11) + 1);

function refPass(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (digits[i] ?? Number.NaN) * (weights[i] ?? Number.NaN);
  return sum - 11 * Math.floor(sum / 11);
}

function refCheckDigit(digits: readonly number[]): number | null {
  for (const weights of [REF_W1, REF_W2]) {
    const r = refPass(digits, weights);
    if (r !== 10) return r;
  }
  return null;
}

function refValidate(input: string): KzIdentifierError | null {
  const s = input.replace(/^\s+|\s+$/g, '');
  for (const ch of s) if (ch < '0' || ch > '9') return { kind: 'not-digits' };
  if (s.length !== 12) return { kind: 'wrong-length', length: s.length };
  const digits = Array.from(s, Number);
  const check = refCheckDigit(digits);
  if (check === null) return { kind: 'no-check-digit' };
  return check === digits[11] ? null : { kind: 'checksum-mismatch' };
}

const toDigits = (id: string) => Array.from(id, Number);
const firstPass = (id: string) => refPass(toDigits(id), REF_W1);
const replaceAt = (s: string, i: number, ch: string) => s.slice(0, i) + ch + s.slice(i + 1);

// ---- Generators ----
const eleven = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 });
const validId = eleven.filter((d) => refCheckDigit(d) !== null).map((d) => `${d.join('')}${refCheckDigit(d)}`);
const whitespace = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff');
const padding = fc.array(whitespace, { maxLength: 3 }).map((ws) => ws.join(''));
const nonAsciiDigit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !/[0-9]/.test(c)),
  fc.constantFrom('٣', '۳', '３', '߃', '३', '-', ' '), // other scripts' digits are not digits here
);
const RUNS = { numRuns: 2000 };

describe('reference implementation agreement', () => {
  it('computeKzCheckDigit equals the reference for any 11 digits', () => {
    fc.assert(fc.property(eleven, (d) => computeKzCheckDigit(d) === refCheckDigit(d)), RUNS);
  });

  it('validateKzIdentifier classifies arbitrary input like the reference', () => {
    const input = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 16 }),
      fc.stringMatching(/^\s{0,2}\d{0,14}\s{0,2}$/),
      fc.tuple(padding, validId, padding).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(input, (s) => {
        const expected = refValidate(s);
        expect(validateKzIdentifier(s)).toEqual(expected ? { ok: false, error: expected } : { ok: true, value: s.trim() });
      }),
      RUNS,
    );
  });
});

describe('completions of 11 digits', () => {
  const completions = (d: readonly number[]) => Array.from({ length: 10 }, (_, k) => `${d.join('')}${k}`);

  it('have exactly one valid completion, the computed check digit, when one exists', () => {
    fc.assert(
      fc.property(eleven, (d) => {
        const check = computeKzCheckDigit(d);
        const valid = completions(d).filter(isValidKzIdentifier);
        expect(valid).toEqual(check === null ? [] : [`${d.join('')}${check}`]);
      }),
      RUNS,
    );
  });

  it('are all "no-check-digit" when both passes give 10', () => {
    const dead = eleven.filter((d) => refCheckDigit(d) === null);
    fc.assert(
      fc.property(dead, (d) => {
        for (const id of completions(d)) expect(validateKzIdentifier(id)).toEqual({ ok: false, error: { kind: 'no-check-digit' } });
      }),
      { numRuns: 200 },
    );
  });
});

describe('single-digit changes', () => {
  const change = fc.tuple(validId, fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }));

  it('are always caught in the check digit, caught in digit 11 iff pass 1 gives 10, and otherwise missed only across pass 1 = 10', () => {
    fc.assert(
      fc.property(change, ([id, pos, shift]) => {
        const changed = replaceAt(id, pos, String((Number(id.charAt(pos)) + shift) % 10));
        const missed = isValidKzIdentifier(changed);
        if (pos === 11) expect(missed).toBe(false);
        else if (pos === 10) expect(missed).toBe(firstPass(id) !== 10);
        else if (missed) expect(firstPass(id) === 10 || firstPass(changed) === 10).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('examples from the kz-domain.md §1.3 vectors', () => {
    expect(isValidKzIdentifier('850415312303')).toBe(true); // digit 11: 4 → 0, pass 1 blind to it
    expect(isValidKzIdentifier('850315312343')).toBe(true); // digit 4: 4 → 3, pass 1 becomes 10, pass 2 = 3
    for (let v = 1; v <= 9; v++) expect(isValidKzIdentifier(`9011204124${v}3`)).toBe(false); // pass 1 = 10: digit 11 weighs 2 in pass 2
  });

  it('are missed at the rate the exact count predicts (sampled: digits 1–10 ≈ 1/60, digit 11 ≈ 11/12)', () => {
    let early = 0;
    let earlyMissed = 0;
    let eleventh = 0;
    let eleventhMissed = 0;
    for (const id of fc.sample(validId, { numRuns: 4000, seed: 20250601 })) {
      for (let pos = 0; pos <= 10; pos++) {
        for (let v = 0; v <= 9; v++) {
          if (String(v) === id.charAt(pos)) continue;
          const missed = isValidKzIdentifier(replaceAt(id, pos, String(v)));
          if (pos === 10) [eleventh, eleventhMissed] = [eleventh + 1, eleventhMissed + Number(missed)];
          else [early, earlyMissed] = [early + 1, earlyMissed + Number(missed)];
        }
      }
    }
    expect(Math.abs(earlyMissed / early - 1 / 60)).toBeLessThan(0.003);
    expect(Math.abs(eleventhMissed / eleventh - 11 / 12)).toBeLessThan(0.02);
  });
});

describe('adjacent transpositions', () => {
  const swapAt = (id: string, p: number) => id.slice(0, p) + id.charAt(p + 1) + id.charAt(p) + id.slice(p + 2);
  const swap = fc.tuple(validId, fc.integer({ min: 0, max: 10 })).filter(([id, p]) => id.charAt(p) !== id.charAt(p + 1));

  it('are always caught for digits 11↔12 and otherwise missed only across pass 1 = 10', () => {
    fc.assert(
      fc.property(swap, ([id, p]) => {
        const swapped = swapAt(id, p);
        const missed = isValidKzIdentifier(swapped);
        if (p === 10) expect(missed).toBe(false);
        else if (missed) expect(firstPass(id) === 10 || firstPass(swapped) === 10).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(isValidKzIdentifier('901120412043')).toBe(true); // 901120412403 with digits 10↔11 swapped
  });

  it('are detected in ≈ 98.5 % of cases (sampled; exact miss rate 1/66)', () => {
    let total = 0;
    let missed = 0;
    for (const id of fc.sample(validId, { numRuns: 6000, seed: 20250602 })) {
      for (let p = 0; p <= 10; p++) {
        if (id.charAt(p) === id.charAt(p + 1)) continue;
        total++;
        if (isValidKzIdentifier(swapAt(id, p))) missed++;
      }
    }
    const detection = 1 - missed / total;
    expect(detection).toBeGreaterThan(0.98);
    expect(detection).toBeLessThan(0.99);
  });
});

describe('input hygiene', () => {
  it('trims surrounding whitespace, including Unicode spaces and BOM', () => {
    fc.assert(
      fc.property(padding, validId, padding, (before, id, after) => {
        expect(validateKzIdentifier(`${before}${id}${after}`)).toEqual({ ok: true, value: id });
      }),
    );
  });

  it('rejects any non-ASCII-digit character inside, before checking length', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 1, max: 10 }), nonAsciiDigit, fc.boolean(), (id, i, ch, insert) => {
        const bad = insert ? id.slice(0, i) + ch + id.slice(i) : replaceAt(id, i, ch);
        expect(validateKzIdentifier(bad)).toEqual({ ok: false, error: { kind: 'not-digits' } });
      }),
      RUNS,
    );
  });
});
