import { afterEach, describe, expect, it } from 'vitest';
import { operatorSchema, problemSchema, sessionResponseSchema } from '../../core/backendApi/wire';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../fixtures';
import { startBackend, type BackendHarness } from '../testing/backendHarness';

const NOW = new Date('2026-03-02T05:00:00.000Z');
let now = NOW;
let backend: BackendHarness;
afterEach(async () => {
  await backend.close();
  now = NOW;
});

const login = (body: unknown) => backend.request('POST', '/v1/session', { json: body });

describe('POST /v1/session', () => {
  it('signs a demo operator in with a 32-byte token valid for 12 hours and the profile', async () => {
    backend = await startBackend({ clock: () => now });
    const answer = await login({ ...DEMO_CREDENTIALS.operator, workstationId: 'ws-1' });
    expect(answer.status).toBe(200);
    const session = sessionResponseSchema.parse(answer.body);
    expect(Buffer.from(session.token, 'base64url')).toHaveLength(32);
    expect(session.expiresAt).toBe('2026-03-02T17:00:00.000Z');
    expect(operatorSchema.parse(session.operator)).toEqual({
      operatorId: 'op-0001',
      login: 'operator',
      fullName: 'ОПЕРАТОРОВ Нұрлан Тестұлы',
      iin: '880808399112',
      role: 'operator',
      workplace: { kind: 'psc', name: 'Астана қ. №1 ХҚО' },
    });
    expect(JSON.stringify(answer.body)).not.toContain('scrypt');
  });

  it('gives the supervisor and the provider employee their own roles and workplaces', async () => {
    backend = await startBackend();
    const supervisor = sessionResponseSchema.parse((await login({ ...DEMO_CREDENTIALS.supervisor, workstationId: 'ws' })).body);
    const provider = sessionResponseSchema.parse((await login({ ...DEMO_CREDENTIALS.provider, workstationId: 'ws' })).body);
    expect(supervisor.operator).toMatchObject({ role: 'supervisor', workplace: { kind: 'psc' } });
    expect(provider.operator).toMatchObject({ role: 'operator', workplace: { kind: 'provider' } });
    expect(supervisor.token).not.toBe(provider.token);
  });

  it('answers a wrong password and an unknown login identically with 401 invalid-credentials', async () => {
    backend = await startBackend();
    const wrongPassword = await login({ login: 'operator', password: 'Operator#2025', workstationId: 'ws' });
    const unknownLogin = await login({ login: 'nobody', password: 'Operator#2026', workstationId: 'ws' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownLogin.status).toBe(401);
    expect(problemSchema.parse(wrongPassword.body).code).toBe('invalid-credentials');
    expect(unknownLogin.body).toEqual(wrongPassword.body);
  });

  it('rejects a malformed login body with 400 validation-failed', async () => {
    backend = await startBackend();
    const answer = await login({ login: 'operator' });
    expect(answer.status).toBe(400);
    expect(problemSchema.parse(answer.body).code).toBe('validation-failed');
  });

  it('lets the token in until it expires, then answers 401 unauthorized', async () => {
    backend = await startBackend({ clock: () => now });
    const token = await backend.login();
    const path = `/v1/registry/persons/${FIXTURE_IDS.activeMan}`;
    now = new Date(NOW.getTime() + 12 * 3600_000 - 1);
    expect((await backend.request('GET', path, { token })).status).toBe(200);
    now = new Date(NOW.getTime() + 12 * 3600_000);
    const expired = await backend.request('GET', path, { token });
    expect(expired.status).toBe(401);
    expect(problemSchema.parse(expired.body).code).toBe('unauthorized');
    expect(expired.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('rejects unknown tokens with 401 unauthorized', async () => {
    backend = await startBackend();
    const answer = await backend.request('GET', `/v1/registry/persons/${FIXTURE_IDS.activeMan}`, { token: 'A'.repeat(43) });
    expect(answer.status).toBe(401);
    expect(problemSchema.parse(answer.body).code).toBe('unauthorized');
  });
});
