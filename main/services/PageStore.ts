import { randomUUID } from 'node:crypto';
import type { ImagePipeline, ProcessOptions } from '../ports/ImagePipeline';
import type { EncryptedBlobStore } from '../blobs/EncryptedBlobStore';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { appendPage } from '../db/drafts';
import type { Clock } from '../ports/Clock';
import type { Result } from '../../core/result';

/**
 * A page as it comes from a scanner or a file, before processing. `page` picks one page of a
 * multi-page file (TIFF, PDF) whose whole bytes are given; a PDF page is always the whole
 * sanitised PDF plus its page number, the same bytes for every page of it.
 */
export type IncomingPage =
  | { readonly kind: 'raster'; readonly bytes: Uint8Array; readonly page?: number }
  | { readonly kind: 'pdf'; readonly bytes: Uint8Array; readonly page: number };

export type PageRejection =
  | { readonly kind: 'unsupported-type' }
  | { readonly kind: 'corrupt-file' }
  | { readonly kind: 'too-many-pixels'; readonly widthPx: number; readonly heightPx: number; readonly maxPixels: number }
  | { readonly kind: 'too-large' };

/**
 * Processes one incoming page and makes it durable: blobs first (page and thumbnail, encrypted),
 * then the page row in its own committed transaction. When `add` resolves the page survives a
 * crash; this is what lets a scan be interrupted anywhere without losing earlier pages.
 *
 * The pages of one PDF share one blob: the PDF is stored (and hashed) once, on its first page, and
 * each page row names its page in it — a 300-page PDF that draws one image on every page takes the
 * space of that PDF, not 300 copies of the image.
 */
export class PageStore {
  /** Digest of PDF bytes already stored, by the very bytes object (every page of a file passes the same one). */
  private readonly storedPdfs = new WeakMap<Uint8Array, string>();

  constructor(
    private readonly db: SqlJsDatabase,
    private readonly blobs: EncryptedBlobStore,
    private readonly pipeline: ImagePipeline,
    private readonly clock: Clock,
  ) {}

  async add(draftId: string, slotId: string, page: IncomingPage, source: 'scanner' | 'import', options: ProcessOptions): Promise<Result<string, PageRejection>> {
    const id = randomUUID();
    const createdAt = this.clock.now().toISOString();
    if (page.kind === 'pdf') {
      const sha256 = await this.storePdf(page.bytes);
      await this.db.write((w) =>
        appendPage(w, draftId, {
          id, slotId, kind: 'pdf', mediaType: 'application/pdf', sha256, pdfPage: page.page, thumbnailSha256: null, widthPx: null, heightPx: null, dpi: null, blank: false, source, createdAt,
        }),
      );
      return { ok: true, value: id };
    }
    const processed = await this.pipeline.process({ bytes: page.bytes, ...(page.page !== undefined ? { page: page.page } : {}) }, options);
    if (!processed.ok) {
      const error = processed.error;
      switch (error.kind) {
        case 'not-an-image':
        case 'unsupported-format':
          return { ok: false, error: { kind: 'unsupported-type' } };
        case 'corrupt':
          return { ok: false, error: { kind: 'corrupt-file' } };
        case 'too-many-pixels':
          return { ok: false, error: { kind: 'too-many-pixels', widthPx: error.widthPx, heightPx: error.heightPx, maxPixels: error.limitPx } };
        case 'too-large':
          return { ok: false, error: { kind: 'too-large' } };
      }
    }
    const value = processed.value;
    const sha256 = await this.blobs.put(value.bytes);
    const thumbnailSha256 = await this.blobs.put(value.thumbnail.bytes);
    await this.db.write((w) =>
      appendPage(w, draftId, {
        id, slotId, kind: 'image', mediaType: value.mediaType, sha256, thumbnailSha256, widthPx: value.widthPx, heightPx: value.heightPx,
        dpi: value.dpi, blank: value.blank?.isBlank ?? false, source, createdAt,
      }),
    );
    return { ok: true, value: id };
  }

  private async storePdf(bytes: Uint8Array): Promise<string> {
    const known = this.storedPdfs.get(bytes);
    if (known) return known;
    const sha256 = await this.blobs.put(bytes);
    this.storedPdfs.set(bytes, sha256);
    return sha256;
  }
}
