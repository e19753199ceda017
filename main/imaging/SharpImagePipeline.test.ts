import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageError, ProcessOptions } from '../ports/ImagePipeline';
import type { StageTimings } from './processPage';
import { DEFAULT_MAX_INPUT_BYTES, SharpImagePipeline } from './SharpImagePipeline';
import { bundleImageWorker } from './testSupport/bundleImageWorker';
import { pngBomb, randomBytes, truncated } from './testSupport/hostileFixtures';
import { A4_150DPI, encodeRaster, renderPage, sampleLines } from './testSupport/pageFixtures';

const OPTIONS: ProcessOptions = { mode: 'gray', normalise: true, deskew: true, rotateDegrees: 0, detectBlank: true };

let workerUrl: URL;
let pipeline: SharpImagePipeline;
const timings: StageTimings[] = [];
let goodPng: Uint8Array;
let goodJpeg: Uint8Array;

beforeAll(async () => {
  workerUrl = await bundleImageWorker();
  pipeline = new SharpImagePipeline({ workerUrl, onStageTimings: (t) => timings.push(t) });
  const page = await renderPage({ ...A4_150DPI, lines: sampleLines(24, 3), angleDegrees: 1.4, noiseSigma: 3 });
  goodPng = await encodeRaster(page, 'png', 150);
  goodJpeg = await encodeRaster(page, 'jpeg', 150);
});
afterAll(() => pipeline.close());

async function expectGoodPage(bytes = goodPng): Promise<void> {
  const result = await pipeline.process({ bytes }, OPTIONS);
  expect(result.ok).toBe(true);
  if (result.ok) expect(result.value).toMatchObject({ mediaType: 'image/jpeg', widthPx: 1240, heightPx: 1754, dpi: 150, blank: { isBlank: false } });
}

describe('SharpImagePipeline', () => {
  it('processes pages in worker threads, several in flight, reporting stage timings', async () => {
    const results = await Promise.all([goodPng, goodJpeg, goodPng, goodJpeg].map((bytes) => pipeline.process({ bytes }, OPTIONS)));
    for (const result of results) {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value.skewCorrectedDegrees).toBeCloseTo(1.4, 0);
    }
    expect(timings.length).toBeGreaterThanOrEqual(4);
    expect(timings[0]!.decode).toBeGreaterThan(0);
  });

  it('leaves the caller’s bytes intact (they are copied, not transferred)', async () => {
    const bytes = goodPng.slice();
    await pipeline.process({ bytes }, OPTIONS);
    expect(bytes.byteLength).toBe(goodPng.byteLength);
    expect(bytes[0]).toBe(0x89);
  });

  describe('hostile inputs: each gets its own error kind and the next good page still works', () => {
    const cases: [string, () => Promise<Uint8Array> | Uint8Array, ImageError | { kind: ImageError['kind'] }, ProcessOptions?][] = [
      ['a truncated JPEG', () => truncated(goodJpeg), { kind: 'corrupt' }],
      ['a truncated PNG', () => truncated(goodPng), { kind: 'corrupt' }],
      ['a PNG cut inside its header', () => goodPng.slice(0, 30), { kind: 'corrupt' }],
      ['random bytes', () => randomBytes(64 * 1024, 9), { kind: 'not-an-image' }],
      ['a text file renamed .png', () => new TextEncoder().encode('Құжаттар тізімі\nnot really a PNG\n'), { kind: 'not-an-image' }],
      ['an empty file', () => new Uint8Array(0), { kind: 'not-an-image' }],
      ['an SVG', () => new TextEncoder().encode('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="2480" height="3508"><text y="50">hi</text></svg>'), { kind: 'unsupported-format', format: 'svg' }],
      ['a PDF', () => new TextEncoder().encode('%PDF-1.7\n1 0 obj<<>>endobj\n'), { kind: 'unsupported-format', format: 'pdf' }],
      ['a decompression bomb (tiny PNG declaring 30000×30000)', () => pngBomb(), { kind: 'too-many-pixels', widthPx: 30_000, heightPx: 30_000, limitPx: 60_000_000 }],
      [
        'a file over the byte limit',
        () => {
          const huge = new Uint8Array(DEFAULT_MAX_INPUT_BYTES + 1);
          huge.set(goodJpeg.subarray(0, 1024));
          return huge;
        },
        { kind: 'too-large', bytes: DEFAULT_MAX_INPUT_BYTES + 1, limitBytes: DEFAULT_MAX_INPUT_BYTES },
      ],
    ];
    it.each(cases)('%s', async (_name, make, expected) => {
      const result = await pipeline.process({ bytes: await make(), format: 'png' }, OPTIONS);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject(expected);
      await expectGoodPage();
    });
  });

  it('turns a stored page for the rotate button', async () => {
    const processed = await pipeline.process({ bytes: goodJpeg }, { ...OPTIONS, mode: 'bw' });
    if (!processed.ok) throw new Error(processed.error.kind);
    const turned = await pipeline.rotate(processed.value.bytes, 270);
    if (!turned.ok) throw new Error(turned.error.kind);
    expect(turned.value).toMatchObject({ mediaType: 'image/png', widthPx: 1754, heightPx: 1240, dpi: 150 });
    expect(await sharp(turned.value.bytes).metadata()).toMatchObject({ width: 1754, height: 1240 });
    expect(await pipeline.rotate(new TextEncoder().encode('nope'), 90)).toEqual({ ok: false, error: { kind: 'not-an-image' } });
  });

  it('honours a lower pixel limit, and stops answering once closed', async () => {
    const strict = new SharpImagePipeline({ workerUrl, workers: 1, maxInputPixels: 1_000_000 });
    expect(await strict.process({ bytes: goodPng }, OPTIONS)).toEqual({ ok: false, error: { kind: 'too-many-pixels', widthPx: 1240, heightPx: 1754, limitPx: 1_000_000 } });
    await strict.close();
    await expect(strict.process({ bytes: goodPng }, OPTIONS)).rejects.toThrow(/closed/);
  });
});
