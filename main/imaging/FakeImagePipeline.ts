import { err, ok, type Result } from '../../core/result';
import type { ImageError, ImageInput, ImagePipeline, PageImage, ProcessOptions, ProcessedPage } from '../ports/ImagePipeline';
import { checkInput } from './sniffFormat';

export interface FakeImagePipelineOptions {
  /** Answer every `process` call with this error instead of a page. */
  readonly failWith?: ImageError;
  /** What `blank.isBlank` reports when blank detection is asked for. */
  readonly blank?: boolean;
}

/**
 * For service tests and demo mode: decodes nothing. A JPEG or PNG passes through unchanged as an
 * A4 300-dpi page; other inputs get the real pipeline's sniffing verdict. Calls are recorded.
 */
export class FakeImagePipeline implements ImagePipeline {
  readonly calls: ({ readonly op: 'process'; readonly options: ProcessOptions } | { readonly op: 'rotate'; readonly degrees: number })[] = [];

  constructor(private readonly options: FakeImagePipelineOptions = {}) {}

  async process(input: ImageInput, options: ProcessOptions): Promise<Result<ProcessedPage, ImageError>> {
    this.calls.push({ op: 'process', options });
    if (this.options.failWith) return err(this.options.failWith);
    const page = this.page(input.bytes, options.rotateDegrees === 90 || options.rotateDegrees === 270);
    if (!page.ok) return page;
    const blank = options.detectBlank ? { isBlank: this.options.blank ?? false, nonWhiteFraction: this.options.blank ? 0 : 0.08 } : null;
    return ok({ ...page.value, skewCorrectedDegrees: 0, blank });
  }

  async rotate(bytes: Uint8Array, degrees: 90 | 180 | 270): Promise<Result<PageImage, ImageError>> {
    this.calls.push({ op: 'rotate', degrees });
    return this.page(bytes, degrees !== 180);
  }

  private page(bytes: Uint8Array, landscape: boolean): Result<PageImage, ImageError> {
    const format = checkInput(bytes);
    if (!format.ok) return format;
    if (format.value !== 'jpeg' && format.value !== 'png') return err({ kind: 'unsupported-format', format: format.value });
    const [widthPx, heightPx] = landscape ? [3508, 2480] : [2480, 3508];
    return ok({
      bytes,
      mediaType: format.value === 'jpeg' ? 'image/jpeg' : 'image/png',
      widthPx,
      heightPx,
      dpi: 300,
      thumbnail: { bytes, widthPx: 200, heightPx: Math.round((200 * heightPx) / widthPx) },
    });
  }
}
