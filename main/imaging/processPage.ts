import { err, ok, type Result } from '../../core/result';
import type { ImageError, PageImage, ProcessOptions, ProcessedPage } from '../ports/ImagePipeline';
import { detectBlank } from './detectBlank';
import { analysisFactor, boxDownscale } from './downscale';
import { estimateSkew } from './estimateSkew';
import { IDENTITY_LEVELS, applyLut, histogram, levelsLut, normalisingLevels, otsuThreshold, thresholdLut } from './levels';
import { decodePage, encodePage, encodeThumbnail, type DecodeLimits } from './pageCodec';
import { checkInput } from './sniffFormat';
import { toLuma, type Raster } from './raster';
import { rotateRaster } from './rotateRaster';

/** Milliseconds per stage, for the benchmark's breakdown. */
export interface StageTimings {
  decode: number;
  analyse: number;
  estimateSkew: number;
  rotate: number;
  encode: number;
  thumbnail: number;
}

/**
 * Below this the correction is not worth a resample: 0.1° drifts a line by 4 px across an A4 page
 * at 300 dpi (a third of a millimetre), and skipping the rotation saves ~60 ms per page.
 */
export const MIN_CORRECTION_DEGREES = 0.1;
/** The b/w threshold (after normalisation) is Otsu's, kept within this range for near-empty pages. */
const BW_THRESHOLD_RANGE = [96, 192] as const;

/**
 * One page, decoded once: every analysis (levels, skew, blank) runs on a box-downscaled copy about
 * 620 px on its short side; the full-resolution pixels are touched only by the decoder, one
 * rotate-or-LUT pass and the encoder.
 */
export async function processPage(
  bytes: Uint8Array,
  options: ProcessOptions,
  limits: DecodeLimits,
  now: () => number = () => performance.now(),
  page = 0,
): Promise<{ result: Result<ProcessedPage, ImageError>; timings: StageTimings }> {
  const timings: StageTimings = { decode: 0, analyse: 0, estimateSkew: 0, rotate: 0, encode: 0, thumbnail: 0 };
  let mark = now();
  const lap = (stage: keyof StageTimings) => {
    const t = now();
    timings[stage] += t - mark;
    mark = t;
  };

  const decoded = await decodePage(bytes, options.mode === 'as-source' ? 'as-stored' : options.mode, options.rotateDegrees, limits, page);
  lap('decode');
  if (!decoded.ok) return { result: decoded, timings };
  const { raster, dpi } = decoded.value;
  const mode = decoded.value.mode;

  const reduced = boxDownscale(raster, analysisFactor(raster.width, raster.height));
  const luma = toLuma(reduced);
  const hist = histogram(luma);
  const levels = options.normalise ? levelsLut(normalisingLevels(hist)) : levelsLut(IDENTITY_LEVELS);
  const stored = applyLut(luma, levels);
  const blank = options.detectBlank ? detectBlank(stored) : null;
  const outputLut = mode === 'bw' ? thresholdLut(levels, bwThreshold(stored)) : levels;
  lap('analyse');

  const skew = options.deskew ? estimateSkew(luma) : null;
  const skewDegrees = skew && skew.consistent && Math.abs(skew.degrees) >= MIN_CORRECTION_DEGREES ? skew.degrees : 0;
  lap('estimateSkew');

  // Turning the content back counter-clockwise; levels (and the b/w threshold) ride along.
  const turned = transform(raster, -skewDegrees, outputLut);
  lap('rotate');
  const encoded = await encodePage(turned, mode, dpi);
  lap('encode');
  const thumbnail = await encodeThumbnail(transform(reduced, -skewDegrees, levels));
  lap('thumbnail');

  const result: ProcessedPage = {
    ...encoded,
    widthPx: turned.width,
    heightPx: turned.height,
    dpi,
    thumbnail,
    // Rounded so that tiny float noise does not pretend to a precision the estimate lacks.
    skewCorrectedDegrees: Math.round(skewDegrees * 100) / 100,
    blank,
  };
  return { result: ok(result), timings };
}

/**
 * The operator's rotate button: decode a stored page, turn it, re-encode it as it was (gray or
 * colour JPEG, 1-bit PNG), with a fresh thumbnail. Quarter turns move pixels exactly, so a b/w
 * page stays 0/255.
 */
export async function rotatePage(bytes: Uint8Array, degrees: 90 | 180 | 270, limits: DecodeLimits): Promise<Result<PageImage, ImageError>> {
  const checked = checkInput(bytes);
  if (!checked.ok) return checked;
  if (checked.value !== 'jpeg' && checked.value !== 'png') return err({ kind: 'unsupported-format', format: checked.value });
  const decoded = await decodePage(bytes, 'as-stored', degrees, limits);
  if (!decoded.ok) return decoded;
  const { raster, dpi, mode } = decoded.value;
  const encoded = await encodePage(raster, mode, dpi);
  const thumbnail = await encodeThumbnail(boxDownscale(raster, analysisFactor(raster.width, raster.height)));
  return ok({ ...encoded, widthPx: raster.width, heightPx: raster.height, dpi, thumbnail });
}

function transform(raster: Raster, degrees: number, lut: Uint8Array): Raster {
  if (degrees !== 0) return rotateRaster(raster, degrees, lut);
  return isIdentity(lut) ? raster : applyLut(raster, lut);
}

function isIdentity(lut: Uint8Array): boolean {
  for (let v = 0; v < 256; v++) if (lut[v] !== v) return false;
  return true;
}

function bwThreshold(stored: Raster): number {
  const t = otsuThreshold(histogram(stored));
  return Math.max(BW_THRESHOLD_RANGE[0], Math.min(BW_THRESHOLD_RANGE[1], t));
}
