import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../core/backendApi/wire';
import { fakePdf, sha256Hex, startBackend, type BackendHarness } from '../testing/backendHarness';
import { MAX_BLOB_BYTES } from './blobRoutes';

let backend: BackendHarness;
let token: string;
beforeAll(async () => {
  backend = await startBackend();
  token = await backend.login();
});
afterAll(() => backend.close());

describe('blobs', () => {
  it('stores a new blob with 201, answers 200 to the same upload again, and HEAD finds it', async () => {
    const pdf = fakePdf('blob-1');
    const path = `/v1/blobs/${sha256Hex(pdf)}`;
    expect((await backend.request('HEAD', path, { token })).status).toBe(404);
    expect((await backend.request('PUT', path, { token, bytes: pdf })).status).toBe(201);
    expect((await backend.request('PUT', path, { token, bytes: pdf })).status).toBe(200);
    expect((await backend.request('HEAD', path, { token })).status).toBe(200);
  });

  it('refuses a body whose SHA-256 differs from the path with 422 digest-mismatch and stores nothing', async () => {
    const claimed = sha256Hex(fakePdf('claimed'));
    const answer = await backend.request('PUT', `/v1/blobs/${claimed}`, { token, bytes: fakePdf('actual') });
    expect(answer.status).toBe(422);
    expect(problemSchema.parse(answer.body).code).toBe('digest-mismatch');
    expect((await backend.request('HEAD', `/v1/blobs/${claimed}`, { token })).status).toBe(404);
  });

  it('answers 400 for a path that is not a lower-case hex SHA-256', async () => {
    const pdf = fakePdf('upper');
    const answer = await backend.request('PUT', `/v1/blobs/${sha256Hex(pdf).toUpperCase()}`, { token, bytes: pdf });
    expect(answer.status).toBe(400);
    expect(problemSchema.parse(answer.body).code).toBe('validation-failed');
  });

  it('answers 401 to uploads and HEAD without a token', async () => {
    const pdf = fakePdf('anonymous');
    const path = `/v1/blobs/${sha256Hex(pdf)}`;
    expect((await backend.request('PUT', path, { bytes: pdf })).status).toBe(401);
    expect((await backend.request('HEAD', path)).status).toBe(401);
  });

  it('refuses other content types with 415 and empty bodies with 400', async () => {
    const pdf = fakePdf('typed');
    const path = `/v1/blobs/${sha256Hex(pdf)}`;
    const typed = await backend.request('PUT', path, { token, bytes: pdf, headers: { 'content-type': 'application/pdf' } });
    expect(typed.status).toBe(415);
    expect(problemSchema.parse(typed.body).code).toBe('validation-failed');
    const empty = await backend.request('PUT', `/v1/blobs/${sha256Hex(new Uint8Array())}`, { token, bytes: new Uint8Array() });
    expect(empty.status).toBe(400);
  });

  it('accepts exactly 30 MiB and refuses one byte more with 413', async () => {
    const max = new Uint8Array(MAX_BLOB_BYTES).fill(7);
    expect((await backend.request('PUT', `/v1/blobs/${sha256Hex(max)}`, { token, bytes: max })).status).toBe(201);
    const over = new Uint8Array(MAX_BLOB_BYTES + 1).fill(7);
    const answer = await backend.request('PUT', `/v1/blobs/${sha256Hex(over)}`, { token, bytes: over });
    expect(answer.status).toBe(413);
    expect(problemSchema.parse(answer.body).code).toBe('validation-failed');
  });
});
