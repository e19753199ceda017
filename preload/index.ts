// Sandboxed preload, bundled whole to out/electron/preload.cjs (a sandboxed preload can only
// require Electron's renderer modules).
import { contextBridge, ipcRenderer } from 'electron';
import { createWorkstationBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'workstation',
  createWorkstationBridge((channel, args) => ipcRenderer.invoke(channel, ...args)),
);
