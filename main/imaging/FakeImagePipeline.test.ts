import { describe, expect, it } from 'vitest';
import type { ProcessOptions } from '../ports/ImagePipeline';
import { FakeImagePipeline } from './FakeImagePipeline';

const OPTIONS: ProcessOptions = { mode: 'gray', normalise: true, deskew: true, rotateDegrees: 0, detectBlank: true };
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

describe('FakeImagePipeline', () => {
  it('passes a JPEG through as an A4 page and records the call', async () => {
    const fake = new FakeImagePipeline({ blank: true });
    const result = await fake.process({ bytes: jpeg }, OPTIONS);
    expect(result).toMatchObject({ ok: true, value: { bytes: jpeg, mediaType: 'image/jpeg', widthPx: 2480, heightPx: 3508, blank: { isBlank: true } } });
    expect(fake.calls).toEqual([{ op: 'process', options: OPTIONS }]);
  });

  it('refuses what the real pipeline refuses, and can be told to fail', async () => {
    expect(await new FakeImagePipeline().process({ bytes: new TextEncoder().encode('<svg/>') }, OPTIONS)).toEqual({ ok: false, error: { kind: 'unsupported-format', format: 'svg' } });
    const failing = new FakeImagePipeline({ failWith: { kind: 'corrupt', detail: 'test' } });
    expect(await failing.process({ bytes: jpeg }, OPTIONS)).toEqual({ ok: false, error: { kind: 'corrupt', detail: 'test' } });
    expect(await failing.rotate(jpeg, 90)).toMatchObject({ ok: true, value: { widthPx: 3508, heightPx: 2480 } });
  });
});
