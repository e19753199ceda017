import { describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../../core/calendar/localDate';
import { MAX_CALENDAR_OVERRIDES, parseOverrideInput } from './overrideInput';

const existing = [{ date: localDate('2026-01-05'), kind: 'day-off' as const, note: 'Decree' }];

describe('parseOverrideInput', () => {
  it('parses a date, kind and trimmed note into the contract shape', () => {
    expect(parseOverrideInput({ date: '2026-03-09', kind: 'working-day', note: '  Order No. 1  ' }, existing)).toEqual({
      ok: true,
      value: { date: '2026-03-09', kind: 'working-day', note: 'Order No. 1' },
    });
  });

  it('names each way the input is incomplete or wrong', () => {
    expect(parseOverrideInput({ date: ' ', kind: 'day-off', note: 'x' }, existing)).toEqual({ ok: false, error: { kind: 'date-required' } });
    expect(parseOverrideInput({ date: '2026-02-30', kind: 'day-off', note: 'x' }, existing)).toEqual({
      ok: false,
      error: { kind: 'invalid-date', value: '2026-02-30' },
    });
    expect(parseOverrideInput({ date: '05.01.2026', kind: 'day-off', note: 'x' }, existing)).toMatchObject({ error: { kind: 'invalid-date' } });
    expect(parseOverrideInput({ date: '2026-03-09', kind: 'day-off', note: '   ' }, existing)).toEqual({ ok: false, error: { kind: 'note-required' } });
    expect(parseOverrideInput({ date: '2026-01-05', kind: 'working-day', note: 'x' }, existing)).toEqual({
      ok: false,
      error: { kind: 'duplicate-date', date: '2026-01-05' },
    });
  });

  it('keeps within the number of overrides the contract accepts', () => {
    const full = Array.from({ length: MAX_CALENDAR_OVERRIDES }, (_, i) => ({ date: addDays(localDate('2027-01-01'), i), kind: 'day-off' as const, note: 'n' }));
    expect(parseOverrideInput({ date: '2026-03-09', kind: 'day-off', note: 'x' }, full)).toEqual({ ok: false, error: { kind: 'too-many', max: 400 } });
  });
});
