import { describe, expect, it } from 'vitest';
import { journalStatusOf } from './journalStatus';

const tracking = { status: 'issued' as const, history: [], decision: null, resultAvailable: true, resultStored: false, checkedAt: '2026-11-20T05:00:00.000Z', nextCheckAt: null };

describe('journalStatusOf', () => {
  it('prefers hand-over, then the provider status, then the local state', () => {
    expect(journalStatusOf({ state: 'registered', tracking, handOver: { handedOverAt: '2026-11-21T05:00:00.000Z', operatorId: 'op', operatorName: 'A' } })).toBe('handed-over');
    expect(journalStatusOf({ state: 'registered', tracking, handOver: null })).toBe('issued');
    expect(journalStatusOf({ state: 'accepted', tracking: null, handOver: null })).toBe('accepted');
    expect(journalStatusOf({ state: 'withdrawn', tracking: null, handOver: null })).toBe('withdrawn');
  });
});
