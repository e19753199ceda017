// An imported PDF as the workstation keeps it: its pages copied into a new document in one pass
// (so resources the pages share — an image on every page, a font — are stored once; the original
// catalog, with its open action, name trees, forms, XFA and outlines, is not carried over), without
// active content (pdfActiveContent.ts: JavaScript anywhere, additional actions, launch/URI/submit
// actions, embedded files, XFA, forms, multimedia), without the objects that only the removed content
// reached, within the page and pixel limits. The pages themselves are kept as they are (not
// re-rendered): text stays text, and what a page shows does not change.
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFStream } from 'pdf-lib';
import { err, ok, type Result } from '../../core/result';
import { dropUnreachableObjects, findActiveContent, imageSizes, removeActiveContent, type ActiveContentKind } from './pdfActiveContent';

export interface PdfLimits {
  readonly maxPages: number;
  /** Largest image (width × height) any page may carry. */
  readonly maxImagePixels: number;
}

export interface SanitizedPdf {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  /** Each page's size in points (1/72 inch). */
  readonly pageSizes: readonly { readonly width: number; readonly height: number }[];
  /** What was removed (empty for a clean file). */
  readonly removed: readonly ActiveContentKind[];
}

export type PdfProblem =
  | { readonly kind: 'corrupt-file' }
  | { readonly kind: 'encrypted' }
  | { readonly kind: 'too-many-pages'; readonly pages: number; readonly maxPages: number }
  | { readonly kind: 'too-many-pixels'; readonly page: number; readonly widthPx: number; readonly heightPx: number; readonly maxPixels: number };

export async function sanitizePdf(bytes: Uint8Array, limits: PdfLimits): Promise<Result<SanitizedPdf, PdfProblem>> {
  let source: PDFDocument;
  try {
    // throwOnInvalidObject: refuse a damaged file instead of logging and guessing. Encryption is checked
    // on the loaded document: pdf-lib's EncryptedPDFError cannot be told apart by instanceof or name.
    source = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false, ignoreEncryption: true });
  } catch {
    return err({ kind: 'corrupt-file' });
  }
  if (source.isEncrypted) return err({ kind: 'encrypted' });
  try {
    const pageCount = source.getPageCount();
    if (pageCount === 0) return err({ kind: 'corrupt-file' });
    if (pageCount > limits.maxPages) return err({ kind: 'too-many-pages', pages: pageCount, maxPages: limits.maxPages });

    // What the file carried anywhere (reported in the audit log); the document-level part of it —
    // open action, name trees, forms, XFA, outlines — stays behind with the original catalog.
    const found = findActiveContent(source.context);
    const out = await PDFDocument.create({ updateMetadata: false });
    // One copy for all pages: the copier keeps one copy of every object the pages share.
    const copied = await out.copyPages(source, source.getPageIndices());
    for (const page of copied) out.addPage(page);
    const removed = new Set([...found, ...removeActiveContent(out.context)]);
    dropUnreachableObjects(out.context);

    // Images are checked on what is kept (declared sizes; nothing is decoded). A page is named by the first that carries it.
    for (const size of imageSizes(out.context)) {
      if (size.widthPx * size.heightPx <= limits.maxImagePixels) continue;
      return err({ kind: 'too-many-pixels', page: firstPageWithImage(out, size) ?? 1, widthPx: size.widthPx, heightPx: size.heightPx, maxPixels: limits.maxImagePixels });
    }

    const saved = await out.save({ useObjectStreams: true });
    // Checked once more on what will be stored: the parse of our own output must find nothing.
    const check = await PDFDocument.load(saved, { throwOnInvalidObject: true, updateMetadata: false });
    const left = findActiveContent(check.context);
    if (left.size > 0) throw new Error(`active content left after sanitising: ${[...left].join(', ')}`);
    return ok({
      bytes: saved,
      pageCount,
      pageSizes: check.getPages().map((page) => page.getSize()),
      removed: [...removed].sort(),
    });
  } catch {
    // A structure pdf-lib cannot copy or write is a file we cannot vouch for.
    return err({ kind: 'corrupt-file' });
  }
}

/** The 1-based number of the first page whose resources name an image of this size directly, if any does. */
function firstPageWithImage(doc: PDFDocument, size: { widthPx: number; heightPx: number }): number | null {
  for (const [index, page] of doc.getPages().entries()) {
    const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, value] of xobjects?.entries() ?? []) {
      const stream = value instanceof PDFRef ? doc.context.lookup(value) : value;
      if (!(stream instanceof PDFStream)) continue;
      const width = stream.dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber();
      const height = stream.dict.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber();
      if (width === size.widthPx && height === size.heightPx) return index + 1;
    }
  }
  return null;
}
