import { PROBLEM_CODES } from '../../core/backendApi/wire';
import { err, ok, type Result } from '../../core/result';
import { refusal, type Refusal } from '../http/problem';

export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/**
 * Reads the Idempotency-Key header. The IETF draft defines it as a Structured Field String
 * (`Idempotency-Key: "8e03978e-…"`); the bare form (`Idempotency-Key: 8e03978e-…`) is accepted
 * too and names the same key. Missing, empty, over 255 characters or malformed → 400.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): Result<string, Refusal> {
  const invalid = (why: string) => err(refusal(400, PROBLEM_CODES.validation, `Idempotency-Key header ${why}`));
  if (header === undefined) return invalid('is required');
  if (Array.isArray(header)) return invalid('must appear once');
  const value = header.trim();
  if (value === '') return invalid('must not be empty');
  const key = value.startsWith('"') ? parseStructuredString(value) : /^[\x21-\x7e]+$/.test(value) ? value : null;
  if (key === null) return invalid('is not a valid string');
  if (key.length === 0) return invalid('must not be empty');
  if (key.length > IDEMPOTENCY_KEY_MAX_LENGTH) return invalid(`must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`);
  return ok(key);
}

/** RFC 8941 §3.3.3: printable ASCII between quotes, only \" and \\ escaped; null when malformed. */
function parseStructuredString(value: string): string | null {
  let out = '';
  for (let i = 1; i < value.length; i++) {
    const ch = value.charAt(i);
    if (ch === '\\') {
      const next = value.charAt(++i);
      if (next !== '"' && next !== '\\') return null;
      out += next;
    } else if (ch === '"') {
      return i === value.length - 1 ? out : null;
    } else if (ch < ' ' || ch > '~') {
      return null;
    } else {
      out += ch;
    }
  }
  return null; // no closing quote
}
