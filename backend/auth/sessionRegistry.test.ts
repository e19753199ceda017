import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Operator } from '../../core/backendApi/wire';
import { SESSION_LIFETIME_MS, SessionRegistry } from './sessionRegistry';

const OPERATOR: Operator = { operatorId: 'op-1', login: 'operator', fullName: 'ОПЕРАТОРОВ Н.', iin: '880808399112', role: 'operator', workplace: { kind: 'psc', name: 'ХҚО' } };
const NOW = new Date('2026-11-23T06:00:00.000Z');

describe('SessionRegistry', () => {
  it('keeps sessions across a restart when it has a file, never the raw token', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-sessions-')), 'sessions.json');
    const first = await SessionRegistry.open(file, NOW);
    const issued = await first.issue(OPERATOR, NOW);
    expect(await readFile(file, 'utf8')).not.toContain(issued.token);

    const restarted = await SessionRegistry.open(file, new Date(NOW.getTime() + 60_000));
    expect(restarted.resolve(issued.token, new Date(NOW.getTime() + 60_000))).toEqual(OPERATOR);
    expect(restarted.resolve('not-a-token', NOW)).toBeNull();
  });

  it('drops expired sessions, on resolve and on reopening', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-sessions-')), 'sessions.json');
    const registry = await SessionRegistry.open(file, NOW);
    const issued = await registry.issue(OPERATOR, NOW);
    const later = new Date(NOW.getTime() + SESSION_LIFETIME_MS + 1);
    expect((await SessionRegistry.open(file, later)).resolve(issued.token, later)).toBeNull();
    expect(registry.resolve(issued.token, later)).toBeNull();
  });

  it('forgets everything at restart without a file', async () => {
    const registry = SessionRegistry.inMemory();
    const issued = await registry.issue(OPERATOR, NOW);
    expect(registry.resolve(issued.token, NOW)).toEqual(OPERATOR);
    expect(SessionRegistry.inMemory().resolve(issued.token, NOW)).toBeNull();
  });
});
