/**
 * An 8-bit image in memory: rows top to bottom, channels interleaved (1 = gray, 3 = RGB), no row
 * padding. This is what sharp's `raw()` output and input look like, so it crosses to and from
 * libvips without conversion.
 */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly data: Uint8Array;
}

export function createRaster(width: number, height: number, channels: 1 | 3, fill = 0): Raster {
  const data = new Uint8Array(width * height * channels);
  if (fill !== 0) data.fill(fill);
  return { width, height, channels, data };
}

/** Luma (ITU-R BT.601, as NAPS2's blank detection uses) of an RGB raster; gray rasters pass through. */
export function toLuma(raster: Raster): Raster {
  if (raster.channels === 1) return raster;
  const { width, height, data } = raster;
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += 3) {
    // Integer weights summing to 1024 keep this a fast integer loop.
    out[i] = (306 * data[j]! + 601 * data[j + 1]! + 117 * data[j + 2]! + 512) >> 10;
  }
  return { width, height, channels: 1, data: out };
}
