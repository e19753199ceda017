/**
 * IIN (individuals) and BIN (legal entities) share one format: 12 digits with a check digit
 * computed mod 11 over two weight passes; when both passes give 10 the number is never issued.
 * Source: reference/kz-domain.md §1.2. Length, digits and checksum are the only hard checks;
 * anything derived from the digits (birth date, sex, entity type) is a hint, never a rule.
 */
import type { Result } from '../result';

// Weights exactly as published (kz-domain.md §1.2). 11 ≡ 0 mod 11, so pass 1 ignores digit 11 and a typo
// there goes unnoticed whenever pass 1 ≠ 10; kzIdentifier.property.test.ts measures this. Do not "fix" it:
// the issued numbers follow this scheme.
const WEIGHTS_FIRST = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const WEIGHTS_SECOND = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

export type KzIdentifierError =
  | { readonly kind: 'wrong-length'; readonly length: number }
  | { readonly kind: 'not-digits' }
  | { readonly kind: 'no-check-digit' }
  | { readonly kind: 'checksum-mismatch' };

/** Check digit for the first 11 digits, or null when both passes give 10 (such numbers are invalid). */
export function computeKzCheckDigit(first11: readonly number[]): number | null {
  const weighted = (weights: readonly number[]) => first11.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % 11;
  const first = weighted(WEIGHTS_FIRST);
  if (first !== 10) return first;
  const second = weighted(WEIGHTS_SECOND);
  return second === 10 ? null : second;
}

/** Validates an IIN or BIN after trimming surrounding whitespace. */
export function validateKzIdentifier(input: string): Result<string, KzIdentifierError> {
  const value = input.trim();
  if (!/^\d*$/.test(value)) return { ok: false, error: { kind: 'not-digits' } };
  if (value.length !== 12) return { ok: false, error: { kind: 'wrong-length', length: value.length } };
  const digits = [...value].map(Number);
  const check = computeKzCheckDigit(digits.slice(0, 11));
  if (check === null) return { ok: false, error: { kind: 'no-check-digit' } };
  if (check !== digits[11]) return { ok: false, error: { kind: 'checksum-mismatch' } };
  return { ok: true, value };
}

export function isValidKzIdentifier(input: string): boolean {
  return validateKzIdentifier(input).ok;
}
