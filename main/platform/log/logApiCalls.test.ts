import { describe, expect, it } from 'vitest';
import type { WorkstationApi } from '../../../core/contract/methods';
import { listContractMethods } from '../../../core/contract/methods';
import { logApiCalls } from './logApiCalls';
import { MemoryLogger } from './MemoryLogger';

function fakeApi(): WorkstationApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const { area, method } of listContractMethods()) (api[area] ??= {})[method] = async () => ({ ok: true, value: null });
  api.registry!.lookupApplicant = async () => ({ ok: false, error: { kind: 'not-found', iin: '850101399014' } });
  api.session!.login = async () => {
    throw new Error('boom');
  };
  return api as unknown as WorkstationApi;
}

describe('logApiCalls', () => {
  it('logs each call by name, failures with their scrubbed error and throws as errors, never the arguments', async () => {
    const log = new MemoryLogger();
    const api = logApiCalls(fakeApi(), log);
    await api.catalog.listServices();
    await api.registry.lookupApplicant({ kind: 'individual', iin: '850101399014' } as never);
    await expect(api.session.login({ login: 'operator', password: 'Operator#2026' } as never)).rejects.toThrow('boom');
    expect(log.lines.map((l) => [l.level, l.event, l.fields.call])).toEqual([
      ['debug', 'call', 'catalog.listServices'],
      ['info', 'call.failed', 'registry.lookupApplicant'],
      ['error', 'call.threw', 'session.login'],
    ]);
    const text = JSON.stringify(log.lines);
    expect(text).not.toContain('850101399014');
    expect(text).not.toContain('Operator#2026');
    expect(text).toContain('"kind":"not-found"');
  });
});
