import { openFilePages } from '../adapters/scanner/openFilePages';
import type { SplitImportedFile } from './DraftService';

/** The file-import adapter's page splitter, shaped for DraftService.importFile. */
export const splitImportedFileWithSharp: SplitImportedFile = async (bytes) => {
  let opened: Awaited<ReturnType<typeof openFilePages>>;
  try {
    opened = await openFilePages(bytes);
  } catch {
    // A parser that throws on a malformed file must not take the application down with it.
    return { ok: false, error: { kind: 'corrupt-file' } };
  }
  if (!opened.ok) {
    if (opened.error.kind === 'corrupt-file') return { ok: false, error: { kind: 'corrupt-file' } };
    return { ok: false, error: { kind: opened.error.reason === 'too-large' ? 'too-large' : 'unsupported-type' } };
  }
  const file = opened.value;
  return {
    ok: true,
    value: {
      pageCount: file.pageCount,
      async page(n) {
        const page = await file.page(n);
        return page.format === 'pdf' ? { kind: 'pdf', bytes: page.bytes } : { kind: 'raster', bytes: page.bytes };
      },
    },
  };
};
