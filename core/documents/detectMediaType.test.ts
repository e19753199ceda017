import { describe, expect, it } from 'vitest';
import { detectMediaType } from './detectMediaType';

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0]);

describe('detectMediaType', () => {
  it('recognises PDF, JPEG, PNG and both TIFF byte orders', () => {
    expect(detectMediaType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(detectMediaType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(detectMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(detectMediaType(bytes(0x49, 0x49, 0x2a, 0x00))).toBe('image/tiff');
    expect(detectMediaType(bytes(0x4d, 0x4d, 0x00, 0x2a))).toBe('image/tiff');
  });

  it('refuses anything else, whatever its name would say', () => {
    expect(detectMediaType(new TextEncoder().encode('MZ executable'))).toBeNull();
    expect(detectMediaType(new TextEncoder().encode('%PD'))).toBeNull();
    expect(detectMediaType(new Uint8Array())).toBeNull();
  });
});
