import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kzTimeZoneDataIsCurrent, toKzLocalDate } from './kzLocalDate';

describe('toKzLocalDate', () => {
  it('uses UTC+5 since 1 March 2024: 18:30Z on 1 March is still 1 March (23:30 local)', () => {
    expect(toKzLocalDate('2024-03-01T18:30:00Z')).toEqual({ ok: true, value: '2024-03-01' });
    expect(toKzLocalDate('2026-07-01T19:00:00Z')).toEqual({ ok: true, value: '2026-07-02' }); // 00:00 local
    expect(toKzLocalDate('2026-07-01T18:59:59.999Z')).toEqual({ ok: true, value: '2026-07-01' }); // 23:59:59 local
  });

  it('used UTC+6 in Almaty before: 18:30Z on 1 Feb 2024 was already 2 February (00:30 local)', () => {
    expect(toKzLocalDate('2024-02-01T18:30:00Z')).toEqual({ ok: true, value: '2024-02-02' });
  });

  it('honours the offset written in the instant', () => {
    expect(toKzLocalDate('2026-01-05T00:30:00+05:00')).toEqual({ ok: true, value: '2026-01-05' });
    expect(toKzLocalDate('2026-01-04T23:30:00-01:00')).toEqual({ ok: true, value: '2026-01-05' }); // 05:30 local
  });

  it('refuses instants without an offset and garbage', () => {
    expect(toKzLocalDate('2026-01-05T10:00:00')).toEqual({ ok: false, error: { kind: 'invalid-instant', value: '2026-01-05T10:00:00' } });
    expect(toKzLocalDate('2026-13-05T10:00:00Z').ok).toBe(false);
    expect(toKzLocalDate('yesterday').ok).toBe(false);
  });

  it('this runtime\'s ICU knows the 2024 change', () => {
    expect(kzTimeZoneDataIsCurrent()).toBe(true);
  });

  it('equals the UTC date of instant + 5 h for any instant after the change', () => {
    const from = Date.parse('2024-02-29T18:00:00Z');
    fc.assert(fc.property(fc.integer({ min: from, max: Date.parse('2030-01-01T00:00:00Z') }), (ms) => {
      const expected = new Date(ms + 5 * 3_600_000).toISOString().slice(0, 10);
      expect(toKzLocalDate(new Date(ms).toISOString())).toEqual({ ok: true, value: expected });
    }));
  });
});
