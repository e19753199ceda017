import { describe, expect, it } from 'vitest';
import { channelOf, listContractMethods, type WorkstationApi } from '../../../core/contract/workstationApi';
import { registerWorkstationIpc, type IpcMainLike } from './registerWorkstationIpc';
import type { SenderFrame } from './trustedSender';

type Handler = Parameters<IpcMainLike['handle']>[1];

/** A WorkstationApi that records every call that reaches it and answers each with a marker. */
function recordingApi() {
  const calls: string[] = [];
  const api = new Proxy(
    {},
    {
      get: (_target, area: string) =>
        new Proxy(
          {},
          {
            get: (_inner, method: string) => async () => {
              calls.push(`${area}.${method}`);
              return { ok: true, value: 'reached' };
            },
          },
        ),
    },
  ) as WorkstationApi;
  return { api, calls };
}

function registerAll() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
  };
  const recorded = recordingApi();
  const channels = registerWorkstationIpc(ipcMain, recorded.api);
  return { handlers, channels, ...recorded };
}

const UNTRUSTED: readonly (SenderFrame | null)[] = [
  null,
  { url: 'app://workstation/index.html', parent: { url: 'app://workstation/index.html' } },
  { url: 'https://evil.example/', parent: null },
  { url: 'file:///home/operator/index.html', parent: null },
  { url: 'blob:app://workstation/1234', parent: null },
  { url: 'app://workstation.evil/index.html', parent: null },
  { url: '', parent: null },
];

describe('registerWorkstationIpc', () => {
  it('registers exactly one handler per contract method and nothing else', () => {
    const { handlers, channels } = registerAll();
    const expected = listContractMethods().map(({ area, method }) => channelOf(area, method));
    expect(expected.length).toBeGreaterThan(20);
    expect([...handlers.keys()].sort()).toEqual([...expected].sort());
    expect([...channels].sort()).toEqual([...expected].sort());
  });

  it('refuses every channel from every untrusted frame before any service sees the call', async () => {
    const { handlers, calls } = registerAll();
    for (const [channel, handler] of handlers) {
      for (const frame of UNTRUSTED) {
        await expect(handler({ senderFrame: frame }), `${channel} from ${frame?.url ?? 'no frame'}`).rejects.toThrow(
          `refused ${channel}: untrusted sender`,
        );
      }
    }
    expect(calls).toEqual([]);
  });

  it('passes the top frame of our origin on to the schema check and the service', async () => {
    const { handlers, calls } = registerAll();
    const top = { senderFrame: { url: 'app://workstation/index.html', parent: null } };
    for (const [channel, handler] of handlers) {
      // Without arguments a method either runs, or is refused by its schema: never by the sender check.
      const outcome = await handler(top).then(
        (value) => ({ value }),
        (error: unknown) => ({ error: String(error) }),
      );
      if ('error' in outcome) expect(outcome.error, channel).toMatch(/invalid arguments/);
      else expect(outcome.value, channel).toEqual({ ok: true, value: 'reached' });
    }
    expect(calls).toContain('session.current');
    expect(calls).toContain('system.about');
  });
});
