import { openFilePages } from '../adapters/scanner/openFilePages';
import type { SplitImportedFile } from './DraftService';

/** The file-import adapter's page splitter, shaped for DraftService.importFile. */
export const splitImportedFileWithSharp: SplitImportedFile = async (bytes) => {
  const opened = await openFilePages(bytes);
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
