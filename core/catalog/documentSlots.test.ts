import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentSlotsSchema, missingRequiredSlots, slotsFor } from './documentSlots';

const data = documentSlotsSchema.parse(JSON.parse(readFileSync(new URL('../../resources/catalog/documentSlots.json', import.meta.url), 'utf8')));
const required = (slots: ReturnType<typeof slotsFor>) => slots.filter((s) => s.required).map((s) => s.id);

describe('slotsFor', () => {
  it('asks for qualification documents when a licence is issued, and for re-issue grounds when it is re-issued', () => {
    expect(required(slotsFor(data, 'issue', false))).toEqual(['application', 'identity', 'fee-receipt', 'qualification']);
    expect(required(slotsFor(data, 'reissue', false))).toEqual(['application', 'identity', 'fee-receipt', 'reissue-grounds']);
    expect(required(slotsFor(data, 'duplicate', false))).toEqual(['application', 'identity', 'fee-receipt']);
  });

  it('adds a required power-of-attorney slot only for a represented applicant', () => {
    expect(slotsFor(data, 'duplicate', false).map((s) => s.id)).not.toContain('power-of-attorney');
    expect(slotsFor(data, 'duplicate', true).find((s) => s.id === 'power-of-attorney')?.required).toBe(true);
  });

  it('keeps an optional slot for anything else the applicant brings', () => {
    expect(slotsFor(data, 'issue', false).find((s) => s.id === 'other')).toMatchObject({ required: false, title: { kk: 'Басқа құжаттар' } });
  });

  it('lists the required slots that still have no page', () => {
    const slots = slotsFor(data, 'duplicate', true);
    expect(missingRequiredSlots(slots, { application: 1, identity: 2 })).toEqual(['power-of-attorney', 'fee-receipt']);
    expect(missingRequiredSlots(slots, { application: 1, identity: 1, 'power-of-attorney': 1, 'fee-receipt': 1 })).toEqual([]);
  });

  it('says where the list comes from and why it is generic', () => {
    expect(data.source).toMatch(/9-тармағында/);
    expect(data.source).toMatch(/Standards are not among the seeds/);
  });
});
