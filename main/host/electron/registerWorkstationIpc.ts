import { channelOf, dispatchContractCall, listContractMethods, type WorkstationApi } from '../../../core/contract/workstationApi';
import { isTrustedSender, type SenderFrame } from './trustedSender';

/** The slice of Electron's `ipcMain` used here, so the wiring is tested without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { readonly senderFrame: SenderFrame | null }, ...args: unknown[]) => Promise<unknown>): void;
}

/**
 * The only place `ipcMain.handle` is called. One handler per contract method, generated from the
 * contract's method list; each checks the sender, then parses the arguments with the method's
 * schema (dispatchContractCall) before any service sees them. A refused call rejects the
 * renderer's promise; it is a bug or an attack, never an operator error.
 */
export function registerWorkstationIpc(ipcMain: IpcMainLike, api: WorkstationApi, expectedOrigin?: string): readonly string[] {
  const channels: string[] = [];
  for (const { area, method } of listContractMethods()) {
    const channel = channelOf(area, method);
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrustedSender(event.senderFrame, expectedOrigin)) throw new Error(`refused ${channel}: untrusted sender`);
      return dispatchContractCall(api, area, method, args);
    });
    channels.push(channel);
  }
  return channels;
}
