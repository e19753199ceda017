// Hostile and broken inputs for the pipeline's tests, generated rather than stored.
import { createDeflate } from 'node:zlib';
import { seededRandom } from '../../../core/random/seededRandom';

/**
 * A valid PNG declaring width×height 1-bit gray pixels, all black: a decompression bomb. The
 * zeros deflate about 1000:1, so 30000×30000 (900 Mpx, 112 MB of raw rows) is ~110 KB of file.
 */
export async function pngBomb(width = 30_000, height = 30_000): Promise<Uint8Array> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // gray
  const rowBytes = 1 + Math.ceil(width / 8); // filter byte + packed pixels
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const rowsPerChunk = 1000;
  const zeros = Buffer.alloc(rowBytes * rowsPerChunk);
  for (let y = 0; y < height; y += rowsPerChunk) deflate.write(zeros.subarray(0, rowBytes * Math.min(rowsPerChunk, height - y)));
  deflate.end();
  await done;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', Buffer.concat(parts)), chunk('IEND', Buffer.alloc(0))]));
}

/** The first `share` of the bytes, as an interrupted transfer or a full disk leaves a file. */
export function truncated(bytes: Uint8Array, share = 0.6): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * share));
}

export function randomBytes(length: number, seed = 1): Uint8Array {
  const random = seededRandom(seed);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A little-endian multi-page TIFF whose `pages` pages each declare `width`×`height` 1-bit pixels,
 * all sharing one Deflate strip of zeros (~1000:1): 200 pages of 20000×20000 are a ~60 KB file that
 * would decode to 80 Gpx. Only the headers are right; that is all a limit check may read.
 */
export async function tiffBomb(pages: number, width: number, height: number): Promise<Uint8Array> {
  return tiffOfPages(Array.from({ length: pages }, () => [width, height] as const));
}

/** The same, one page per size: e.g. two innocent pages, then a bomb. Pages share the strip of the largest. */
export async function tiffOfPages(sizes: readonly (readonly [number, number])[]): Promise<Uint8Array> {
  const pages = sizes.length;
  const widest = Math.max(...sizes.map(([w]) => w));
  const tallest = Math.max(...sizes.map(([, h]) => h));
  const strip = await deflatedZeros(Math.ceil(widest / 8), tallest);
  const entries = 9;
  const ifdBytes = 2 + entries * 12 + 4;
  const stripOffset = 8;
  const firstIfd = stripOffset + strip.length + (strip.length % 2);
  const out = Buffer.alloc(firstIfd + pages * ifdBytes);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(firstIfd, 4);
  strip.copy(out, stripOffset);
  for (let p = 0; p < pages; p++) {
    const [width, height] = sizes[p]!;
    let at = firstIfd + p * ifdBytes;
    out.writeUInt16LE(entries, at);
    at += 2;
    const entry = (tag: number, type: 3 | 4, value: number) => {
      out.writeUInt16LE(tag, at);
      out.writeUInt16LE(type, at + 2);
      out.writeUInt32LE(1, at + 4);
      if (type === 3) out.writeUInt16LE(value, at + 8);
      else out.writeUInt32LE(value, at + 8);
      at += 12;
    };
    entry(256, 4, width); // ImageWidth
    entry(257, 4, height); // ImageLength
    entry(258, 3, 1); // BitsPerSample
    entry(259, 3, 8); // Compression: Deflate
    entry(262, 3, 0); // Photometric: WhiteIsZero
    entry(273, 4, stripOffset); // StripOffsets
    entry(277, 3, 1); // SamplesPerPixel
    entry(278, 4, height); // RowsPerStrip
    entry(279, 4, strip.length); // StripByteCounts
    out.writeUInt32LE(p + 1 < pages ? firstIfd + (p + 1) * ifdBytes : 0, at);
  }
  return new Uint8Array(out);
}

async function deflatedZeros(rowBytes: number, rows: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const rowsPerChunk = Math.max(1, Math.floor((4 * 1024 * 1024) / Math.max(1, rowBytes)));
  const zeros = Buffer.alloc(rowBytes * rowsPerChunk);
  for (let y = 0; y < rows; y += rowsPerChunk) deflate.write(zeros.subarray(0, rowBytes * Math.min(rowsPerChunk, rows - y)));
  deflate.end();
  await done;
  return Buffer.concat(parts);
}
