/**
 * What an eSCL page is, from its bytes alone: a whole JPEG (SOI … EOI) or PNG (signature … IEND)
 * with its pixel size, or nothing. A scanner that stops mid-page sends a body cut short, which
 * has no end marker: it is not a page, and nothing decodes it.
 */
export interface ImageHeader {
  readonly format: 'jpeg' | 'png';
  readonly widthPx: number;
  readonly heightPx: number;
}

export function readCompleteImageHeader(bytes: Uint8Array): ImageHeader | null {
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9) return jpegHeader(bytes);
  if (bytes.length >= 33 && isPng(bytes) && endsWithIend(bytes)) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const widthPx = view.getUint32(16);
    const heightPx = view.getUint32(20);
    return widthPx > 0 && heightPx > 0 ? { format: 'png', widthPx, heightPx } : null;
  }
  return null;
}

function isPng(bytes: Uint8Array): boolean {
  return [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b) && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';
}

function endsWithIend(bytes: Uint8Array): boolean {
  return String.fromCharCode(...bytes.subarray(bytes.length - 8, bytes.length - 4)) === 'IEND';
}

/** Walks the JPEG markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegHeader(bytes: Uint8Array): ImageHeader | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const heightPx = (bytes[offset + 5]! << 8) | bytes[offset + 6]!;
      const widthPx = (bytes[offset + 7]! << 8) | bytes[offset + 8]!;
      return widthPx > 0 && heightPx > 0 ? { format: 'jpeg', widthPx, heightPx } : null;
    }
    if (length < 2) return null;
    offset += 2 + length;
  }
  return null;
}
