// The licensing body's own check of a submitted PDF (independent of the workstation's sanitiser):
// every object of the file is parsed (object streams included) and every dictionary looked at for
// what a viewer would run or open — JavaScript, additional or open actions, launch / URI / form
// submission / remote actions, embedded files, XFA, multimedia. A file that cannot be parsed is
// refused too: what cannot be inspected cannot be vouched for.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';

const ACTIVE_KEYS = new Set(['JS', 'JavaScript', 'AA', 'OpenAction', 'EmbeddedFile', 'EmbeddedFiles', 'EF', 'XFA', 'RichMediaContent', 'RichMediaExecute']);
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'URI', 'SubmitForm', 'ImportData', 'GoToR', 'GoToE', 'Rendition', 'Movie', 'Sound', 'RichMediaExecute']);
const ACTIVE_ANNOTATIONS = new Set(['FileAttachment', 'Sound', 'Movie', 'Screen', 'RichMedia', '3D']);

export type PdfInspection = { readonly kind: 'clean'; readonly pageCount: number } | { readonly kind: 'active-content'; readonly found: readonly string[] } | { readonly kind: 'unreadable' };

export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    return { kind: 'unreadable' };
  }
  const found = new Set<string>();
  const visit = (object: PDFObject): void => {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : null;
    if (dict) {
      for (const [key, value] of dict.entries()) {
        const name = key.decodeText();
        if (ACTIVE_KEYS.has(name)) found.add(name);
        if (name === 'S' && value instanceof PDFName && ACTIVE_ACTIONS.has(value.decodeText())) found.add(`${value.decodeText()} action`);
        if (name === 'Subtype' && value instanceof PDFName && ACTIVE_ANNOTATIONS.has(value.decodeText())) found.add(`${value.decodeText()} annotation`);
        if (!(value instanceof PDFRef)) visit(value);
      }
    } else if (object instanceof PDFArray) {
      for (const item of object.asArray()) if (!(item instanceof PDFRef)) visit(item);
    }
  };
  try {
    for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object);
    // The trailer's direct entries (an inline catalog is unusual but legal).
    for (const entry of [doc.context.trailerInfo.Root, doc.context.trailerInfo.Info]) if (entry && !(entry instanceof PDFRef)) visit(entry);
    if (found.size > 0) return { kind: 'active-content', found: [...found].sort() };
    return { kind: 'clean', pageCount: doc.getPageCount() };
  } catch {
    // No catalog, no page tree, a dictionary pdf-lib cannot walk: not a document anyone can vouch for.
    return { kind: 'unreadable' };
  }
}
