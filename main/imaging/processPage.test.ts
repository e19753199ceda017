import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ProcessOptions, ProcessedPage } from '../ports/ImagePipeline';
import { analysisFactor, boxDownscale } from './downscale';
import { estimateSkew } from './estimateSkew';
import { processPage, rotatePage } from './processPage';
import { toLuma, type Raster } from './raster';
import { pngBomb, randomBytes, truncated } from './testSupport/hostileFixtures';
import { A4_150DPI, encodeRaster, renderPage, sampleLines } from './testSupport/pageFixtures';

const limits = { maxPixels: 60_000_000 };
const DEFAULT: ProcessOptions = { mode: 'gray', normalise: true, deskew: true, rotateDegrees: 0, detectBlank: true };

async function processed(bytes: Uint8Array, options: Partial<ProcessOptions> = {}): Promise<ProcessedPage> {
  const { result } = await processPage(bytes, { ...DEFAULT, ...options }, limits);
  if (!result.ok) throw new Error(`expected a page, got ${JSON.stringify(result.error)}`);
  return result.value;
}

async function decodedGray(bytes: Uint8Array): Promise<Raster> {
  const { data, info } = await sharp(bytes).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: 1, data: new Uint8Array(data) };
}

const pngHeader = (bytes: Uint8Array) => ({ bitDepth: bytes[24], colourType: bytes[25] });

