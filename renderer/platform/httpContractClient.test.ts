import { describe, expect, it, vi } from 'vitest';
import { createHttpContractClient, WorkstationHostError } from './httpContractClient';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('createHttpContractClient', () => {
  it('posts the arguments to /rpc/<area>/<method> with the token and returns the Result body', async () => {
    const fetch = vi.fn(async (_input: string, _init: RequestInit) => jsonResponse(200, { ok: false, error: { kind: 'not-found' } }));
    const api = createHttpContractClient({ token: 'tkn', fetch });
    const result = await api.registry.lookupApplicant({ kind: 'individual', iin: '850415312343' });

    expect(result).toEqual({ ok: false, error: { kind: 'not-found' } });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/rpc/registry/lookupApplicant');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('X-Workstation-Token')).toBe('tkn');
    expect(JSON.parse(String(init.body))).toEqual({ args: [{ kind: 'individual', iin: '850415312343' }] });
  });

  it('throws on any status but 200: a lost or refusing host is not an operator error', async () => {
    const api = createHttpContractClient({ token: 'tkn', fetch: async () => jsonResponse(401, { code: 'unauthorized' }) });
    await expect(api.catalog.listServices()).rejects.toBeInstanceOf(WorkstationHostError);
  });

  it('throws when a 200 body is not a Result', async () => {
    const api = createHttpContractClient({ token: 'tkn', fetch: async () => jsonResponse(200, { services: [] }) });
    await expect(api.catalog.listServices()).rejects.toThrow(/not a Result/);
  });

  it('lets a network failure reject the call', async () => {
    const api = createHttpContractClient({ token: null, fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(api.system.about()).rejects.toThrow('Failed to fetch');
  });
});
