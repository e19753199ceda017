import { randomUUID } from 'node:crypto';
import { detectMediaType } from '../../core/documents/detectMediaType';
import { MAX_ATTACHMENT_BYTES, type AttachError, type AttachFileRequest, type AttachedDocument, type DocumentsApi } from '../../core/contract/documents';
import type { NotSignedIn } from '../../core/contract/common';
import type { Result } from '../../core/result';
import type { EncryptedBlobStore } from '../blobs/EncryptedBlobStore';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { deleteLooseDocument, insertDocument } from '../db/documents';
import type { Clock } from '../ports/Clock';
import type { OperatorSession } from './OperatorSession';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export class DocumentsService implements DocumentsApi {
  constructor(
    private readonly session: OperatorSession,
    private readonly db: SqlJsDatabase,
    private readonly blobs: EncryptedBlobStore,
    private readonly clock: Clock,
  ) {}

  async attachFile(request: AttachFileRequest): Promise<Result<AttachedDocument, AttachError>> {
    const active = this.session.require();
    if (!active.ok) return active;
    if (!BASE64.test(request.contentBase64) || request.contentBase64.length % 4 !== 0) return { ok: false, error: { kind: 'unsupported-type' } };
    const bytes = new Uint8Array(Buffer.from(request.contentBase64, 'base64'));
    if (bytes.byteLength === 0) return { ok: false, error: { kind: 'empty-file' } };
    if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, error: { kind: 'too-large', maxBytes: MAX_ATTACHMENT_BYTES } };
    const mediaType = detectMediaType(bytes);
    if (!mediaType) return { ok: false, error: { kind: 'unsupported-type' } };

    const sha256 = await this.blobs.put(bytes);
    const document = {
      id: randomUUID(),
      operatorId: active.value.operator.operatorId,
      applicationId: null,
      sha256,
      fileName: request.fileName,
      mediaType,
      sizeBytes: bytes.byteLength,
    };
    await this.db.write((w) => insertDocument(w, { ...document, createdAt: this.clock.now().toISOString() }));
    return { ok: true, value: { documentId: document.id, sha256, fileName: document.fileName, mediaType, sizeBytes: document.sizeBytes } };
  }

  async discardDocument(documentId: string): Promise<Result<null, NotSignedIn | { readonly kind: 'not-found' }>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const deleted = await this.db.write((w) => deleteLooseDocument(w, documentId, active.value.operator.operatorId));
    return deleted ? { ok: true, value: null } : { ok: false, error: { kind: 'not-found' } };
  }
}
