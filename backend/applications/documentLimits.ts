import type { BackendLimits } from '../../core/backendApi/wire';

/**
 * What this backend accepts per document, published at GET /v1/capabilities and enforced at
 * upload (bytes) and registration (bytes, pages, active content). 30 MiB fits a scanned
 * multi-page PDF comfortably; 500 pages fits the longest charter.
 */
export const DOCUMENT_LIMITS: BackendLimits = {
  maxDocumentBytes: 30 * 1024 * 1024,
  maxDocumentPages: 500,
};
