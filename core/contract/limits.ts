/** Largest single attached file. Scans of a few A4 pages fit comfortably. Zod-free so the renderer can import it cheaply. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** A .p12 of a НУЦ РК key is a few kilobytes; anything far larger is not a key file. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;
/**
 * Most pages one imported file, and one document (a slot's assembled PDF), may have. The licensing
 * backend publishes its own limits (GET /v1/capabilities), which the assembled documents must also meet.
 */
export const MAX_DOCUMENT_PAGES = 500;
/**
 * Largest page an imported image may declare (read from its header, before decoding): A4 at 600 dpi
 * (35 Mpx) and A3 at 400 dpi (31 Mpx) fit; a decompression bomb does not. Also the largest image a
 * page of an imported PDF may carry.
 */
export const MAX_PAGE_PIXELS = 40_000_000;
