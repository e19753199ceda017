/**
 * The notarised PoA number as the contract accepts it (core/backendApi/wire.ts,
 * `powerOfAttorneyNumberSchema`: trimmed, 1–40 letters, digits, «/» or «-»). Checked here, without
 * zod, so that the operator's bundle stays small and a typo is reported at the field instead of
 * reaching main as a contract violation. poaNumber.test.ts keeps this in step with the schema.
 */
import type { Result } from '../../../core/result';

export const MAX_POA_NUMBER_LENGTH = 40;
const POA_NUMBER_SHAPE = /^[0-9A-Za-zА-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі/-]+$/;

export type PoaNumberProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long'; readonly length: number }
  | { readonly kind: 'invalid-characters' };

/** The number to send (trimmed), or why it cannot be sent. */
export function checkPoaNumber(input: string): Result<string, PoaNumberProblem> {
  const number = input.trim();
  if (number === '') return { ok: false, error: { kind: 'empty' } };
  if (number.length > MAX_POA_NUMBER_LENGTH) return { ok: false, error: { kind: 'too-long', length: number.length } };
  if (!POA_NUMBER_SHAPE.test(number)) return { ok: false, error: { kind: 'invalid-characters' } };
  return { ok: true, value: number };
}
