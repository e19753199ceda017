/** Largest single attached file. Scans of a few A4 pages fit comfortably. Zod-free so the renderer can import it cheaply. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** A .p12 of a НУЦ РК key is a few kilobytes; anything far larger is not a key file. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;
