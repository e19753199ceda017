/**
 * Exact error-detection rates of the kz-domain.md §1.2 checksum over ALL 10^11 eleven-digit prefixes,
 * counted by dynamic programming over (pass-1 sum mod 11, pass-2 sum mod 11) instead of enumeration.
 * Backs the sampled rates in kzIdentifier.property.test.ts. Why 1/60: a missed change must move pass 1
 * to or from 10. From pass 1 = c ≠ 10 (11/12 of valid numbers) it lands on 10 with ≈ 1/10 and pass 2
 * then equals c with ≈ 1/11; from pass 1 = 10 (1/12) the new pass 1 equals the check digit with ≈ 1/10:
 * 11/12·1/110 + 1/12·1/10 = 1/60.
 */
import { describe, expect, it } from 'vitest';

const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
const w = (weights: readonly number[], i: number) => weights[i] ?? Number.NaN;

/** Check digit from the two residues, or null (kz-domain.md §1.2). */
const check = (s1: number, s2: number) => (s1 !== 10 ? s1 : s2 === 10 ? null : s2);

/** How many ways the positions outside `fixed` give each (pass-1, pass-2) residue pair; index s1*11+s2. */
function residueCounts(fixed: readonly number[]): number[] {
  let counts: number[] = Array.from({ length: 121 }, (_, k) => (k === 0 ? 1 : 0));
  for (let i = 0; i < 11; i++) {
    if (fixed.includes(i)) continue;
    const next = Array.from({ length: 121 }, () => 0);
    counts.forEach((n, k) => {
      for (let x = 0; x <= 9; x++) {
        const to = ((Math.floor(k / 11) + x * w(W1, i)) % 11) * 11 + ((k % 11) + x * w(W2, i)) % 11;
        next[to] = (next[to] ?? 0) + n;
      }
    });
    counts = next;
  }
  return counts;
}

/** Missed / total over valid numbers when `mutations` rewrites the digits at `positions` (`from` → each `to`). */
function missRate(positions: readonly number[], mutations: (digits: number[]) => number[][]): number {
  let total = 0;
  let missed = 0;
  const tuples = positions.length === 1 ? [...Array(10).keys()].map((a) => [a]) : [...Array(100).keys()].map((n) => [Math.floor(n / 10), n % 10]);
  residueCounts(positions).forEach((n, k) => {
    const residues = (digits: readonly number[], weights: readonly number[], base: number) =>
      positions.reduce((s, p, j) => s + (digits[j] ?? Number.NaN) * w(weights, p), base) % 11;
    for (const from of tuples) {
      const c = check(residues(from, W1, Math.floor(k / 11)), residues(from, W2, k % 11));
      if (c === null) continue;
      for (const to of mutations(from)) {
        total += n;
        if (check(residues(to, W1, Math.floor(k / 11)), residues(to, W2, k % 11)) === c) missed += n;
      }
    }
  });
  return missed / total;
}

const otherDigits = ([a]: number[]) => [...Array(10).keys()].filter((b) => b !== a).map((b) => [b]);
const swapped = ([a, b]: number[]) => (a === b ? [] : [[b ?? Number.NaN, a ?? Number.NaN]]);

describe('exact detection rates', () => {
  it('misses 1/60 of single-digit changes in digits 1–10 and 11/12 in digit 11', () => {
    for (let p = 0; p < 10; p++) expect(missRate([p], otherDigits)).toBeCloseTo(1 / 60, 12);
    expect(missRate([10], otherDigits)).toBeCloseTo(11 / 12, 12);
  });

  it('misses ≈ 1/60 of adjacent transpositions within the first 11 digits', () => {
    for (let p = 0; p < 10; p++) expect(missRate([p, p + 1], swapped)).toBeCloseTo(1 / 60, 8);
  });
});
