import { describe, expect, it } from 'vitest';
import { providerTimeline } from './providerTimeline';

const REGISTERED = '2026-03-02T05:00:00.000Z';
const DAY = 60_000;
const at = (ms: number) => new Date(Date.parse(REGISTERED) + ms);
const timeline = (ms: number, outcome: 'issued' | 'refused' = 'issued', registeredAt = REGISTERED) =>
  providerTimeline({ registeredAt, now: at(ms), msPerProviderDay: DAY, outcome });

describe('providerTimeline', () => {
  it('is registered only, from the registration instant until just before a quarter day', () => {
    for (const ms of [0, 1, 14_999]) {
      expect(timeline(ms)).toEqual({
        history: [{ status: 'registered', at: REGISTERED }],
        status: 'registered',
        decidedAt: null,
        readyAt: null,
      });
    }
  });

  it('reaches under-review exactly at +0.25 day', () => {
    const t = timeline(15_000);
    expect(t.status).toBe('under-review');
    expect(t.history).toEqual([
      { status: 'registered', at: REGISTERED },
      { status: 'under-review', at: '2026-03-02T05:00:15.000Z' },
    ]);
    expect(timeline(59_999).status).toBe('under-review');
  });

  it('decides exactly at +1 day, with the outcome it is given', () => {
    const issued = timeline(60_000, 'issued');
    expect(issued.status).toBe('issued');
    expect(issued.decidedAt).toBe('2026-03-02T05:01:00.000Z');
    expect(issued.readyAt).toBeNull();
    const refused = timeline(60_000, 'refused');
    expect(refused.status).toBe('refused');
    expect(refused.history.map((e) => e.status)).toEqual(['registered', 'under-review', 'refused']);
    expect(timeline(89_999).status).toBe('issued');
  });

  it('is ready for hand-over exactly at +1.5 days and stays there', () => {
    for (const ms of [90_000, 90_001, 10 * DAY]) {
      const t = timeline(ms, 'refused');
      expect(t.status).toBe('ready-for-handover');
      expect(t.readyAt).toBe('2026-03-02T05:01:30.000Z');
      expect(t.history).toEqual([
        { status: 'registered', at: REGISTERED },
        { status: 'under-review', at: '2026-03-02T05:00:15.000Z' },
        { status: 'refused', at: '2026-03-02T05:01:00.000Z' },
        { status: 'ready-for-handover', at: '2026-03-02T05:01:30.000Z' },
      ]);
    }
  });

  it('answers registered for a clock behind the registration, and normalises the instant to UTC', () => {
    expect(timeline(-5_000).history).toHaveLength(1);
    const t = providerTimeline({ registeredAt: '2026-03-02T10:00:00+05:00', now: at(90_000), msPerProviderDay: DAY, outcome: 'issued' });
    expect(t.history[0]).toEqual({ status: 'registered', at: REGISTERED });
    expect(t.status).toBe('ready-for-handover');
  });

  it('scales with the provider day length (a real working day)', () => {
    const workingDay = 8 * 3_600_000;
    const t = providerTimeline({ registeredAt: REGISTERED, now: new Date('2026-03-02T07:00:00.000Z'), msPerProviderDay: workingDay, outcome: 'issued' });
    expect(t.history.map((e) => e.at)).toEqual([REGISTERED, '2026-03-02T07:00:00.000Z']);
  });

  it('refuses a non-positive day length', () => {
    expect(() => providerTimeline({ registeredAt: REGISTERED, now: at(0), msPerProviderDay: 0, outcome: 'issued' })).toThrow(/positive/);
  });
});
