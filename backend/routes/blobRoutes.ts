import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_CODES, sha256HexSchema } from '../../core/backendApi/wire';
import { err, ok, type Result } from '../../core/result';
import type { BearerGuard } from '../http/bearerAuth';
import { refusal, sendProblem, type Refusal } from '../http/problem';
import type { BackendStore } from '../state/backendStore';
import type { BlobStorage } from '../state/blobStorage';

import { DOCUMENT_LIMITS } from '../applications/documentLimits';

/** Largest document the workstation may upload (published as `maxDocumentBytes`). */
export const MAX_BLOB_BYTES = DOCUMENT_LIMITS.maxDocumentBytes;

export interface BlobRouteDeps {
  readonly guard: BearerGuard;
  readonly store: BackendStore;
  readonly blobs: BlobStorage;
  readonly clock: () => Date;
}

type BlobParams = { Params: { sha256: string } };

function parseDigest(raw: string): Result<string, Refusal> {
  return sha256HexSchema.safeParse(raw).success
    ? ok(raw)
    : err(refusal(400, PROBLEM_CODES.validation, 'Path must end with a lower-case hex SHA-256'));
}

/**
 * Content-addressed document upload: the path names the SHA-256 of the body, so an upload is
 * idempotent by construction and a retry after a lost answer is always safe.
 */
export function registerBlobRoutes(app: FastifyInstance, deps: BlobRouteDeps): void {
  app.head<BlobParams>('/v1/blobs/:sha256', { onRequest: deps.guard.onRequest }, async (request, reply) => {
    const digest = parseDigest(request.params.sha256);
    if (!digest.ok) return sendProblem(reply, digest.error);
    if (!deps.store.blob(digest.value)) return sendProblem(reply, refusal(404, PROBLEM_CODES.notFound, 'No blob with this digest'));
    return reply.code(200).send();
  });

  app.put<BlobParams>('/v1/blobs/:sha256', { onRequest: deps.guard.onRequest, bodyLimit: MAX_BLOB_BYTES }, async (request, reply) => {
    const digest = parseDigest(request.params.sha256);
    if (!digest.ok) return sendProblem(reply, digest.error);
    const body = request.body;
    if (!Buffer.isBuffer(body) || body.length === 0) {
      return sendProblem(reply, refusal(400, PROBLEM_CODES.validation, 'Body must be a non-empty application/octet-stream'));
    }
    if (createHash('sha256').update(body).digest('hex') !== digest.value) {
      return sendProblem(reply, refusal(422, PROBLEM_CODES.digestMismatch, 'SHA-256 of the body differs from the path'));
    }
    if (deps.store.blob(digest.value)) return reply.code(200).send();

    // Bytes first, index second: an indexed blob always has its bytes, even after a crash.
    await deps.blobs.write(digest.value, body);
    const outcome = await deps.store.recordBlob({ sha256: digest.value, sizeBytes: body.length, storedAt: deps.clock().toISOString() });
    return reply.code(outcome === 'created' ? 201 : 200).send();
  });
}
