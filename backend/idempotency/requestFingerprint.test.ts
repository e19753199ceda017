import { describe, expect, it } from 'vitest';
import { canonicalJson, requestFingerprint } from './requestFingerprint';

describe('requestFingerprint', () => {
  it('ignores key order at every depth', () => {
    const a = { b: 1, a: { y: [1, { q: 1, p: 2 }], x: 'ж' } };
    const b = { a: { x: 'ж', y: [1, { p: 2, q: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"x":"ж","y":[1,{"p":2,"q":1}]},"b":1}');
    expect(requestFingerprint(a)).toBe(requestFingerprint(b));
  });

  it('changes with any value, array order or extra field', () => {
    const base = requestFingerprint({ a: [1, 2], b: 'x' });
    expect(requestFingerprint({ a: [2, 1], b: 'x' })).not.toBe(base);
    expect(requestFingerprint({ a: [1, 2], b: 'y' })).not.toBe(base);
    expect(requestFingerprint({ a: [1, 2], b: 'x', c: null })).not.toBe(base);
    expect(requestFingerprint({ a: [1, 2], b: 'x' })).toMatch(/^[0-9a-f]{64}$/);
  });
});
