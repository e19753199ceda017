// The sharp (libvips) side of the pipeline: decoding untrusted bytes into a raster, and encoding
// rasters into stored pages and thumbnails. Runs inside the image workers only.
import sharp, { type Metadata } from 'sharp';
import { err, ok, type Result } from '../../core/result';
import type { ImageError, ImageMode, QuarterTurn, RasterFormat, Thumbnail } from '../ports/ImagePipeline';
import type { Raster } from './raster';
import { checkInput } from './sniffFormat';

export interface DecodeLimits {
  readonly maxPixels: number;
}

export interface DecodedPage {
  readonly raster: Raster;
  readonly format: RasterFormat;
  readonly dpi: number;
  /** The mode decoded to; for `as-stored`, what the file holds (a 1-bit PNG is `bw`). */
  readonly mode: ImageMode;
}

/** `as-stored` keeps a page's own colour type: 1-bit PNG → bw, 1–2 channels → gray, else colour. */
export type DecodeMode = ImageMode | 'as-stored';

const SUPPORTED: ReadonlySet<string> = new Set<RasterFormat>(['jpeg', 'png', 'tiff', 'webp']);
/** JPEG quality for stored pages: NAPS2's default, legible for text at 300 dpi. */
export const JPEG_QUALITY = 75;
export const THUMBNAIL_WIDTH = 200;
const A4_SHORT_SIDE_INCHES = 210 / 25.4;

/**
 * Decodes one image to 8-bit gray (`gray`, `bw`) or sRGB (`color`), alpha flattened onto white,
 * EXIF orientation applied, then turned clockwise by `turn`.
 *
 * The header is read first with no pixel limit (it decodes no pixels) so a bomb is reported with
 * its declared size; the decode itself runs with `limitInputPixels` as a second fence and
 * `failOn: 'error'`, which makes truncated and damaged files errors while tolerating the benign
 * warnings some scanners' JPEGs raise (e.g. extraneous bytes before a marker).
 */
export async function decodePage(bytes: Uint8Array, wanted: DecodeMode, turn: QuarterTurn, limits: DecodeLimits, page = 0): Promise<Result<DecodedPage, ImageError>> {
  const checked = checkInput(bytes);
  if (!checked.ok) return checked;
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { page, limitInputPixels: false, failOn: 'error' }).metadata();
  } catch (error) {
    return err(classifySharpError(error));
  }
  if (!SUPPORTED.has(metadata.format)) return err({ kind: 'unsupported-format', format: metadata.format });
  const width = metadata.autoOrient.width;
  const height = metadata.autoOrient.height;
  if (width * height > limits.maxPixels) return err({ kind: 'too-many-pixels', widthPx: width, heightPx: height, limitPx: limits.maxPixels });

  // A 1-bit page (PNG, or a fax-style TIFF) stays black-and-white: smaller than gray, and as scanned.
  const oneBit = metadata.bitsPerSample === 1 && (metadata.format === 'png' || metadata.format === 'tiff');
  const mode: ImageMode = wanted !== 'as-stored' ? wanted : oneBit ? 'bw' : metadata.channels <= 2 ? 'gray' : 'color';
  const declared = { widthPx: width, heightPx: height, limitPx: limits.maxPixels };
  try {
    let image = sharp(bytes, { page, limitInputPixels: limits.maxPixels, failOn: 'error', autoOrient: true });
    if (turn !== 0) image = image.rotate(turn);
    image = image.flatten({ background: '#ffffff' }).toColourspace(mode === 'color' ? 'srgb' : 'b-w');
    const { data, info } = await image.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    const channels = mode === 'color' ? 3 : 1;
    if (info.channels !== channels) return err({ kind: 'corrupt', detail: `decoded to ${info.channels} channels` });
    const raster: Raster = { width: info.width, height: info.height, channels, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
    return ok({
      raster,
      format: metadata.format as RasterFormat,
      dpi: plausibleDpi(metadata.density, Math.min(info.width, info.height)),
      mode,
    });
  } catch (error) {
    return err(classifySharpError(error, declared));
  }
}

/**
 * The recorded density when it gives a page between 2 and 17 inches on its short side (business
 * card to A3); otherwise (none recorded, or the 72 dpi placeholder many tools write) the page is
 * taken to be A4 wide, which is what the PDF assembly needs to size it sensibly.
 */
export function plausibleDpi(density: number | undefined, shortSidePx: number): number {
  if (density !== undefined && density > 0) {
    const inches = shortSidePx / density;
    if (inches >= 2 && inches <= 17) return Math.round(density);
  }
  return Math.max(1, Math.round(shortSidePx / A4_SHORT_SIDE_INCHES));
}

/**
 * Maps a libvips failure to an error kind. Only inputs whose leading bytes named a supported format
 * get here, so even libvips's "unsupported image format" means a damaged file: `corrupt`. The
 * message's first line is technical and safe to show or log.
 */
export function classifySharpError(error: unknown, declared?: { readonly widthPx: number; readonly heightPx: number; readonly limitPx: number }): ImageError {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0]?.trim() ?? '';
  if (/exceeds pixel limit/i.test(message) && declared) return { kind: 'too-many-pixels', ...declared };
  return { kind: 'corrupt', detail: firstLine || 'undecodable image' };
}

export interface EncodedImage {
  readonly bytes: Uint8Array;
  readonly mediaType: 'image/jpeg' | 'image/png';
}

const fromRaw = (raster: Raster) => sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: raster.channels } });

/**
 * `gray`: 1-channel JPEG (sharp would otherwise write 3 channels); `color`: sRGB JPEG 4:2:0;
 * `bw`: the raster must already be 0/255, written as a 1-bit grayscale PNG without palette
 * quantisation (`colours: 2, palette: false` makes libvips pack bits: ~30 ms instead of the
 * ~600 ms a palette costs). Huffman optimisation stays off: +4–6 % bytes, ~60 ms saved per page.
 */
export async function encodePage(raster: Raster, mode: ImageMode, dpi: number): Promise<EncodedImage> {
  const image = fromRaw(raster).toColourspace(raster.channels === 1 ? 'b-w' : 'srgb').withDensity(dpi);
  if (mode === 'bw') {
    const { data } = await image.png({ colours: 2, palette: false, compressionLevel: 6 }).toUint8Array();
    return { bytes: data, mediaType: 'image/png' };
  }
  const { data } = await image.jpeg({ quality: JPEG_QUALITY, optimiseCoding: false }).toUint8Array();
  return { bytes: data, mediaType: 'image/jpeg' };
}

/** A JPEG about 200 px wide from an already reduced copy of the page (never enlarged). */
export async function encodeThumbnail(raster: Raster): Promise<Thumbnail> {
  const { data, info } = await fromRaw(raster)
    .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
    .toColourspace(raster.channels === 1 ? 'b-w' : 'srgb')
    .jpeg({ quality: JPEG_QUALITY })
    .toUint8Array();
  return { bytes: data, widthPx: info.width, heightPx: info.height };
}
