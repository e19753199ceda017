import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_COVERAGE, detectBlank } from './detectBlank';
import { analysisFactor, boxDownscale } from './downscale';
import type { Raster } from './raster';
import { A4_150DPI, A4_300DPI, renderPage, sampleLines, type PageSpec } from './testSupport/pageFixtures';

const reduce = (page: Raster) => boxDownscale(page, analysisFactor(page.width, page.height));
const verdict = async (spec: PageSpec) => detectBlank(reduce(await renderPage(spec)));

describe('detectBlank', () => {
  it('finds a blank page blank', async () => {
    expect(await verdict({ ...A4_150DPI, noiseSigma: 4 })).toEqual({ isBlank: true, nonWhiteFraction: 0 });
  });

  it('finds a blank page with scanner noise, dust and a lid shadow blank', async () => {
    const left = await verdict({ ...A4_150DPI, noiseSigma: 6, specks: 150, shadow: { side: 'left', widthPx: 60 } });
    expect(left.isBlank).toBe(true);
    const top = await verdict({ ...A4_150DPI, paper: 225, noiseSigma: 6, specks: 80, shadow: { side: 'top', widthPx: 45 } });
    expect(top.isBlank).toBe(true);
  });

  it('finds a page with one short line of text not blank', async () => {
    const line = await verdict({ ...A4_150DPI, noiseSigma: 4, lines: ['Қолы: Иванов И.'] });
    expect(line.isBlank).toBe(false);
    // A single word still clears the limit with margin.
    const word = await verdict({ ...A4_150DPI, noiseSigma: 4, lines: ['Иванов'] });
    expect(word.isBlank).toBe(false);
    expect(word.nonWhiteFraction).toBeGreaterThan(2 * DEFAULT_MAX_COVERAGE);
  });

  it('finds a written page with a shadow not blank', async () => {
    const page = await verdict({ ...A4_150DPI, lines: sampleLines(20), shadow: { side: 'right', widthPx: 60 } });
    expect(page.isBlank).toBe(false);
    expect(page.nonWhiteFraction).toBeGreaterThan(0.02);
  });

  describe('at 300 dpi, the scanner default', () => {
    let dusty: Raster;
    let word: Raster;
    beforeAll(async () => {
      dusty = await renderPage({ ...A4_300DPI, noiseSigma: 5, specks: 300, shadow: { side: 'bottom', widthPx: 90 } });
      word = await renderPage({ ...A4_300DPI, noiseSigma: 5, lines: ['Иванов'] });
    });
    it('separates dust from a word by well over the coverage limit', () => {
      const blank = detectBlank(reduce(dusty));
      const written = detectBlank(reduce(word));
      expect(blank.isBlank).toBe(true);
      expect(blank.nonWhiteFraction).toBeLessThan(DEFAULT_MAX_COVERAGE / 5);
      expect(written.isBlank).toBe(false);
    });
  });
});
