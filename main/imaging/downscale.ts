import type { Raster } from './raster';

/**
 * Shrinks by an integer factor, each output pixel the mean of its factor×factor block (edge blocks
 * average what is there). A box filter is what the analyses want: a 1-px speck fades to a light
 * gray, while a pen stroke stays dark, and it costs one pass over the page.
 */
export function boxDownscale(src: Raster, factor: number): Raster {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`factor must be a positive integer, got ${factor}`);
  if (factor === 1) return src;
  if (src.channels === 1) return downscaleGray(src, factor);
  const { width, height, channels, data } = src;
  const outWidth = Math.ceil(width / factor);
  const outHeight = Math.ceil(height / factor);
  const out = new Uint8Array(outWidth * outHeight * channels);
  const sums = new Uint32Array(outWidth * channels);
  const rowLength = width * channels;
  const fullBlocks = Math.floor(width / factor);
  for (let oy = 0; oy < outHeight; oy++) {
    sums.fill(0);
    const y0 = oy * factor;
    const y1 = Math.min(height, y0 + factor);
    for (let y = y0; y < y1; y++) {
      // Sum each block's run of samples in a local before touching the sums array: one load per sample.
      let i = y * rowLength;
      for (let ox = 0; ox < fullBlocks; ox++) {
        for (let c = 0; c < channels; c++) {
          let s = 0;
          for (let k = 0, j = i + c; k < factor; k++, j += channels) s += data[j]!;
          sums[ox * channels + c]! += s;
        }
        i += factor * channels;
      }
      for (let x = fullBlocks * factor; x < width; x++) {
        for (let c = 0; c < channels; c++) sums[fullBlocks * channels + c]! += data[y * rowLength + x * channels + c]!;
      }
    }
    const rows = y1 - y0;
    const outRow = oy * outWidth * channels;
    for (let ox = 0; ox < outWidth; ox++) {
      const count = rows * (Math.min(width, (ox + 1) * factor) - ox * factor);
      for (let c = 0; c < channels; c++) {
        const k = ox * channels + c;
        out[outRow + k] = Math.floor((sums[k]! + (count >> 1)) / count);
      }
    }
  }
  return { width: outWidth, height: outHeight, channels, data: out };
}

/** The gray case written out: the common one, and ~25 % faster than the generic loop under V8. */
function downscaleGray(src: Raster, factor: number): Raster {
  const { width, height, data } = src;
  const outWidth = Math.ceil(width / factor);
  const outHeight = Math.ceil(height / factor);
  const out = new Uint8Array(outWidth * outHeight);
  const sums = new Uint32Array(outWidth);
  const fullBlocks = Math.floor(width / factor);
  for (let oy = 0; oy < outHeight; oy++) {
    sums.fill(0);
    const y0 = oy * factor;
    const y1 = Math.min(height, y0 + factor);
    for (let y = y0; y < y1; y++) {
      let i = y * width;
      for (let ox = 0; ox < fullBlocks; ox++) {
        let s = 0;
        const blockEnd = i + factor;
        for (; i < blockEnd; i++) s += data[i]!;
        sums[ox]! += s;
      }
      const rowEnd = (y + 1) * width;
      for (; i < rowEnd; i++) sums[fullBlocks]! += data[i]!;
    }
    const rows = y1 - y0;
    for (let ox = 0; ox < outWidth; ox++) {
      const count = rows * (Math.min(width, (ox + 1) * factor) - ox * factor);
      out[oy * outWidth + ox] = Math.floor((sums[ox]! + (count >> 1)) / count);
    }
  }
  return { width: outWidth, height: outHeight, channels: 1, data: out };
}

/** The factor that brings the shorter side near `targetShortSide` pixels (never below 1). */
export function analysisFactor(width: number, height: number, targetShortSide = 620): number {
  return Math.max(1, Math.round(Math.min(width, height) / targetShortSide));
}
