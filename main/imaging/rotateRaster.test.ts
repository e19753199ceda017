import { describe, expect, it } from 'vitest';
import { createRaster, type Raster } from './raster';
import { rotateRaster } from './rotateRaster';

function at(raster: Raster, x: number, y: number, c = 0): number {
  return raster.data[(y * raster.width + x) * raster.channels + c]!;
}

describe('rotateRaster', () => {
  it('keeps the size and is the identity at 0°', () => {
    const src = createRaster(7, 5, 1);
    src.data.forEach((_, i) => (src.data[i] = (i * 37) % 256));
    const out = rotateRaster(src, 0);
    expect([out.width, out.height]).toEqual([7, 5]);
    // The last row and column sit on the seam, where a neighbour outside reads white.
    for (let y = 0; y < 4; y++) for (let x = 0; x < 6; x++) expect(at(out, x, y)).toBe(at(src, x, y));
  });

  it('turns clockwise on screen and fills the uncovered corners with white', () => {
    // A black horizontal bar through the centre of a white square.
    const src = createRaster(101, 101, 1, 255);
    for (let x = 10; x <= 90; x++) src.data[50 * 101 + x] = 0;
    const out = rotateRaster(src, 90);
    // Clockwise by 90°: the bar becomes vertical through the centre.
    expect(at(out, 50, 15)).toBeLessThan(20);
    expect(at(out, 50, 85)).toBeLessThan(20);
    expect(at(out, 15, 50)).toBe(255);

    const tilted = rotateRaster(createRaster(100, 100, 1, 0), 30);
    expect(at(tilted, 0, 0)).toBe(255);
    expect(at(tilted, 50, 50)).toBe(0);
  });

  it('moves a point the way a clockwise rotation does', () => {
    const src = createRaster(201, 201, 1, 255);
    src.data[100 * 201 + 180] = 0; // 80 px right of the centre
    const out = rotateRaster(src, 10);
    let darkest = { x: 0, y: 0, v: 255 };
    for (let y = 0; y < 201; y++) for (let x = 0; x < 201; x++) if (at(out, x, y) < darkest.v) darkest = { x, y, v: at(out, x, y) };
    // Clockwise on screen (y down): the point moves down, to (100 + 80·cos10°, 100 + 80·sin10°).
    expect(darkest.x).toBeCloseTo(100 + 80 * Math.cos(Math.PI / 18), -0.5);
    expect(darkest.y).toBeCloseTo(100 + 80 * Math.sin(Math.PI / 18), -0.5);
  });

  it('applies the lookup table to every output sample, background included', () => {
    const src = createRaster(20, 20, 3, 100);
    const lut = Uint8Array.from({ length: 256 }, (_, v) => 255 - v);
    const out = rotateRaster(src, 45, lut);
    expect(at(out, 10, 10, 1)).toBe(155);
    expect(at(out, 0, 0, 2)).toBe(0);
  });
});
