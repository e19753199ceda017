import { openFilePages } from '../adapters/scanner/openFilePages';
import type { SplitImportedFile } from './DraftService';

/**
 * The file-import adapter's page splitter, shaped for DraftService.importFile: limits checked from
 * the headers, a PDF sanitised and kept whole (openFilePages.ts); pixels are decoded once, in the
 * image pipeline, page by page.
 */
export const splitImportedFileWithSharp: SplitImportedFile = async (bytes, limits) => {
  let opened: Awaited<ReturnType<typeof openFilePages>>;
  try {
    opened = await openFilePages(bytes, { limits });
  } catch {
    // A parser that throws on a malformed file must not take the application down with it.
    return { ok: false, error: { kind: 'corrupt-file' } };
  }
  if (!opened.ok) {
    const problem = opened.error;
    if (problem.kind === 'unsupported-file') return { ok: false, error: { kind: 'unsupported-type' } };
    return { ok: false, error: problem };
  }
  const file = opened.value;
  return {
    ok: true,
    value: {
      pageCount: file.pageCount,
      removedActiveContent: file.removedActiveContent,
      async page(n) {
        const page = await file.page(n);
        if (page.format === 'pdf') return { kind: 'pdf', bytes: page.bytes, page: page.page ?? 0 };
        return page.page === undefined ? { kind: 'raster', bytes: page.bytes } : { kind: 'raster', bytes: page.bytes, page: page.page };
      },
    },
  };
};
