import { describe, expect, it } from 'vitest';
import { applyLut, histogram, levelsLut, normalisingLevels, otsuThreshold, percentile, thresholdLut } from './levels';
import type { Raster } from './raster';

function histOf(values: Record<number, number>): Uint32Array {
  const hist = new Uint32Array(256);
  for (const [v, count] of Object.entries(values)) hist[Number(v)] = count;
  return hist;
}

describe('levels', () => {
  it('counts values, optionally sampling rows', () => {
    const gray: Raster = { width: 2, height: 2, channels: 1, data: Uint8Array.from([0, 255, 10, 10]) };
    const hist = histogram(gray);
    expect([hist[0], hist[10], hist[255]]).toEqual([1, 2, 1]);
    expect(histogram(gray, 2)[10]).toBe(0);
  });

  it('finds percentiles', () => {
    const hist = histOf({ 20: 5, 200: 90, 250: 5 });
    expect(percentile(hist, 1)).toBe(20);
    expect(percentile(hist, 50)).toBe(200);
    expect(percentile(hist, 99)).toBe(250);
  });

  it('splits ink from paper with Otsu', () => {
    const t = otsuThreshold(histOf({ 30: 100, 35: 100, 230: 900, 240: 900 }));
    expect(t).toBeGreaterThan(35);
    expect(t).toBeLessThanOrEqual(230);
  });

  it('stretches a text page fully but caps the gain on a near-blank one', () => {
    expect(normalisingLevels(histOf({ 40: 5, 120: 5, 235: 90 }))).toEqual({ black: 40, white: 235 });
    // Paper 228–236 with noise: stretching that to 0–255 would be pure grain.
    const blank = normalisingLevels(histOf({ 228: 5, 232: 90, 236: 5 }));
    expect(blank.white).toBe(236);
    expect(blank.white - blank.black).toBe(128);
  });

  it('builds lookup tables for levels and thresholds', () => {
    const lut = levelsLut({ black: 50, white: 200 });
    expect([lut[0], lut[50], lut[125], lut[200], lut[255]]).toEqual([0, 0, 128, 255, 255]);
    const bw = thresholdLut(lut, 128);
    expect([bw[124], bw[125], bw[126]]).toEqual([0, 255, 255]);
    const raster: Raster = { width: 3, height: 1, channels: 1, data: Uint8Array.from([0, 125, 255]) };
    expect(Array.from(applyLut(raster, lut).data)).toEqual([0, 128, 255]);
  });
});
