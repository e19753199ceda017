import { z } from 'zod';
import type { Result } from '../result';
import type { DocumentRef } from '../backendApi/wire';
import type { NotSignedIn } from './common';

import { MAX_ATTACHMENT_BYTES } from './limits';

export { MAX_ATTACHMENT_BYTES };

export const attachFileRequestSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  /** Base64 of the file; its type is decided from its bytes, never from the name. */
  contentBase64: z.string().min(1).max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4),
});
export type AttachFileRequest = z.infer<typeof attachFileRequestSchema>;

export interface AttachedDocument extends DocumentRef {
  readonly documentId: string;
}

export type AttachError =
  | NotSignedIn
  | { readonly kind: 'unsupported-type' }
  | { readonly kind: 'too-large'; readonly maxBytes: number }
  | { readonly kind: 'empty-file' };

export interface DocumentsApi {
  /** Stores the file encrypted and content-addressed; returns its digest. */
  attachFile(request: AttachFileRequest): Promise<Result<AttachedDocument, AttachError>>;
  /** Drops a document that is not yet part of an accepted application. */
  discardDocument(documentId: string): Promise<Result<null, NotSignedIn | { readonly kind: 'not-found' }>>;
}

