import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/translator';
import { formatNormDuration } from './formatNormDuration';
import { regulationSetOf, requestCapMinutesOf, stepNormOf } from './regulationNorms';

describe('regulation norms (regulations.md §3.2)', () => {
  it('identifies the regulation version from the seed file', () => {
    expect(regulationSetOf('000_633c90a07688dd66.txt')).toBe('12');
    expect(regulationSetOf('002_9149a4a58fa77cb3.txt')).toBe('14');
    expect(regulationSetOf('004_c2f579d9b7e9f36d.txt')).toBe('P4');
    expect(regulationSetOf('999_0000000000000000.txt')).toBeNull();
  });

  it('gives the printed per-step times of the 2012 PSC regulations', () => {
    const seed = '000_633c90a07688dd66.txt';
    expect(stepNormOf(seed, 'service')).toEqual({ fromSeconds: 30 });
    expect(stepNormOf(seed, 'review')).toEqual({ fromSeconds: 30, toSeconds: 300 });
  });

  it('gives none where the regulation prints none, and the 15-minute cap for the 2014 ones', () => {
    expect(stepNormOf('002_9149a4a58fa77cb3.txt', 'applicant')).toBeNull();
    expect(requestCapMinutesOf('002_9149a4a58fa77cb3.txt')).toBe(15);
    expect(stepNormOf('004_c2f579d9b7e9f36d.txt', 'documents')).toBeNull();
    expect(stepNormOf('001_b92f528bf720474f.txt', 'review')).toBeNull();
  });

  it('formats the times the way the regulations print them', () => {
    const kk = createTranslator('kk');
    expect(formatNormDuration({ fromSeconds: 30 }, kk)).toBe('30 сек');
    expect(formatNormDuration({ fromSeconds: 90 }, kk)).toBe('1,5 мин');
    expect(formatNormDuration({ fromSeconds: 10, toSeconds: 15 }, kk)).toBe('10–15 сек');
    expect(formatNormDuration({ fromSeconds: 30, toSeconds: 300 }, kk)).toBe('30 сек – 5 мин');
    expect(formatNormDuration({ fromSeconds: 90 }, createTranslator('en'))).toBe('1.5 min');
  });
});
