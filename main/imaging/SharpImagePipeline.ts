import { err, type Result } from '../../core/result';
import type { ImageError, ImageInput, ImagePipeline, PageImage, ProcessOptions, ProcessedPage } from '../ports/ImagePipeline';
import { checkInput } from './sniffFormat';
import type { StageTimings } from './processPage';
import { WorkerPool } from './WorkerPool';
import type { ImageJob, ImageJobResult, ImageWorkerConfig } from './workerProtocol';

export interface SharpImagePipelineOptions {
  /**
   * The worker module: `main/imaging/imageWorker.ts` bundled by esbuild to ESM (bundle, platform
   * node, packages external), e.g. `out/imaging/imageWorker.mjs`. Passed in rather than derived
   * from `import.meta.url` because the Electron host is bundled to CommonJS, where that is empty.
   */
  readonly workerUrl: URL;
  /** Pages in flight at once, one per worker thread (default 2: two pages on two cores). */
  readonly workers?: number;
  /** Inputs above this many bytes are `too-large` before anything is parsed (default 80 MB). */
  readonly maxInputBytes?: number;
  /** Inputs declaring more pixels are `too-many-pixels` (default 60 Mpx; A4 at 600 dpi is ~35 Mpx). */
  readonly maxInputPixels?: number;
  /** Per-page stage times, for benchmarks and diagnostics. */
  readonly onStageTimings?: (timings: StageTimings) => void;
}

export const DEFAULT_MAX_INPUT_BYTES = 80 * 1024 * 1024;
export const DEFAULT_MAX_INPUT_PIXELS = 60_000_000;

/**
 * The sharp (libvips) image pipeline. The main thread only checks the size and the leading bytes;
 * decoding, analysis and encoding happen in a pool of worker threads, so a slow or hostile page
 * never blocks the UI's event loop and a crashing decode takes down one worker, not the app.
 * Calls beyond the worker count wait in order, each holding a copy of its input: feed pages as the
 * scanner delivers them rather than a whole batch at once. Call `close()` on shutdown.
 */
export class SharpImagePipeline implements ImagePipeline {
  private readonly pool: WorkerPool<ImageJob, ImageJobResult>;
  private readonly maxInputBytes: number;

  constructor(private readonly options: SharpImagePipelineOptions) {
    this.maxInputBytes = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
    const config: ImageWorkerConfig = { maxPixels: options.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS, vipsConcurrency: 1 };
    this.pool = new WorkerPool({ workerUrl: options.workerUrl, size: options.workers ?? 2, workerData: config });
  }

  async process(input: ImageInput, options: ProcessOptions): Promise<Result<ProcessedPage, ImageError>> {
    const refused = this.gate(input.bytes);
    if (refused) return refused;
    const copy = input.bytes.slice();
    const answer = await this.pool.run({ op: 'process', bytes: copy, page: input.page ?? 0, options }, [copy.buffer]);
    if (answer.op === 'failed') throw new Error(`image worker: ${answer.message}`);
    if (answer.op !== 'process') throw new Error(`image worker answered ${answer.op} to process`);
    this.options.onStageTimings?.(answer.timings);
    return answer.result;
  }

  async rotate(bytes: Uint8Array, degrees: 90 | 180 | 270): Promise<Result<PageImage, ImageError>> {
    const refused = this.gate(bytes);
    if (refused) return refused;
    const copy = bytes.slice();
    const answer = await this.pool.run({ op: 'rotate', bytes: copy, degrees }, [copy.buffer]);
    if (answer.op === 'failed') throw new Error(`image worker: ${answer.message}`);
    if (answer.op !== 'rotate') throw new Error(`image worker answered ${answer.op} to rotate`);
    return answer.result;
  }

  /** Stops the workers; calls in flight reject. */
  close(): Promise<void> {
    return this.pool.close();
  }

  /** Cheap refusals on the main thread: no copy and no worker round trip for what is plainly bad. */
  private gate(bytes: Uint8Array): Result<never, ImageError> | null {
    if (bytes.byteLength > this.maxInputBytes) return err({ kind: 'too-large', bytes: bytes.byteLength, limitBytes: this.maxInputBytes });
    const checked = checkInput(bytes);
    return checked.ok ? null : checked;
  }
}
