import { describe, expect, it } from 'vitest';
import { HttpLicensingBackend } from './HttpLicensingBackend';

const clientAnswering = (respond: () => Promise<Response>) =>
  new HttpLicensingBackend({ baseUrl: 'http://backend.test/', timeoutMs: 1_000, fetch: (() => respond()) as typeof fetch });

describe('HttpLicensingBackend.fetchRevocationList', () => {
  it('returns the DER bytes of a 200 answer', async () => {
    const der = Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x01]);
    const client = clientAnswering(async () => new Response(der, { status: 200, headers: { 'content-type': 'application/pkix-crl' } }));
    expect(await client.fetchRevocationList()).toEqual({ ok: true, value: der });
  });

  it('refuses what is not DER, and reports the problem code of an error answer', async () => {
    expect(await clientAnswering(async () => new Response('<html>proxy login</html>', { status: 200 })).fetchRevocationList()).toEqual({
      ok: false,
      error: { kind: 'invalid-response' },
    });
    const unavailable = clientAnswering(async () => new Response(JSON.stringify({ code: 'service-unavailable', message: 'x' }), { status: 503, headers: { 'retry-after': '5' } }));
    expect(await unavailable.fetchRevocationList()).toEqual({
      ok: false,
      error: { kind: 'http', status: 503, code: 'service-unavailable', retryAfterSeconds: 5 },
    });
  });

  it('turns a connection dropped in the middle of the body into a network failure, not a thrown error', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(Uint8Array.from([0x30, 0x82]));
        controller.error(new TypeError('terminated'));
      },
    });
    expect(await clientAnswering(async () => new Response(broken, { status: 200 })).fetchRevocationList()).toEqual({ ok: false, error: { kind: 'network' } });
  });
});
