import { describe, expect, it } from 'vitest';
import { bundleImageWorker } from '../../imaging/testSupport/bundleImageWorker';
import { runPackagedSmoke } from './packagedSmoke';

describe('runPackagedSmoke', () => {
  it('loads sharp and runs one page through the image worker', async () => {
    const result = await runPackagedSmoke({ imageWorkerUrl: await bundleImageWorker() });
    expect(result.ok).toBe(true);
    expect(result.lines[0]).toMatch(/^sharp \d+\.\d+\.\d+ \(libvips \d+\.\d+\.\d+\) loaded for linux-x64$/);
    expect(result.lines[1]).toMatch(/^image worker processed one A4 page: 1240x1754 image\/(jpeg|png), blank=false$/);
  });

  it('says so when the worker cannot be started', async () => {
    const result = await runPackagedSmoke({ imageWorkerUrl: new URL('file:///nonexistent/imageWorker.mjs') });
    expect(result.ok).toBe(false);
    expect(result.lines.at(-1)).toMatch(/^image worker failed: /);
  });
});
