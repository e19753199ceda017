import { channelOf, createContractClient, type WorkstationApi } from '../core/contract/methods';

/**
 * `window.workstation`, generated from the contract's method list: each method forwards its
 * arguments to the method's own channel. No generic invoke, no ipcRenderer, no process.env.
 */
export function createWorkstationBridge(invoke: (channel: string, args: unknown[]) => Promise<unknown>): WorkstationApi {
  return createContractClient((area, method, args) => invoke(channelOf(area, method), args));
}
