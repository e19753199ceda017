// Entry of the Electron host (`npm start` where the Electron runtime exists). Bundled to
// out/electron/main.cjs. All logic lives in plain Node modules; this file only wires Electron.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session } from 'electron';
import { createWorkstation, type Workstation } from '../../app';
import { loadAppConfig } from '../../config/appConfig';
import type { KeyWrapper } from '../../config/blobKey';
import { resolveAppPaths } from '../appPaths';
import { reportUnexpected } from '../reportUnexpected';
import { registerWorkstationIpc } from './registerWorkstationIpc';
import { denyAllPermissions, hardenWebContents } from './hardenWebContents';
import { openSecureWindow } from './openSecureWindow';
import { serveRendererFile } from './serveRendererFile';
import { APP_ORIGIN } from './trustedSender';

const safeStorageWrapper: KeyWrapper = {
  wrap: (key) => new Uint8Array(safeStorage.encryptString(Buffer.from(key).toString('base64'))),
  unwrap: (wrapped) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(wrapped)), 'base64')),
};

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

let workstation: Workstation | null = null;

async function start(): Promise<void> {
  const appRoot = path.resolve(__dirname, '..', '..');
  const paths = resolveAppPaths(appRoot);
  const config = loadAppConfig(process.env, app.getPath('userData'));
  if (!config.ok) {
    console.error(`Configuration error in ${config.error.file}: ${config.error.detail}`);
    app.exit(2);
    return;
  }
  denyAllPermissions(session.defaultSession);
  protocol.handle('app', (request) => serveRendererFile(request.url, paths.rendererDir));

  workstation = await createWorkstation({
    config: config.value,
    host: 'electron',
    version: paths.version,
    paths,
    keyWrapper: safeStorageWrapper,
    onUnexpectedError: reportUnexpected,
  });
  registerWorkstationIpc(ipcMain, workstation.api);

  const window = openSecureWindow(BrowserWindow, path.join(__dirname, 'preload.cjs'), !app.isPackaged);
  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('window-all-closed', () => {
  void (workstation?.close() ?? Promise.resolve()).finally(() => app.quit());
});


app.whenReady().then(start).catch((error: unknown) => {
  reportUnexpected(error);
  app.exit(1);
});
