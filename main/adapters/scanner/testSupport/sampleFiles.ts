import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

/** Generated sample inputs for the import and folder adapters' tests: never real documents. */
const COLOURS = ['#d04040', '#40a040', '#4050d0', '#c0a030'] as const;
const colour = (i: number) => COLOURS[i % COLOURS.length] ?? '#808080';

export function solid(i: number, width = 120, height = 170) {
  return sharp({ create: { width, height, channels: 3, background: colour(i) } }).withDensity(150);
}

export const samplePng = (i = 0) => solid(i).png().toBuffer();
export const sampleJpeg = (i = 0) => solid(i).jpeg().toBuffer();

/** A 100×140 TIFF with `pages` pages of different colours (red, green, blue, …). */
export async function sampleTiff(pages: number): Promise<Buffer> {
  const images = await Promise.all(Array.from({ length: pages }, (_, i) => solid(i, 100, 140).png().toBuffer()));
  if (pages === 1) return sharp(images[0]).tiff().toBuffer();
  return sharp(images, { join: { animated: true } }).tiff().toBuffer();
}

/** A PDF with one page per size (points). */
export async function samplePdf(sizes: readonly (readonly [number, number])[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const size of sizes) doc.addPage([size[0], size[1]]);
  return doc.save();
}

/** A JPEG whose second half is missing, as left by an interrupted copy. */
export async function truncatedJpeg(): Promise<Buffer> {
  const full = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } } }).jpeg().toBuffer();
  return full.subarray(0, Math.floor(full.length / 2));
}

/** A PDF marked as encrypted (an /Encrypt entry in the trailer). */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([100, 100]);
  doc.context.trailerInfo.Encrypt = doc.context.register(doc.context.obj({ Filter: 'Standard', V: 1, R: 2 }));
  return doc.save({ useObjectStreams: false });
}
