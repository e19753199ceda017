import { describe, expect, it } from 'vitest';
import { parseIdempotencyKey } from './idempotencyKey';

describe('parseIdempotencyKey', () => {
  it('reads the Structured Field String form of the draft and the bare form as the same key', () => {
    const uuid = '8e03978e-40d5-43e8-bc93-6894a57f9324';
    expect(parseIdempotencyKey(`"${uuid}"`)).toEqual({ ok: true, value: uuid });
    expect(parseIdempotencyKey(uuid)).toEqual({ ok: true, value: uuid });
  });

  it('unescapes \\" and \\\\ inside quotes and rejects other escapes', () => {
    expect(parseIdempotencyKey('"a\\"b\\\\c"')).toEqual({ ok: true, value: 'a"b\\c' });
    expect(parseIdempotencyKey('"a\\nb"').ok).toBe(false);
    expect(parseIdempotencyKey('"unterminated').ok).toBe(false);
    expect(parseIdempotencyKey('"a"b"').ok).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['empty string', '""'],
    ['whitespace inside a bare key', 'a b'],
    ['repeated header', ['a', 'b']],
    ['256 characters', 'k'.repeat(256)],
    ['non-ASCII', 'ключ'],
  ])('rejects a %s key with validation-failed', (_label, header) => {
    const result = parseIdempotencyKey(header);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ status: 400, code: 'validation-failed' });
  });

  it('accepts exactly 255 characters', () => {
    expect(parseIdempotencyKey('k'.repeat(255))).toEqual({ ok: true, value: 'k'.repeat(255) });
  });
});
