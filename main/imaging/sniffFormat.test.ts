import { describe, expect, it } from 'vitest';
import { checkInput, sniffFormat } from './sniffFormat';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('sniffFormat', () => {
  it('recognises the four raster formats by their leading bytes', () => {
    expect(sniffFormat(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toEqual({ kind: 'raster', format: 'jpeg' });
    expect(sniffFormat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toEqual({ kind: 'raster', format: 'png' });
    expect(sniffFormat(bytes(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0))).toEqual({ kind: 'raster', format: 'tiff' });
    expect(sniffFormat(bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8))).toEqual({ kind: 'raster', format: 'tiff' });
    expect(sniffFormat(text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toEqual({ kind: 'raster', format: 'webp' });
  });

  it('names formats it refuses, so the operator hears "unsupported" rather than "not an image"', () => {
    expect(sniffFormat(text('%PDF-1.7\n'))).toEqual({ kind: 'other', format: 'pdf' });
    expect(sniffFormat(text('GIF89a\u0001\u0000'))).toEqual({ kind: 'other', format: 'gif' });
    expect(sniffFormat(text('P5\n2480 3508\n255\n'))).toEqual({ kind: 'other', format: 'pnm' });
    expect(sniffFormat(text('\u0000\u0000\u0000\u0018ftypheic'))).toEqual({ kind: 'other', format: 'heif' });
    expect(sniffFormat(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ kind: 'other', format: 'svg' });
    expect(sniffFormat(text('\uFEFF<?xml version="1.0"?>\n<!-- scan -->\n<svg width="10">'))).toEqual({ kind: 'other', format: 'svg' });
  });

  it('leaves text and random bytes unknown, whatever the file was called', () => {
    expect(sniffFormat(text('Өтініш беруші: not a picture\n'))).toEqual({ kind: 'unknown' });
    expect(sniffFormat(text('<html><body>hello</body></html>'))).toEqual({ kind: 'unknown' });
    expect(sniffFormat(bytes())).toEqual({ kind: 'unknown' });
    expect(sniffFormat(bytes(0x13, 0x37, 0x00, 0xfe, 0x42))).toEqual({ kind: 'unknown' });
  });

  it('turns the verdict into the pipeline error kinds', () => {
    expect(checkInput(bytes(0xff, 0xd8, 0xff, 0xdb))).toEqual({ ok: true, value: 'jpeg' });
    expect(checkInput(text('plain text'))).toEqual({ ok: false, error: { kind: 'not-an-image' } });
    expect(checkInput(text('<svg></svg>'))).toEqual({ ok: false, error: { kind: 'unsupported-format', format: 'svg' } });
  });
});
