// Generated test pages: never real documents. A page is SVG text (Latin and Kazakh Cyrillic)
// rendered by sharp, optionally rotated, then given paper tone, sensor noise, dust and shadows.
import sharp from 'sharp';
import { seededRandom } from '../../../core/random/seededRandom';
import type { RasterFormat } from '../../ports/ImagePipeline';
import type { Raster } from '../raster';

export const A4_300DPI = { widthPx: 2480, heightPx: 3508 } as const;
export const A4_150DPI = { widthPx: 1240, heightPx: 1754 } as const;

const PHRASES = [
  'Өтініш беруші: Сәрсенбаева Әйгерім Нұрланқызы',
  'ЖСН 900101300123, мекенжайы: Алматы қ., Абай даңғылы 150',
  'Лицензияны беру туралы өтініш, ХҚО №12 бөлімшесі',
  'Application for a licence, Public Service Center No. 12',
  'Құжаттар тізімі: жеке куәлік, сенімхат, төлем түбіртегі',
  'Berilgen kuni 2026-11-23, Almaty, Kazakhstan',
  'Қызмет көрсету мерзімі — он бес жұмыс күні',
  'Representative: power of attorney No. 4471-Н, notary Zhumabekova',
  'Мөр орны. Қолы: ____________ Ғ. Ұ. Қ.',
  'The quick brown fox jumps over the lazy dog 0123456789',
];

/** `count` lines of sample text, deterministic for a seed. */
export function sampleLines(count: number, seed = 1): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => PHRASES[Math.floor(random() * PHRASES.length)]!);
}

export interface PageSpec {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly lines?: readonly string[];
  /** Font size; defaults to 11 pt at the page's scale (A4 width = 210 mm). */
  readonly fontPx?: number;
  /** Content rotation, clockwise on screen. */
  readonly angleDegrees?: number;
  /** Paper gray level (ink is ~30). */
  readonly paper?: number;
  /** Standard deviation of per-pixel sensor noise, in gray levels. */
  readonly noiseSigma?: number;
  /** Dust specks (1–3 px dark squares at 300 dpi, scaled). */
  readonly specks?: number;
  /** A dark band fading into the paper along one edge, like a scanner lid shadow. */
  readonly shadow?: { readonly side: 'left' | 'right' | 'top' | 'bottom'; readonly widthPx: number };
  /** Tinted paper and blue ink, as an RGB raster. */
  readonly colour?: boolean;
  readonly seed?: number;
}

export async function renderPage(spec: PageSpec): Promise<Raster> {
  const { widthPx: w, heightPx: h } = spec;
  const scale = w / 2480;
  const fontPx = spec.fontPx ?? Math.round(46 * scale);
  const paper = spec.paper ?? 242;
  const lines = spec.lines ?? [];
  const texts = lines.map((line, i) => {
    const y = Math.round(h * 0.08 + i * fontPx * 1.7);
    return `<text x="${Math.round(w * 0.08)}" y="${y}" font-family="DejaVu Sans" font-size="${fontPx}">${escapeXml(line)}</text>`;
  });
  const ink = spec.colour ? '#1b2a6b' : '#1e1e1e';
  const background = spec.colour ? '#f3ecd9' : `rgb(${paper},${paper},${paper})`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">` +
    `<rect width="100%" height="100%" fill="${background}"/>` +
    `<g fill="${ink}" transform="rotate(${spec.angleDegrees ?? 0} ${w / 2} ${h / 2})">${texts.join('')}</g></svg>`;
  const channels = spec.colour ? 3 : 1;
  let image = sharp(Buffer.from(svg)).flatten({ background });
  image = channels === 1 ? image.toColourspace('b-w') : image.toColourspace('srgb');
  const data = new Uint8Array(await image.raw().toBuffer());
  const raster: Raster = { width: w, height: h, channels, data };
  const random = seededRandom(spec.seed ?? 7);
  if (spec.shadow) addShadow(raster, spec.shadow.side, spec.shadow.widthPx);
  for (let s = 0; s < (spec.specks ?? 0); s++) addSpeck(raster, random, scale);
  if (spec.noiseSigma) addNoise(raster, random, spec.noiseSigma);
  return raster;
}

/** Encodes as a scanner or file import would deliver it (JPEG quality 90), recording the density. */
export async function encodeRaster(raster: Raster, format: RasterFormat, dpi = 300): Promise<Uint8Array> {
  const image = sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: raster.channels } })
    .toColourspace(raster.channels === 1 ? 'b-w' : 'srgb')
    .withDensity(dpi);
  switch (format) {
    case 'jpeg':
      return new Uint8Array(await image.jpeg({ quality: 90 }).toBuffer());
    case 'png':
      return new Uint8Array(await image.png({ compressionLevel: 6 }).toBuffer());
    case 'tiff':
      return new Uint8Array(await image.tiff({ compression: 'lzw' }).toBuffer());
    case 'webp':
      return new Uint8Array(await image.webp({ quality: 90 }).toBuffer());
  }
}

function addShadow(raster: Raster, side: 'left' | 'right' | 'top' | 'bottom', band: number): void {
  const { width, height, channels, data } = raster;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const distance = side === 'left' ? x : side === 'right' ? width - 1 - x : side === 'top' ? y : height - 1 - y;
      if (distance >= band) continue;
      const t = distance / band;
      const factor = 0.25 + 0.75 * t * t;
      for (let c = 0; c < channels; c++) {
        const i = (y * width + x) * channels + c;
        data[i] = Math.round(data[i]! * factor);
      }
    }
  }
}

function addSpeck(raster: Raster, random: () => number, scale: number): void {
  const { width, height, channels, data } = raster;
  const size = Math.max(1, Math.round((1 + Math.floor(random() * 3)) * scale));
  const x0 = Math.floor(random() * (width - size));
  const y0 = Math.floor(random() * (height - size));
  for (let y = y0; y < y0 + size; y++) {
    for (let x = x0; x < x0 + size; x++) for (let c = 0; c < channels; c++) data[(y * width + x) * channels + c] = 40;
  }
}

function addNoise(raster: Raster, random: () => number, sigma: number): void {
  const { data } = raster;
  for (let i = 0; i < data.length; i++) {
    // Sum of three uniforms: close enough to Gaussian for sensor noise, and cheap.
    const n = (random() + random() + random() - 1.5) * 2 * sigma;
    data[i] = Math.max(0, Math.min(255, Math.round(data[i]! + n)));
  }
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
