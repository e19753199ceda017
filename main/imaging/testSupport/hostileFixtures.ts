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
