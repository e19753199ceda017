/**
 * The packaged smoke check (issue 15 item 7): `<installed app> --smoke` (or `node out/web/main.mjs
 * --smoke`) loads sharp with the binaries this installer carries and runs one synthetic A4 page
 * through the image worker exactly as a scan would, then exits 0 or 1 with one line per check.
 * Run it on each platform's installer before shipping: a Windows build made on Linux without the
 * win32 `@img/sharp-*` packages fails here instead of at the first scan at a counter.
 */
import type Sharp from 'sharp';
import { SharpImagePipeline } from '../../imaging/SharpImagePipeline';

type SharpModule = typeof Sharp;

export interface SmokeResult {
  readonly ok: boolean;
  readonly lines: readonly string[];
}

export async function runPackagedSmoke(paths: { readonly imageWorkerUrl: URL }): Promise<SmokeResult> {
  const lines: string[] = [];
  let sharpModule: SharpModule;
  try {
    sharpModule = (await import('sharp')).default;
    lines.push(`sharp ${sharpModule.versions.sharp ?? '?'} (libvips ${sharpModule.versions.vips}) loaded for ${process.platform}-${process.arch}`);
  } catch (error) {
    return { ok: false, lines: [...lines, `sharp did not load: ${(error as Error).message.split('\n')[0]}`] };
  }
  const page = await sharpModule({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } })
    .composite([{ input: Buffer.from('<svg width="1240" height="1754"><rect x="100" y="120" width="900" height="40" fill="#222"/></svg>'), top: 0, left: 0 }])
    .png()
    .toBuffer();
  const pipeline = new SharpImagePipeline({ workerUrl: paths.imageWorkerUrl, workers: 1 });
  try {
    const processed = await pipeline.process({ bytes: new Uint8Array(page) }, { mode: 'gray', normalise: true, deskew: true, rotateDegrees: 0, detectBlank: true });
    if (!processed.ok) return { ok: false, lines: [...lines, `image worker refused the page: ${processed.error.kind}`] };
    lines.push(`image worker processed one A4 page: ${processed.value.widthPx}x${processed.value.heightPx} ${processed.value.mediaType}, blank=${processed.value.blank?.isBlank ?? '-'}`);
    return { ok: true, lines };
  } catch (error) {
    return { ok: false, lines: [...lines, `image worker failed: ${(error as Error).message.split('\n')[0]}`] };
  } finally {
    await pipeline.close();
  }
}
