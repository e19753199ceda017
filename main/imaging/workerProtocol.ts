// Messages between SharpImagePipeline (main thread) and imageWorker (worker thread). Everything
// here survives structured cloning; page bytes travel as transferred ArrayBuffers, not copies.
import type { Result } from '../../core/result';
import type { ImageError, PageImage, ProcessOptions, ProcessedPage } from '../ports/ImagePipeline';
import type { StageTimings } from './processPage';

export interface ImageWorkerConfig {
  readonly maxPixels: number;
  /** libvips threads; process-wide, so every worker sets the same value. */
  readonly vipsConcurrency: number;
}

export type ImageJob =
  | { readonly op: 'process'; readonly bytes: Uint8Array; readonly page: number; readonly options: ProcessOptions }
  | { readonly op: 'rotate'; readonly bytes: Uint8Array; readonly degrees: 90 | 180 | 270 };

export type ImageJobResult =
  | { readonly op: 'process'; readonly result: Result<ProcessedPage, ImageError>; readonly timings: StageTimings }
  | { readonly op: 'rotate'; readonly result: Result<PageImage, ImageError> }
  /** A bug in the worker (not a bad image): the pool rejects the call with this message. */
  | { readonly op: 'failed'; readonly message: string };

export interface WorkerEnvelope<T> {
  readonly id: number;
  readonly body: T;
}
