import { histogram, otsuThreshold } from './levels';
import type { Raster } from './raster';

export interface SkewOptions {
  /** Search range, ± degrees. */
  readonly maxDegrees?: number;
  /** Coarse search step in degrees (a fine pass then refines around the best angle). */
  readonly stepDegrees?: number;
  /**
   * How much sharper the best projection must be than the median angle's for the skew to count as
   * consistent. Text lines give a sharp peak (ratios of 2–10); photos, noise and blank pages stay
   * near 1.
   */
  readonly minPeakRatio?: number;
}

export interface SkewEstimate {
  /** Positive: content leans clockwise on screen (lines descend to the right). 0 when not consistent. */
  readonly degrees: number;
  readonly consistent: boolean;
  /** Best score ÷ median score, for diagnostics. */
  readonly peakRatio: number;
}

const NONE: SkewEstimate = { degrees: 0, consistent: false, peakRatio: 0 };
/** Ink shares outside this range are not a text page (blank paper, a photo, a dark page). */
const MIN_INK = 0.0005;
const MAX_INK = 0.35;
/** Enough points for a stable profile; more only costs time. */
const MAX_POINTS = 20_000;

/**
 * Projection-profile deskew: for each candidate angle, shear the ink pixels so that lines at that
 * angle become horizontal and count them per row; the angle whose row counts vary the most
 * (largest sum of squares) is the one that lines the text up. Run on a downscaled gray copy
 * (about 620 px on the short side), where one degree moves a line's end by ~10 px.
 */
export function estimateSkew(gray: Raster, options: SkewOptions = {}): SkewEstimate {
  if (gray.channels !== 1) throw new Error('estimateSkew needs a gray raster');
  const maxDegrees = options.maxDegrees ?? 10;
  const step = options.stepDegrees ?? 0.2;
  const minPeakRatio = options.minPeakRatio ?? 1.3;
  const points = inkPoints(gray);
  if (!points) return NONE;

  const coarse = scoreAngles(points, gray, -maxDegrees, maxDegrees, step);
  const sorted = [...coarse.scores].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const best = argMax(coarse.scores);
  const peakRatio = median > 0 ? coarse.scores[best]! / median : 0;
  if (peakRatio < minPeakRatio) return { degrees: 0, consistent: false, peakRatio };

  const centre = coarse.angles[best]!;
  const fineStep = step / 10;
  const fine = scoreAngles(points, gray, centre - step, centre + step, fineStep);
  const i = argMax(fine.scores);
  let degrees = fine.angles[i]!;
  // Parabolic interpolation between the fine neighbours for a sub-step estimate.
  const left = fine.scores[i - 1];
  const right = fine.scores[i + 1];
  if (left !== undefined && right !== undefined) {
    const denominator = left - 2 * fine.scores[i]! + right;
    if (denominator < 0) degrees += (fineStep * (left - right)) / (2 * denominator);
  }
  return { degrees: Math.max(-maxDegrees, Math.min(maxDegrees, degrees)), consistent: true, peakRatio };
}

interface InkPoints {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
}

/** Coordinates of ink pixels (Otsu threshold), skipping a 2 % margin where borders and shadows live. */
function inkPoints(gray: Raster): InkPoints | null {
  const { width, height, data } = gray;
  const threshold = otsuThreshold(histogram(gray));
  const x0 = Math.floor(width * 0.02);
  const x1 = width - x0;
  const y0 = Math.floor(height * 0.02);
  const y1 = height - y0;
  let ink = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0, i = y * width + x0; x < x1; x++, i++) if (data[i]! < threshold) ink++;
  }
  const area = (x1 - x0) * (y1 - y0);
  if (area <= 0 || ink < MIN_INK * area || ink > MAX_INK * area) return null;
  const stride = Math.max(1, Math.ceil(ink / MAX_POINTS));
  const count = Math.floor(ink / stride);
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  let seen = 0;
  let n = 0;
  for (let y = y0; y < y1 && n < count; y++) {
    for (let x = x0, i = y * width + x0; x < x1 && n < count; x++, i++) {
      if (data[i]! < threshold && seen++ % stride === 0) {
        xs[n] = x;
        ys[n] = y;
        n++;
      }
    }
  }
  return { xs: xs.subarray(0, n), ys: ys.subarray(0, n) };
}

function scoreAngles(points: InkPoints, gray: Raster, from: number, to: number, step: number): { angles: number[]; scores: number[] } {
  const { xs, ys } = points;
  const reach = Math.ceil(gray.width * Math.tan((Math.max(Math.abs(from), Math.abs(to)) * Math.PI) / 180)) + 2;
  const bins = new Int32Array(gray.height + 2 * reach);
  const angles: number[] = [];
  const scores: number[] = [];
  const count = Math.round((to - from) / step);
  for (let k = 0; k <= count; k++) {
    const angle = from + k * step;
    const slope = Math.tan((angle * Math.PI) / 180);
    bins.fill(0);
    // Lines descending to the right (y = y0 + x·slope) collapse onto row y0; `+ reach + 0.5 | 0`
    // rounds, the value being positive.
    for (let j = 0; j < xs.length; j++) bins[(ys[j]! - xs[j]! * slope + reach + 0.5) | 0]!++;
    let score = 0;
    for (let b = 0; b < bins.length; b++) score += bins[b]! * bins[b]!;
    angles.push(angle);
    scores.push(score);
  }
  return { angles, scores };
}

function argMax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
