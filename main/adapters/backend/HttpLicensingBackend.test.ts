import { describe, expect, it } from 'vitest';
import { HttpLicensingBackend, MAX_RESULT_BYTES } from './HttpLicensingBackend';

const clientAnswering = (respond: () => Promise<Response>) =>
  new HttpLicensingBackend({ baseUrl: 'http://backend.test/', timeoutMs: 1_000, fetch: (() => respond()) as typeof fetch });

describe('HttpLicensingBackend.fetchRevocationLists', () => {
  it('returns the DER bytes of each list of a 200 answer', async () => {
    const der = Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x01]);
    const other = Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x02]);
    const body = JSON.stringify({ crls: [Buffer.from(der).toString('base64'), Buffer.from(other).toString('base64')] });
    const client = clientAnswering(async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
    expect(await client.fetchRevocationLists()).toEqual({ ok: true, value: [der, other] });
  });

  it('refuses what is not a list of DER, and reports the problem code of an error answer', async () => {
    const notDer = JSON.stringify({ crls: [Buffer.from('<html>').toString('base64')] });
    expect(await clientAnswering(async () => new Response(notDer, { status: 200 })).fetchRevocationLists()).toEqual({ ok: false, error: { kind: 'invalid-response' } });
    expect(await clientAnswering(async () => new Response('<html>proxy login</html>', { status: 200 })).fetchRevocationLists()).toEqual({
      ok: false,
      error: { kind: 'invalid-response' },
    });
    const unavailable = clientAnswering(async () => new Response(JSON.stringify({ code: 'service-unavailable', message: 'x' }), { status: 503, headers: { 'retry-after': '5' } }));
    expect(await unavailable.fetchRevocationLists()).toEqual({
      ok: false,
      error: { kind: 'http', status: 503, code: 'service-unavailable', retryAfterSeconds: 5 },
    });
  });

  it('turns a connection dropped in the middle of the body into a network failure, not a thrown error', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"crls":["MIIB'));
        controller.error(new TypeError('terminated'));
      },
    });
    expect(await clientAnswering(async () => new Response(broken, { status: 200 })).fetchRevocationLists()).toEqual({ ok: false, error: { kind: 'network' } });
  });
});

const STATUS_VIEW = {
  applicationId: '3f0c7a52-6c1e-4a8e-9d55-0a7f1d2b9c11',
  registrationNumber: 'KZ26LAA00000123',
  registeredAt: '2026-11-23T05:00:00.000Z',
  status: 'ready-for-handover',
  history: [
    { status: 'registered', at: '2026-11-23T05:00:00.000Z' },
    { status: 'under-review', at: '2026-11-24T05:00:00.000Z' },
    { status: 'issued', at: '2026-11-25T05:00:00.000Z' },
    { status: 'ready-for-handover', at: '2026-11-25T05:00:01.000Z' },
  ],
  decision: { outcome: 'issued', document: 'licence', licenceNumber: '26000123', decidedAt: '2026-11-25T05:00:00.000Z' },
  result: { sha256: 'c'.repeat(64), sizeBytes: 2048, fileName: 'licence-KZ26LAA00000123.pdf' },
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('HttpLicensingBackend.applicationStatus', () => {
  it('asks GET /v1/applications/{id} with the bearer token and returns the validated view', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const client = new HttpLicensingBackend({
      baseUrl: 'http://backend.test/',
      timeoutMs: 1_000,
      fetch: (async (url: string, init: RequestInit) => {
        seen.push({ url, auth: new Headers(init.headers).get('authorization') });
        return json(STATUS_VIEW);
      }) as typeof fetch,
    });
    const answer = await client.applicationStatus('tok-1', STATUS_VIEW.applicationId);
    expect(answer).toEqual({ ok: true, value: STATUS_VIEW });
    expect(seen).toEqual([{ url: `http://backend.test/v1/applications/${STATUS_VIEW.applicationId}`, auth: 'Bearer tok-1' }]);
  });

  it('refuses a malformed view (unknown status, empty history, bad decision) as invalid-response', async () => {
    for (const body of [
      { ...STATUS_VIEW, status: 'lost' },
      { ...STATUS_VIEW, history: [] },
      { ...STATUS_VIEW, decision: { outcome: 'refused', decidedAt: '2026-11-25T05:00:00.000Z' } },
      { ...STATUS_VIEW, result: { sha256: 'not-a-digest', sizeBytes: 1, fileName: 'x.pdf' } },
    ]) {
      expect(await clientAnswering(async () => json(body)).applicationStatus('t', STATUS_VIEW.applicationId)).toEqual({ ok: false, error: { kind: 'invalid-response' } });
    }
  });

  it('reports a 404 with its problem code', async () => {
    const client = clientAnswering(async () => json({ code: 'application-not-found', message: 'x' }, 404));
    expect(await client.applicationStatus('t', STATUS_VIEW.applicationId)).toEqual({
      ok: false,
      error: { kind: 'http', status: 404, code: 'application-not-found', retryAfterSeconds: null },
    });
  });
});

