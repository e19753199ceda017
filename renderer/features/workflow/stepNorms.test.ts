import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/translator';
import { BOOKMAKER_2012, CASINO_2014, SECURITY_2012 } from '../../test-support/fakeFixtures';
import { formatNormDuration } from './formatNormDuration';
import { dataUnavailableNormOf, requestCapMinutesOf, stepNormOf } from './stepNorms';

const norm = (minSeconds: number, maxSeconds: number) => ({ minSeconds, maxSeconds, quoteKk: 'as printed' });

describe('step norms from the catalog entry (regulations.md §3.2)', () => {
  it('maps the counter steps to the action-table rows of the 2012 PSC regulations', () => {
    expect(stepNormOf(BOOKMAKER_2012, 'service')).toEqual({ minSeconds: 30, maxSeconds: 30, quoteKk: '30 сек' });
    expect(stepNormOf(BOOKMAKER_2012, 'applicant')?.quoteKk).toBe('30 сек');
    expect(stepNormOf(BOOKMAKER_2012, 'review')).toEqual({ minSeconds: 30, maxSeconds: 300, quoteKk: '30 сек – 5 мин' });
    expect(dataUnavailableNormOf(BOOKMAKER_2012)?.quoteKk).toBe('1,5 мин');
  });

  it('gives none where the regulation prints none, and the 15-minute cap of the 2014 ones', () => {
    expect(stepNormOf(CASINO_2014, 'applicant')).toBeNull();
    expect(requestCapMinutesOf(CASINO_2014)).toBe(15);
    expect(stepNormOf(SECURITY_2012, 'review')).toBeNull();
    expect(requestCapMinutesOf(SECURITY_2012)).toBeNull();
  });

  it('treats an entry without the fields as giving no norms', () => {
    const older = { ...CASINO_2014, stepNorms: undefined, counterLimits: undefined };
    expect(stepNormOf(older, 'service')).toBeNull();
    expect(dataUnavailableNormOf(older)).toBeNull();
    expect(requestCapMinutesOf(older)).toBeNull();
  });

  it('renders the times in the interface language', () => {
    const kk = createTranslator('kk');
    expect(formatNormDuration(norm(30, 30), kk)).toBe('30 сек');
    expect(formatNormDuration(norm(90, 90), kk)).toBe('1,5 мин');
    expect(formatNormDuration(norm(10, 15), kk)).toBe('10–15 сек');
    expect(formatNormDuration(norm(30, 300), kk)).toBe('30 сек – 5 мин');
    expect(formatNormDuration(norm(90, 90), createTranslator('en'))).toBe('1.5 min');
    expect(formatNormDuration(norm(30, 60), createTranslator('en'))).toBe('30 s – 1 min');
  });
});
