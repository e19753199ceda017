import type { Raster } from './raster';

/** Counts of each 8-bit value of a gray raster (256 bins). `rowStep` > 1 samples every n-th row. */
export function histogram(gray: Raster, rowStep = 1): Uint32Array {
  if (gray.channels !== 1) throw new Error('histogram needs a gray raster');
  const hist = new Uint32Array(256);
  const { width, height, data } = gray;
  for (let y = 0; y < height; y += rowStep) {
    const end = (y + 1) * width;
    for (let i = y * width; i < end; i++) hist[data[i]!]!++;
  }
  return hist;
}

/** The smallest value v such that at least `percent` % of the samples are ≤ v. */
export function percentile(hist: Uint32Array, percent: number): number {
  let total = 0;
  for (const count of hist) total += count;
  const wanted = (total * percent) / 100;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen >= wanted && seen > 0) return v;
  }
  return 255;
}

/** Otsu's threshold: the split maximising between-class variance (pixels < t are ink). */
export function otsuThreshold(hist: Uint32Array): number {
  let total = 0;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) {
    total += hist[v]!;
    sumAll += v * hist[v]!;
  }
  let weightBelow = 0;
  let sumBelow = 0;
  let best = 0;
  let bestThreshold = 128;
  for (let t = 1; t < 256; t++) {
    weightBelow += hist[t - 1]!;
    sumBelow += (t - 1) * hist[t - 1]!;
    const weightAbove = total - weightBelow;
    if (weightBelow === 0 || weightAbove === 0) continue;
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sumAll - sumBelow) / weightAbove;
    const between = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (between > best) {
      best = between;
      bestThreshold = t;
    }
  }
  return bestThreshold;
}

export interface Levels {
  /** Input value mapped to 0. */
  readonly black: number;
  /** Input value mapped to 255. */
  readonly white: number;
}

export interface LevelsOptions {
  readonly lowPercent?: number;
  readonly highPercent?: number;
  /**
   * Smallest input range stretched to 0–255. A blank or faint page has a narrow histogram (paper
   * plus sensor noise); stretching it fully turns the noise into black-and-white grain and bloats
   * the JPEG, so the black point is held at most this far below the white point (gain ≤ 2).
   */
  readonly minRange?: number;
}

/**
 * Contrast normalisation as sharp's `normalise()` does it (1st and 99th percentiles to black and
 * white), with the gain capped for near-blank pages. Computed here rather than by sharp because
 * `normalise()` costs ~0.7 s on an A4 page at 300 dpi (it re-reads the image to build its histogram).
 */
export function normalisingLevels(hist: Uint32Array, options: LevelsOptions = {}): Levels {
  const white = Math.max(1, percentile(hist, options.highPercent ?? 99));
  const low = percentile(hist, options.lowPercent ?? 1);
  const black = Math.max(0, Math.min(low, white - (options.minRange ?? 128)));
  return { black, white };
}

export const IDENTITY_LEVELS: Levels = { black: 0, white: 255 };

/** A 256-entry lookup table mapping black→0, white→255 linearly, clamped. */
export function levelsLut(levels: Levels): Uint8Array {
  const lut = new Uint8Array(256);
  const span = Math.max(1, levels.white - levels.black);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - levels.black) * 255) / span)));
  return lut;
}

/** Applies `lut` to every sample, in place-free fashion (returns a new raster). */
export function applyLut(raster: Raster, lut: Uint8Array): Raster {
  const data = new Uint8Array(raster.data.length);
  for (let i = 0; i < data.length; i++) data[i] = lut[raster.data[i]!]!;
  return { ...raster, data };
}

/** A table that thresholds after the levels: values below `threshold` (after levels) become 0, others 255. */
export function thresholdLut(levelsTable: Uint8Array, threshold: number): Uint8Array {
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = levelsTable[v]! < threshold ? 0 : 255;
  return lut;
}