describe('HttpLicensingBackend.fetchResult', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n% licence\n%%EOF\n');

  it('returns the PDF bytes of GET /v1/applications/{id}/result', async () => {
    let asked = '';
    const client = new HttpLicensingBackend({
      baseUrl: 'http://backend.test',
      timeoutMs: 1_000,
      fetch: (async (url: string) => {
        asked = url;
        return new Response(pdf, { status: 200, headers: { 'content-type': 'application/pdf' } });
      }) as typeof fetch,
    });
    expect(await client.fetchResult('t', 'app/1')).toEqual({ ok: true, value: pdf });
    expect(asked).toBe('http://backend.test/v1/applications/app%2F1/result');
  });

  it('refuses what is not a PDF, and a body over the size limit without reading it all', async () => {
    expect(await clientAnswering(async () => new Response('<html>proxy</html>', { status: 200 })).fetchResult('t', 'a')).toEqual({ ok: false, error: { kind: 'invalid-response' } });
    const declaredTooBig = clientAnswering(async () => new Response(pdf, { status: 200, headers: { 'content-length': String(MAX_RESULT_BYTES + 1) } }));
    expect(await declaredTooBig.fetchResult('t', 'a')).toEqual({ ok: false, error: { kind: 'invalid-response' } });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(pulled === 1 ? pdf : new Uint8Array(1024 * 1024));
      },
    });
    expect(await clientAnswering(async () => new Response(endless, { status: 200 })).fetchResult('t', 'a')).toEqual({ ok: false, error: { kind: 'invalid-response' } });
    expect(pulled).toBeLessThan(MAX_RESULT_BYTES / (1024 * 1024) + 3);
  });

  it('reports 404 (no result yet) with its problem code', async () => {
    const client = clientAnswering(async () => json({ code: 'result-not-ready', message: 'x' }, 404));
    expect(await client.fetchResult('t', 'a')).toEqual({ ok: false, error: { kind: 'http', status: 404, code: 'result-not-ready', retryAfterSeconds: null } });
  });
});

describe('HttpLicensingBackend failures before any answer', () => {
  const failingWith = (error: unknown) => clientAnswering(async () => Promise.reject(error));

  it('names the TLS check that refused the server (fetch wraps the socket error as its cause)', async () => {
    const refused = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
    expect(await failingWith(refused('CERT_HAS_EXPIRED')).health()).toEqual({ ok: false, error: { kind: 'tls', reason: 'expired-certificate' } });
    expect(await failingWith(refused('SELF_SIGNED_CERT_IN_CHAIN')).createSession({ login: 'a', password: 'b', workstationId: 'w' })).toEqual({
      ok: false,
      error: { kind: 'tls', reason: 'untrusted-certificate' },
    });
  });

  it('keeps refused connections a network failure and an expired budget a timeout', async () => {
    const econnrefused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    expect(await failingWith(econnrefused).health()).toEqual({ ok: false, error: { kind: 'network' } });
    expect(await failingWith(new DOMException('timed out', 'TimeoutError')).health()).toEqual({ ok: false, error: { kind: 'timeout' } });
  });
});
