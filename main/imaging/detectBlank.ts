import type { Raster } from './raster';

export interface BlankOptions {
  /** Luma below this is "not white": NAPS2's default white 70 % gives 1 + 0.70 × 254 ≈ 179. */
  readonly whiteThreshold?: number;
  /** Largest non-white share (0–1) that is still blank. */
  readonly maxCoverage?: number;
  /** Share of each dimension ignored at every edge (NAPS2: 1 %). */
  readonly margin?: number;
  /** Edge bands trimmed as shadow at most this share of the dimension, per side. */
  readonly maxShadow?: number;
  /**
   * Smallest 8-connected dark region that counts, in pixels of the reduced copy (~75 dpi for A4):
   * a letter at 10 pt is 15–40 pixels there, a speck of dust one to four.
   */
  readonly minComponent?: number;
}

export interface BlankResult {
  readonly isBlank: boolean;
  readonly nonWhiteFraction: number;
}

/**
 * NAPS2-style blank-page test on a downscaled gray copy of the page as stored:
 * - the 1 % margin at each edge is ignored, as in NAPS2;
 * - rows and columns along an edge that are mostly dark (a scanner lid shadow, a dark platen
 *   edge) are trimmed too: no line of real content is dark along most of the page's length;
 * - dark regions smaller than a letter are dust: the box downscale already fades specks of a few
 *   pixels, and this drops what survives. NAPS2 counts every dark pixel, so its 0.15 % limit calls
 *   a page carrying one short line (0.03–0.06 % of an A4 page) blank; without the dust this
 *   limit can sit at 0.01 %.
 */
export function detectBlank(gray: Raster, options: BlankOptions = {}): BlankResult {
  if (gray.channels !== 1) throw new Error('detectBlank needs a gray raster');
  const threshold = options.whiteThreshold ?? 179;
  const maxCoverage = options.maxCoverage ?? DEFAULT_MAX_COVERAGE;
  const margin = options.margin ?? 0.01;
  const maxShadow = options.maxShadow ?? 0.1;
  const minComponent = options.minComponent ?? 8;
  const { width, height, data } = gray;
  const dark = (x: number, y: number) => data[y * width + x]! < threshold;

  let x0 = Math.ceil(width * margin);
  let x1 = width - x0;
  let y0 = Math.ceil(height * margin);
  let y1 = height - y0;
  const mostlyDarkColumn = (x: number) => share(y0, y1, (y) => dark(x, y)) > 0.5;
  const mostlyDarkRow = (y: number) => share(x0, x1, (x) => dark(x, y)) > 0.5;
  const shadowColumns = Math.floor(width * maxShadow);
  const shadowRows = Math.floor(height * maxShadow);
  for (let n = 0; n < shadowColumns && x0 < x1 && mostlyDarkColumn(x0); n++) x0++;
  for (let n = 0; n < shadowColumns && x1 > x0 && mostlyDarkColumn(x1 - 1); n++) x1--;
  for (let n = 0; n < shadowRows && y0 < y1 && mostlyDarkRow(y0); n++) y0++;
  for (let n = 0; n < shadowRows && y1 > y0 && mostlyDarkRow(y1 - 1); n++) y1--;

  const area = (x1 - x0) * (y1 - y0);
  if (area <= 0) return { isBlank: false, nonWhiteFraction: 1 };
  const count = countComponentPixels(gray, { x0, x1, y0, y1 }, threshold, minComponent);
  const nonWhiteFraction = count / area;
  return { isBlank: nonWhiteFraction <= maxCoverage, nonWhiteFraction };
}

interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** Dark pixels inside `box` that belong to 8-connected dark regions of at least `minSize` pixels. */
function countComponentPixels(gray: Raster, box: Box, threshold: number, minSize: number): number {
  const { width, data } = gray;
  const visited = new Uint8Array(data.length);
  const stack: number[] = [];
  let total = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const start = y * width + x;
      if (visited[start] || data[start]! >= threshold) continue;
      visited[start] = 1;
      stack.push(start);
      let size = 0;
      while (stack.length > 0) {
        const i = stack.pop()!;
        size++;
        const cx = i % width;
        const cy = (i - cx) / width;
        for (let ny = Math.max(box.y0, cy - 1); ny <= Math.min(box.y1 - 1, cy + 1); ny++) {
          for (let nx = Math.max(box.x0, cx - 1); nx <= Math.min(box.x1 - 1, cx + 1); nx++) {
            const j = ny * width + nx;
            if (!visited[j] && data[j]! < threshold) {
              visited[j] = 1;
              stack.push(j);
            }
          }
        }
      }
      if (size >= minSize) total += size;
    }
  }
  return total;
}

/**
 * 0.01 %, a tenth of NAPS2's 0.15 %: on generated A4 pages a single word measures ~0.03 %, a
 * dusty blank page with a lid shadow ≤ 0.002 % (see detectBlank.test.ts).
 */
export const DEFAULT_MAX_COVERAGE = 0.0001;

function share(from: number, to: number, test: (i: number) => boolean): number {
  if (to <= from) return 0;
  let hits = 0;
  for (let i = from; i < to; i++) if (test(i)) hits++;
  return hits / (to - from);
}
