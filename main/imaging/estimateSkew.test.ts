import { describe, expect, it } from 'vitest';
import { analysisFactor, boxDownscale } from './downscale';
import { estimateSkew } from './estimateSkew';
import { toLuma, type Raster } from './raster';
import { seededRandom } from '../../core/random/seededRandom';
import { A4_150DPI, renderPage, sampleLines } from './testSupport/pageFixtures';

/** What processPage hands the estimator: the page reduced to ~620 px on its short side. */
const reduce = (page: Raster) => toLuma(boxDownscale(page, analysisFactor(page.width, page.height)));

describe('estimateSkew', () => {
  // 150 dpi keeps the test fast; the estimator sees the same ~620-px copy as at 300 dpi.
  const angles = [-9.6, -6.3, -3.2, -1.1, -0.4, 0, 0.3, 0.8, 2.4, 5.5, 8.7];

  it('measures known skews within 0.5° (typically within 0.05°)', async () => {
    const errors: number[] = [];
    for (const [i, angle] of angles.entries()) {
      const page = await renderPage({ ...A4_150DPI, lines: sampleLines(28, i + 1), angleDegrees: angle, noiseSigma: 4, seed: i + 1 });
      const estimate = estimateSkew(reduce(page));
      expect(estimate.consistent, `page at ${angle}°`).toBe(true);
      errors.push(Math.abs(estimate.degrees - angle));
    }
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.1);
  });

  it('works on colour pages with a few lines only', async () => {
    const page = await renderPage({ ...A4_150DPI, lines: sampleLines(4, 9), angleDegrees: -2.2, colour: true, noiseSigma: 3 });
    const estimate = estimateSkew(reduce(page));
    expect(estimate.consistent).toBe(true);
    expect(Math.abs(estimate.degrees + 2.2)).toBeLessThanOrEqual(0.5);
  });

  it('reports no consistent skew for a blank page, noise or a photo-like page', async () => {
    const blank = await renderPage({ ...A4_150DPI, noiseSigma: 5, specks: 30 });
    expect(estimateSkew(reduce(blank))).toMatchObject({ degrees: 0, consistent: false });

    const random = seededRandom(3);
    const noise: Raster = { width: 620, height: 877, channels: 1, data: Uint8Array.from({ length: 620 * 877 }, () => Math.floor(random() * 256)) };
    expect(estimateSkew(noise)).toMatchObject({ degrees: 0, consistent: false });

    // Smooth dark and light blobs: something like a photograph of a face or a landscape.
    const photo: Raster = {
      width: 620,
      height: 877,
      channels: 1,
      data: Uint8Array.from({ length: 620 * 877 }, (_, i) => {
        const x = i % 620;
        const y = Math.floor(i / 620);
        return Math.round(128 + 100 * Math.sin(x / 37) * Math.cos(y / 53) + 20 * Math.sin((x + y) / 11));
      }),
    };
    expect(estimateSkew(photo)).toMatchObject({ degrees: 0, consistent: false });
  });
});
