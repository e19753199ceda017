import { describe, expect, it } from 'vitest';
import { analysisFactor, boxDownscale } from './downscale';
import type { Raster } from './raster';

describe('boxDownscale', () => {
  it('averages each block, edge blocks over what is there', () => {
    const gray: Raster = { width: 5, height: 3, channels: 1, data: Uint8Array.from([0, 0, 100, 100, 7, 0, 0, 100, 100, 7, 50, 50, 10, 10, 7]) };
    const small = boxDownscale(gray, 2);
    expect([small.width, small.height]).toEqual([3, 2]);
    expect(Array.from(small.data)).toEqual([0, 100, 7, 50, 10, 7]);
  });

  it('treats RGB channels separately', () => {
    const rgb: Raster = { width: 2, height: 1, channels: 3, data: Uint8Array.from([255, 0, 10, 255, 100, 20]) };
    expect(Array.from(boxDownscale(rgb, 2).data)).toEqual([255, 50, 15]);
  });

  it('returns the raster itself for factor 1 and refuses nonsense factors', () => {
    const gray: Raster = { width: 1, height: 1, channels: 1, data: Uint8Array.from([9]) };
    expect(boxDownscale(gray, 1)).toBe(gray);
    expect(() => boxDownscale(gray, 1.5)).toThrow();
  });

  it('picks a factor that brings pages near 620 px on the short side', () => {
    expect(analysisFactor(2480, 3508)).toBe(4);
    expect(analysisFactor(1240, 1754)).toBe(2);
    expect(analysisFactor(4960, 7016)).toBe(8);
    expect(analysisFactor(300, 400)).toBe(1);
  });
});
