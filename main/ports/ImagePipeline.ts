import type { Result } from '../../core/result';

/** Raster formats the pipeline decodes. Anything else (SVG, PDF, GIF, PNM, HEIF…) is refused. */
export type RasterFormat = 'jpeg' | 'png' | 'tiff' | 'webp';

/**
 * How a page is stored: `color` and `gray` as JPEG (quality 75; gray is a 1-channel JPEG),
 * `bw` as a 1-bit grayscale PNG (what a fax-style CCITT page would be, in a format pdf-lib embeds).
 */
export type ImageMode = 'color' | 'gray' | 'bw';

export type QuarterTurn = 0 | 90 | 180 | 270;

export interface ImageInput {
  readonly bytes: Uint8Array;
  /**
   * The format the caller believes the bytes are in (file extension, scanner setting). Only a hint:
   * the content decides, so a JPEG named `.png` is processed as a JPEG and a text file named
   * `.png` is `not-an-image`.
   */
  readonly format?: RasterFormat;
  /** For a multi-page file (TIFF): which page (0-based) to process; the first by default. */
  readonly page?: number;
}

export interface ProcessOptions {
  /**
   * `as-source` keeps the page's own colour type (imports): a 1-bit page stays black-and-white, a
   * gray one gray, anything else colour — no three-channel copy of a gray page.
   */
  readonly mode: ImageMode | 'as-source';
  /** Stretch contrast so the paper is white and the ink dark (1st–99th percentile of luma). */
  readonly normalise: boolean;
  /** Estimate the skew within ±10° and rotate it away (white fills the corners); page size is kept. */
  readonly deskew: boolean;
  /** Clockwise turn applied first (before deskew), e.g. for pages fed upside down. */
  readonly rotateDegrees: QuarterTurn;
  readonly detectBlank: boolean;
}

export interface BlankVerdict {
  readonly isBlank: boolean;
  /**
   * Share (0–1) of non-white pixels, measured on a downscaled copy of the page as stored, ignoring
   * a 1 % margin at each edge and edge bands that are mostly dark (scanner lid shadows).
   */
  readonly nonWhiteFraction: number;
}

export interface Thumbnail {
  /** JPEG, about 200 px wide. */
  readonly bytes: Uint8Array;
  readonly widthPx: number;
  readonly heightPx: number;
}

/** A stored page image: what `assembleDocumentPdf` embeds. */
export interface PageImage {
  readonly bytes: Uint8Array;
  readonly mediaType: 'image/jpeg' | 'image/png';
  readonly widthPx: number;
  readonly heightPx: number;
  /** From the file when it records a plausible density, else the page is taken to be A4 wide. */
  readonly dpi: number;
  readonly thumbnail: Thumbnail;
}

export interface ProcessedPage extends PageImage {
  /**
   * The skew that was removed, in degrees: positive when the content leaned clockwise on screen
   * (lines descending to the right) and was turned back counter-clockwise. 0 when deskew was off,
   * the page has no consistent text lines (blank, photo) or the skew was negligible.
   */
  readonly skewCorrectedDegrees: number;
  /** Null when `detectBlank` was off. */
  readonly blank: BlankVerdict | null;
}

export type ImageError =
  /** Not recognisably an image at all (random bytes, a text file renamed `.png`). */
  | { readonly kind: 'not-an-image' }
  /** A real image or document, but not one of the raster formats we take (SVG, PDF, GIF, PNM…). */
  | { readonly kind: 'unsupported-format'; readonly format: string }
  /** Looks like a supported format but cannot be decoded: truncated, damaged, invalid data. */
  | { readonly kind: 'corrupt'; readonly detail: string }
  /** Declares more pixels than the limit (decompression bombs, absurd scan settings); never decoded. */
  | { readonly kind: 'too-many-pixels'; readonly widthPx: number; readonly heightPx: number; readonly limitPx: number }
  /** More bytes than the limit; refused before anything is parsed. */
  | { readonly kind: 'too-large'; readonly bytes: number; readonly limitBytes: number };

/**
 * Turns scanned or imported images into stored pages (DESIGN.md §6). Implementations decode off
 * the main thread and never throw for bad input: every hostile or broken file resolves to an
 * `ImageError` and the pipeline keeps serving later calls. A rejected promise means a bug or a
 * crashed worker, never a bad file.
 */
export interface ImagePipeline {
  /**
   * Decodes one page and applies, in order: the quarter turn, colour mode, contrast normalisation,
   * deskew, blank detection; encodes the page and a thumbnail. Output pixel size equals the input's
   * (after the quarter turn); the skew rotation does not enlarge the page.
   */
  process(input: ImageInput, options: ProcessOptions): Promise<Result<ProcessedPage, ImageError>>;
  /**
   * The operator's rotate button: turns a page that `process` produced (JPEG or PNG) clockwise and
   * re-encodes it in the same format and colour type, with a new thumbnail. JPEG pages are
   * re-encoded (one generation of loss per call); for lossless turns prefer rotating the PDF page.
   * Other formats are `unsupported-format`.
   */
  rotate(bytes: Uint8Array, degrees: 90 | 180 | 270): Promise<Result<PageImage, ImageError>>;
}
