import { err, ok, type Result } from '../../core/result';
import type { ImageError, RasterFormat } from '../ports/ImagePipeline';

export type Sniffed =
  | { readonly kind: 'raster'; readonly format: RasterFormat }
  /** A recognised image or document format we do not decode. */
  | { readonly kind: 'other'; readonly format: string }
  | { readonly kind: 'unknown' };

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/**
 * Identifies a file by its leading bytes, never by its name. Only what this says is a raster
 * format is handed to libvips: SVG (which libvips would render with librsvg), PDF, GIF and the rest
 * are refused before any decoder sees them.
 */
export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'raster', format: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'raster', format: 'png' };
  // Classic and BigTIFF, little- and big-endian.
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return { kind: 'raster', format: 'tiff' };
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])) return { kind: 'raster', format: 'tiff' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'raster', format: 'webp' };

  if (ascii(bytes, 0, 5) === '%PDF-') return { kind: 'other', format: 'pdf' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { kind: 'other', format: 'gif' };
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length > 26) return { kind: 'other', format: 'bmp' };
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (/^(avif|avis)$/.test(brand)) return { kind: 'other', format: 'avif' };
    if (/^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(brand)) return { kind: 'other', format: 'heif' };
  }
  if (/^P[1-7]\s$/.test(ascii(bytes, 0, 3))) return { kind: 'other', format: 'pnm' };
  if (startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20])) return { kind: 'other', format: 'jp2' };
  if (startsWith(bytes, [0xff, 0x0a]) || startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20])) return { kind: 'other', format: 'jxl' };
  if (ascii(bytes, 0, 4) === '8BPS') return { kind: 'other', format: 'psd' };
  if (looksLikeSvg(bytes)) return { kind: 'other', format: 'svg' };
  return { kind: 'unknown' };
}

/** SVG is text: an XML prolog, comments or whitespace, then an `<svg` element near the start. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('<')) return false;
  return /<svg[\s>/]/i.test(head);
}

/** The gate every input passes before a decoder sees it: a supported raster format, or an error. */
export function checkInput(bytes: Uint8Array): Result<RasterFormat, ImageError> {
  const sniffed = sniffFormat(bytes);
  if (sniffed.kind === 'unknown') return err({ kind: 'not-an-image' });
  if (sniffed.kind === 'other') return err({ kind: 'unsupported-format', format: sniffed.format });
  return ok(sniffed.format);
}
