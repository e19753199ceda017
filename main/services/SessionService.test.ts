import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Operator, SessionRequest, SessionResponse } from '../../core/backendApi/wire';
import type { Result } from '../../core/result';
import type { BackendFailure } from '../../core/submission/backendFailure';
import { FakeAccountStore, SqlAccountStore, type AccountStore } from '../accounts/AccountStore';
import { MIGRATIONS } from '../db/migrations';
import { SqlJsDatabase } from '../db/SqlJsDatabase';
import { OperatorSession } from './OperatorSession';
import { DEFAULT_SESSION_OPTIONS, SessionService } from './SessionService';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
const T0 = Date.parse('2026-11-23T06:00:00.000Z');
const DAY = 86_400_000;
const OPERATOR: Operator = {
  operatorId: 'op-7', login: 'aigerim', fullName: 'Сәрсенова Әйгерім', iin: '880101300017', role: 'operator', workplace: { kind: 'psc', name: 'ХҚО' },
};
const PASSWORD = 'correct horse';

/** The licensing backend's login: up (accepts PASSWORD), down (the given failure), counting calls. */
class FakeSessionBackend {
  down: BackendFailure | null = null;
  calls = 0;
  async createSession(request: SessionRequest): Promise<Result<SessionResponse, BackendFailure>> {
    this.calls += 1;
    if (this.down) return { ok: false, error: this.down };
    if (request.login !== OPERATOR.login || request.password !== PASSWORD) {
      return { ok: false, error: { kind: 'http', status: 401, code: 'invalid-credentials', retryAfterSeconds: null } };
    }
    return { ok: true, value: { token: 'token-0123456789abcdef', expiresAt: new Date(T0 + 30 * DAY).toISOString(), operator: OPERATOR } };
  }
}

function setup(accounts: AccountStore = new FakeAccountStore()) {
  const clock = { ms: T0, now() { return new Date(this.ms); } };
  const backend = new FakeSessionBackend();
  const session = new OperatorSession(clock);
  const errors: unknown[] = [];
  const service = new SessionService(backend, session, () => 'WS01', accounts, clock, {
    ...DEFAULT_SESSION_OPTIONS,
    scrypt: { N: 1024, r: 8, p: 1, keyLength: 32 },
    onUnexpectedError: (error) => errors.push(error),
  });
  const login = (password = PASSWORD, login = 'aigerim') => service.login({ login, password });
  return { clock, backend, session, service, login, errors, accounts };
}

describe('SessionService', () => {
  it('signs in online, keeps the token in main and caches a verifier (never the password)', async () => {
    const { login, session, accounts } = setup();
    expect(await login()).toEqual({ ok: true, value: { ...OPERATOR, offline: false } });
    expect(session.current()?.token).toBe('token-0123456789abcdef');
    const stored = accounts.findAccount('aigerim');
    expect(stored?.profile).toEqual(OPERATOR);
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
  });

  it('signs in offline with the cached verifier when the backend is down; no token, and current() says offline', async () => {
    for (const down of [{ kind: 'network' }, { kind: 'timeout' }, { kind: 'tls', reason: 'untrusted-certificate' }, { kind: 'http', status: 503, code: 'unavailable', retryAfterSeconds: null }] as const) {
      const { login, backend, session, service } = setup();
      await login();
      await service.logout();
      backend.down = down;
      expect(await login()).toEqual({ ok: true, value: { ...OPERATOR, offline: true } });
      expect(session.current()).toMatchObject({ operator: OPERATOR, token: null });
      expect(session.require().ok).toBe(true);
      expect(await service.current()).toEqual({ ok: true, value: { ...OPERATOR, offline: true } });
    }
  });

  it('refuses a wrong password offline, and has nothing to offer a login never seen online', async () => {
    const { login, backend } = setup();
    await login();
    backend.down = { kind: 'network' };
    expect(await login('wrong horse')).toEqual({ ok: false, error: { kind: 'invalid-credentials' } });
    expect(await login(PASSWORD, 'stranger')).toEqual({ ok: false, error: { kind: 'backend-unavailable' } });
  });

  it('does not sign in offline when the backend answered (a 403 stands) or the verifier is older than 7 days', async () => {
    const { login, backend, clock } = setup();
    await login();
    backend.down = { kind: 'http', status: 403, code: 'account-disabled', retryAfterSeconds: null };
    expect(await login()).toEqual({ ok: false, error: { kind: 'backend-unavailable' } });
    backend.down = { kind: 'network' };
    clock.ms = T0 + 7 * DAY;
    expect((await login()).ok).toBe(true);
    clock.ms = T0 + 7 * DAY + 1;
    expect(await login()).toEqual({ ok: false, error: { kind: 'backend-unavailable' } });
  });

  it('locks a login after 5 failures within 15 minutes without asking the backend, until the lockout ends', async () => {
    const { login, backend, clock } = setup();
    for (let i = 1; i <= 4; i++) expect(await login('wrong')).toEqual({ ok: false, error: { kind: 'invalid-credentials' } });
    const until = new Date(T0 + 15 * 60_000).toISOString();
    expect(await login('wrong')).toEqual({ ok: false, error: { kind: 'locked-out', until } });
    const callsBefore = backend.calls;
    expect(await login(PASSWORD, 'AIGERIM')).toEqual({ ok: false, error: { kind: 'locked-out', until } });
    expect(backend.calls).toBe(callsBefore);

    clock.ms = T0 + 15 * 60_000;
    expect((await login()).ok).toBe(true);
    // A success resets the count: four more failures do not lock.
    for (let i = 1; i <= 4; i++) expect((await login('wrong')).ok).toBe(false);
    expect((await login()).ok).toBe(true);
  });

  it('counts offline failures too, and keeps the lockout across a restart', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-session-')), 'ws.sqlite');
    const db = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    const first = setup(new SqlAccountStore(db));
    await first.login();
    first.backend.down = { kind: 'network' };
    for (let i = 1; i <= 5; i++) await first.login('wrong');
    await db.close();

    const reopened = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    const second = setup(new SqlAccountStore(reopened));
    expect(await second.login()).toEqual({ ok: false, error: { kind: 'locked-out', until: new Date(T0 + 15 * 60_000).toISOString() } });
    expect(second.backend.calls).toBe(0);
    await reopened.close();
  });

  it('lock() ends the session like logout', async () => {
    const { login, service, session } = setup();
    await login();
    expect(await service.lock()).toEqual({ ok: true, value: null });
    expect(session.current()).toBeNull();
    expect(await service.current()).toEqual({ ok: true, value: null });
  });
});
