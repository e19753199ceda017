import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Operator } from '../../core/backendApi/wire';
import { MIGRATIONS } from '../db/migrations';
import { SqlJsDatabase } from '../db/SqlJsDatabase';
import { normaliseLogin, SqlAccountStore } from './AccountStore';
import { createPasswordVerifier } from './passwordVerifier';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
const OPERATOR: Operator = {
  operatorId: 'op-7', login: 'aigerim', fullName: 'Сәрсенова Әйгерім', iin: '880101300017', role: 'operator', workplace: { kind: 'psc', name: 'ХҚО' },
};

async function openAt(file: string) {
  return SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
}

describe('SqlAccountStore', () => {
  it('keeps the verifier, profile and lockout across a reopen, and never the password', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-accounts-')), 'ws.sqlite');
    const db = await openAt(file);
    const store = new SqlAccountStore(db);
    const verifier = await createPasswordVerifier('very-secret-1', { N: 1024, r: 8, p: 1, keyLength: 32 });
    await store.saveAccount('aigerim', { profile: OPERATOR, verifier, onlineLoginAt: new Date('2026-11-23T06:00:00.000Z') });
    const lockout = { failures: 3, windowStartedAt: new Date('2026-11-23T06:01:00.000Z'), lockedUntil: null };
    await store.writeLockout('aigerim', lockout);
    const dump = JSON.stringify(db.read((r) => [r.all('SELECT * FROM operator_verifiers'), r.all('SELECT * FROM login_lockouts')]));
    expect(dump).not.toContain('very-secret-1');
    await db.close();

    const reopened = new SqlAccountStore(await openAt(file));
    expect(reopened.findAccount('aigerim')).toEqual({ profile: OPERATOR, verifier, onlineLoginAt: new Date('2026-11-23T06:00:00.000Z') });
    expect(reopened.readLockout('aigerim')).toEqual(lockout);
    await reopened.writeLockout('aigerim', null);
    expect(reopened.readLockout('aigerim')).toBeNull();
    expect(reopened.findAccount('someone-else')).toBeNull();
  });

  it('reads a damaged row as no account rather than failing the login screen', async () => {
    const db = await openAt(path.join(await mkdtemp(path.join(tmpdir(), 'psc-accounts-')), 'ws.sqlite'));
    await db.write((w) => w.run(`INSERT INTO operator_verifiers VALUES ('x', '{"login":1}', '{}', 'yesterday')`));
    expect(new SqlAccountStore(db).findAccount('x')).toBeNull();
  });

  it('compares logins case-insensitively', () => {
    expect(normaliseLogin('  Aigerim ')).toBe(normaliseLogin('aigerim'));
  });
});
