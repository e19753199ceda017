import type { Migration } from './index';

/**
 * PDF pages stored once (issue 16): a page of an imported PDF refers to the whole sanitised PDF
 * (`sha256`, shared by every page of that file) and to its page in it (`pdf_page`, 0-based). Pages
 * stored before this refer to a one-page PDF of their own: NULL, read as page 0.
 */
export const migration0012PdfPages: Migration = {
  version: 12,
  name: 'pdf-pages',
  up(db) {
    db.run(`ALTER TABLE draft_pages ADD COLUMN pdf_page INTEGER`);
  },
};
