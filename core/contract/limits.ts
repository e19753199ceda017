/** Largest single attached file. Scans of a few A4 pages fit comfortably. Zod-free so the renderer can import it cheaply. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
