// Active content in a PDF, found and removed at the level of its objects (pdf-lib's parsed
// context): JavaScript (document, page and annotation actions, form field scripts), launch and URI
// actions, embedded files, XFA forms and multimedia. Used by sanitizePdf.ts to strip an imported
// PDF and to check its own output.
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';

/** What was found, by kind (for the audit record and the tests). */
export type ActiveContentKind =
  | 'javascript'
  | 'additional-actions'
  | 'open-action'
  | 'launch'
  | 'uri'
  | 'submit-form'
  | 'other-action'
  | 'embedded-file'
  | 'xfa'
  | 'acroform'
  | 'multimedia';

/** Action types kept: moving within the document. Everything else (URI, Launch, JavaScript, SubmitForm, GoToR…) goes. */
const SAFE_ACTIONS = new Set(['GoTo']);
/** Annotations that exist to play, run or carry something; removed with their page entry. */
const ACTIVE_ANNOTATIONS = new Set(['FileAttachment', 'Sound', 'Movie', 'Screen', 'RichMedia', '3D']);
/** Keys that carry active content wherever they appear. */
const ACTIVE_KEYS: ReadonlyMap<string, ActiveContentKind> = new Map([
  ['AA', 'additional-actions'],
  ['OpenAction', 'open-action'],
  ['JS', 'javascript'],
  ['JavaScript', 'javascript'],
  ['EmbeddedFiles', 'embedded-file'],
  ['EmbeddedFile', 'embedded-file'],
  ['EF', 'embedded-file'],
  ['XFA', 'xfa'],
  ['AcroForm', 'acroform'],
  ['RichMediaContent', 'multimedia'],
  ['RichMediaSettings', 'multimedia'],
]);

const name = (value: PDFObject | undefined): string | null => (value instanceof PDFName ? value.decodeText() : null);

function dictOf(object: PDFObject | undefined): PDFDict | null {
  if (object instanceof PDFDict) return object;
  if (object instanceof PDFStream) return object.dict;
  return null;
}

function actionKind(action: PDFDict): ActiveContentKind {
  switch (name(action.get(PDFName.of('S'))) ?? '') {
    case 'JavaScript':
      return 'javascript';
    case 'Launch':
      return 'launch';
    case 'URI':
      return 'uri';
    case 'SubmitForm':
      return 'submit-form';
    default:
      return 'other-action';
  }
}

function resolveDict(context: PDFContext, object: PDFObject | undefined): PDFDict | null {
  return dictOf(object instanceof PDFRef ? context.lookup(object) : object);
}

/** The active content in one dictionary (not following references); with `remove`, takes it out as it goes. */
function scanDict(context: PDFContext, dict: PDFDict, remove: boolean, found: Set<ActiveContentKind>): void {
  for (const key of dict.keys()) {
    const kind = ACTIVE_KEYS.get(key.decodeText());
    if (kind === undefined) continue;
    found.add(kind);
    if (remove) dict.delete(key);
  }
  // An action (`/A` of a link, an outline item or a widget; `/Next` of an action) that is not a move within the document.
  for (const key of ['A', 'Next']) {
    const entry = dict.get(PDFName.of(key));
    const actions = entry instanceof PDFArray ? entry.asArray().map((item) => resolveDict(context, item)) : [resolveDict(context, entry)];
    if (actions.some((action) => action !== null && !SAFE_ACTIONS.has(name(action.get(PDFName.of('S'))) ?? ''))) {
      for (const action of actions) if (action) found.add(actionKind(action));
      if (remove) dict.delete(PDFName.of(key));
    }
  }
  // A page's annotations: those that play or carry something go entirely.
  const annots = dict.get(PDFName.of('Annots'));
  const list = annots instanceof PDFRef ? context.lookup(annots) : annots;
  if (list instanceof PDFArray) {
    for (let i = list.size() - 1; i >= 0; i--) {
      const annotation = resolveDict(context, list.get(i));
      const subtype = annotation ? name(annotation.get(PDFName.of('Subtype'))) : null;
      if (subtype === null || !ACTIVE_ANNOTATIONS.has(subtype)) continue;
      found.add(subtype === 'FileAttachment' ? 'embedded-file' : 'multimedia');
      if (remove) list.remove(i);
    }
  }
}

/** Every kind of active content anywhere in the document's objects (reachable or not). */
export function findActiveContent(context: PDFContext): ReadonlySet<ActiveContentKind> {
  const found = new Set<ActiveContentKind>();
  for (const [, object] of context.enumerateIndirectObjects()) walk(context, object, (dict) => scanDict(context, dict, false, found));
  return found;
}

/** Removes all active content from the document's objects; returns what was there. */
export function removeActiveContent(context: PDFContext): ReadonlySet<ActiveContentKind> {
  const found = new Set<ActiveContentKind>();
  for (const [, object] of context.enumerateIndirectObjects()) walk(context, object, (dict) => scanDict(context, dict, true, found));
  return found;
}

/** Visits every dictionary nested directly in `object` (inline dictionaries and arrays; references are their own objects). */
function walk(context: PDFContext, object: PDFObject, visit: (dict: PDFDict) => void): void {
  const dict = dictOf(object);
  if (dict) {
    visit(dict);
    for (const [, value] of dict.entries()) if (!(value instanceof PDFRef)) walk(context, value, visit);
  } else if (object instanceof PDFArray) {
    for (const item of object.asArray()) if (!(item instanceof PDFRef)) walk(context, item, visit);
  }
}

/** Deletes every indirect object the trailer (catalog, info) cannot reach: removed content must not linger in the file. */
export function dropUnreachableObjects(context: PDFContext): number {
  const reachable = new Set<string>();
  const pending: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Info].filter((o): o is PDFObject => o !== undefined);
  while (pending.length > 0) {
    const object = pending.pop()!;
    if (object instanceof PDFRef) {
      const key = object.toString();
      if (reachable.has(key)) continue;
      reachable.add(key);
      const target = context.lookup(object);
      if (target) pending.push(target);
      continue;
    }
    const dict = dictOf(object);
    if (dict) for (const [, value] of dict.entries()) pending.push(value);
    else if (object instanceof PDFArray) pending.push(...object.asArray());
  }
  let dropped = 0;
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (reachable.has(ref.toString())) continue;
    context.delete(ref);
    dropped++;
  }
  return dropped;
}

/** Width × height of every image XObject in the document (declared in its dictionary; nothing is decoded). */
export function imageSizes(context: PDFContext): { readonly widthPx: number; readonly heightPx: number }[] {
  const sizes: { widthPx: number; heightPx: number }[] = [];
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFStream)) continue;
    if (name(object.dict.get(PDFName.of('Subtype'))) !== 'Image') continue;
    const width = object.dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber() ?? 0;
    const height = object.dict.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber() ?? 0;
    sizes.push({ widthPx: width, heightPx: height });
  }
  return sizes;
}