describe('processPage', () => {
  it('stores a skewed gray scan as a straight 1-channel JPEG with its density, size and a thumbnail', async () => {
    const input = await encodeRaster(await renderPage({ ...A4_150DPI, lines: sampleLines(26, 2), angleDegrees: 3.1, noiseSigma: 4 }), 'png', 150);
    const page = await processed(input);
    expect(page).toMatchObject({ mediaType: 'image/jpeg', widthPx: 1240, heightPx: 1754, dpi: 150, blank: { isBlank: false } });
    expect(page.skewCorrectedDegrees).toBeCloseTo(3.1, 0);
    const meta = await sharp(page.bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', channels: 1, width: 1240, height: 1754, density: 150 });
    expect(page.thumbnail.widthPx).toBe(200);
    expect(page.thumbnail.heightPx).toBe(Math.round((200 * 1754) / 1240));
    expect(await sharp(page.thumbnail.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 200 });

    // The stored page itself is straight now.
    const output = await decodedGray(page.bytes);
    const residual = estimateSkew(toLuma(boxDownscale(output, analysisFactor(output.width, output.height))));
    expect(Math.abs(residual.degrees)).toBeLessThanOrEqual(0.5);
  });

  it('normalises a dull scan: gray paper becomes white, ink stays dark', async () => {
    const input = await encodeRaster(await renderPage({ ...A4_150DPI, lines: sampleLines(20, 4), paper: 185, noiseSigma: 2 }), 'jpeg', 150);
    const output = await decodedGray((await processed(input, { deskew: false })).bytes);
    const sorted = Uint8Array.from(output.data).sort();
    expect(sorted[Math.floor(sorted.length * 0.5)]).toBeGreaterThanOrEqual(245);
    expect(sorted[Math.floor(sorted.length * 0.005)]).toBeLessThanOrEqual(40);
    const untouched = await decodedGray((await processed(input, { deskew: false, normalise: false })).bytes);
    const plain = Uint8Array.from(untouched.data).sort();
    expect(plain[Math.floor(plain.length * 0.5)]).toBeLessThan(195);
  });

  it('keeps colour in colour mode and writes 1-bit PNG in b/w mode', async () => {
    const input = await encodeRaster(await renderPage({ ...A4_150DPI, lines: sampleLines(10, 5), colour: true, angleDegrees: -1.5 }), 'jpeg', 150);
    const colour = await processed(input, { mode: 'color' });
    expect(colour.mediaType).toBe('image/jpeg');
    expect(await sharp(colour.bytes).metadata()).toMatchObject({ channels: 3, space: 'srgb' });
    expect(colour.skewCorrectedDegrees).toBeCloseTo(-1.5, 0);

    const bw = await processed(input, { mode: 'bw' });
    expect(bw.mediaType).toBe('image/png');
    expect(pngHeader(bw.bytes)).toEqual({ bitDepth: 1, colourType: 0 });
    expect(await sharp(bw.bytes).metadata()).toMatchObject({ width: 1240, height: 1754, density: 150 });
    const values = new Set((await decodedGray(bw.bytes)).data);
    expect([...values].sort((a, b) => a - b)).toEqual([0, 255]);
  });

  it('applies the quarter turn before deskewing, so a page fed sideways comes out upright and straight', async () => {
    const upright = await renderPage({ ...A4_150DPI, lines: sampleLines(26, 6), angleDegrees: -2.4, noiseSigma: 3 });
    const sideways = await sharp(upright.data, { raw: { width: upright.width, height: upright.height, channels: 1 } }).rotate(90).toColourspace('b-w').png().toBuffer();
    const page = await processed(new Uint8Array(sideways), { rotateDegrees: 270 });
    expect([page.widthPx, page.heightPx]).toEqual([1240, 1754]);
    expect(page.skewCorrectedDegrees).toBeCloseTo(-2.4, 0);
  });

  it('leaves skew and blankness alone when asked to, and finds a blank page blank', async () => {
    const skewed = await encodeRaster(await renderPage({ ...A4_150DPI, lines: sampleLines(20, 7), angleDegrees: 2 }), 'png', 150);
    expect(await processed(skewed, { deskew: false, detectBlank: false })).toMatchObject({ skewCorrectedDegrees: 0, blank: null });
    const blank = await encodeRaster(await renderPage({ ...A4_150DPI, noiseSigma: 5, specks: 40 }), 'png', 150);
    expect(await processed(blank)).toMatchObject({ skewCorrectedDegrees: 0, blank: { isBlank: true } });
  });

  it('reads TIFF, WebP and CMYK JPEG, and infers an A4 page when no density is recorded', async () => {
    const raster = await renderPage({ ...A4_150DPI, lines: sampleLines(8, 8) });
    for (const format of ['tiff', 'webp'] as const) {
      expect(await processed(await encodeRaster(raster, format, 150), { deskew: false })).toMatchObject({ widthPx: 1240, dpi: 150 });
    }
    const bare = await sharp(raster.data, { raw: { width: 1240, height: 1754, channels: 1 } }).png().toBuffer();
    expect((await processed(new Uint8Array(bare), { deskew: false })).dpi).toBe(150);
    // JPEGs from print workflows are sometimes CMYK.
    const cmyk = await sharp(raster.data, { raw: { width: 1240, height: 1754, channels: 1 } }).toColourspace('cmyk').jpeg().toBuffer();
    const colour = await processed(new Uint8Array(cmyk), { mode: 'color', deskew: false });
    expect(await sharp(colour.bytes).metadata()).toMatchObject({ space: 'srgb', channels: 3 });
  });

  it('answers each kind of bad input with its own error', async () => {
    const png = await encodeRaster(await renderPage({ ...A4_150DPI, lines: sampleLines(5) }), 'png', 150);
    const jpeg = await encodeRaster(await renderPage({ ...A4_150DPI, lines: sampleLines(5) }), 'jpeg', 150);
    const error = async (bytes: Uint8Array) => {
      const { result } = await processPage(bytes, DEFAULT, limits);
      return result.ok ? null : result.error;
    };
    expect(await error(truncated(jpeg))).toMatchObject({ kind: 'corrupt' });
    expect(await error(truncated(png))).toMatchObject({ kind: 'corrupt' });
    expect(await error(png.slice(0, 30))).toMatchObject({ kind: 'corrupt' });
    // A format's signature followed by garbage is a damaged file of that format, not "not an image".
    for (const signature of [[0xff, 0xd8, 0xff, 0xe0], [0x49, 0x49, 0x2a, 0x00]]) {
      expect(await error(Uint8Array.from([...signature, ...randomBytes(3000, 5)]))).toMatchObject({ kind: 'corrupt' });
    }
    expect(await error(randomBytes(4096))).toEqual({ kind: 'not-an-image' });
    expect(await error(new TextEncoder().encode('Өтініш — this is a text file named page.png\n'))).toEqual({ kind: 'not-an-image' });
    expect(await error(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'))).toEqual({ kind: 'unsupported-format', format: 'svg' });
    expect(await error(await pngBomb())).toEqual({ kind: 'too-many-pixels', widthPx: 30_000, heightPx: 30_000, limitPx: 60_000_000 });
  });
});

describe('rotatePage', () => {
  it('turns a stored gray JPEG clockwise and keeps it a 1-channel JPEG with its density', async () => {
    const page = await processed(await encodeRaster(await renderPage({ ...A4_150DPI, lines: sampleLines(6) }), 'png', 150), { deskew: false });
    const turned = await rotatePage(page.bytes, 90, limits);
    if (!turned.ok) throw new Error(turned.error.kind);
    expect(turned.value).toMatchObject({ mediaType: 'image/jpeg', widthPx: 1754, heightPx: 1240, dpi: 150 });
    expect(await sharp(turned.value.bytes).metadata()).toMatchObject({ channels: 1, width: 1754 });
    expect(turned.value.thumbnail.widthPx).toBe(200);
  });

  it('keeps a b/w page 1-bit, and refuses formats the pipeline never stores', async () => {
    const raster = await renderPage({ ...A4_150DPI, lines: sampleLines(6) });
    const bw = await processed(await encodeRaster(raster, 'png', 150), { mode: 'bw', deskew: false });
    const turned = await rotatePage(bw.bytes, 180, limits);
    if (!turned.ok) throw new Error(turned.error.kind);
    expect(turned.value.mediaType).toBe('image/png');
    expect(pngHeader(turned.value.bytes)).toEqual({ bitDepth: 1, colourType: 0 });
    expect(await rotatePage(await encodeRaster(raster, 'tiff'), 90, limits)).toEqual({ ok: false, error: { kind: 'unsupported-format', format: 'tiff' } });
  });
});
