import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readCompleteImageHeader } from './scannedImageHeader';

describe('readCompleteImageHeader', () => {
  it('reads whole JPEG and PNG pages and refuses a page cut short', async () => {
    const image = sharp({ create: { width: 120, height: 170, channels: 3, background: '#fff' } });
    const jpeg = new Uint8Array(await image.clone().jpeg().toBuffer());
    const png = new Uint8Array(await image.clone().png().toBuffer());
    expect(readCompleteImageHeader(jpeg)).toEqual({ format: 'jpeg', widthPx: 120, heightPx: 170 });
    expect(readCompleteImageHeader(png)).toEqual({ format: 'png', widthPx: 120, heightPx: 170 });
    expect(readCompleteImageHeader(jpeg.subarray(0, jpeg.length - 40))).toBeNull();
    expect(readCompleteImageHeader(png.subarray(0, png.length - 20))).toBeNull();
    expect(readCompleteImageHeader(new Uint8Array())).toBeNull();
    expect(readCompleteImageHeader(new TextEncoder().encode('<html>busy</html>'))).toBeNull();
  });
});
