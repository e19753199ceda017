import { describe, expect, it } from 'vitest';
import { seededRandom } from './seededRandom';

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, another for another seed, all in [0, 1)', () => {
    const take = (seed: number) => Array.from({ length: 1000 }, seededRandom(seed));
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    const values = take(12345);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    // Roughly uniform: each decile holds 10 % ± 3 %.
    for (let decile = 0; decile < 10; decile++) {
      const share = values.filter((v) => Math.floor(v * 10) === decile).length / values.length;
      expect(share).toBeGreaterThan(0.07);
      expect(share).toBeLessThan(0.13);
    }
  });

  it('starts where mulberry32 starts', () => {
    expect(seededRandom(1)()).toBeCloseTo(0.6270739405881613, 15);
  });
});
