import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createWorkstationBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'workstation',
  createWorkstationBridge((channel, args) => ipcRenderer.invoke(channel, ...args)),
);

// The one host fact the contract cannot carry: where a file the operator picked lives on disk, so
// main can remember their key file's path (never its password). Files from a drop or a dialog only.
contextBridge.exposeInMainWorld('workstationFiles', {
  pathOf: (file: File): string | null => {
    const found = webUtils.getPathForFile(file);
    return found === '' ? null : found;
  },
});
