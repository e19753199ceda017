// Entry of the Electron host (`npm start` where the Electron runtime exists). Bundled to
// out/electron/main.cjs. All logic lives in plain Node modules; this file only wires Electron.
//
// Order matters (test/electron/startup.test.ts drives this bundle under Node with a strict fake
// `electron` that refuses any API used before 'ready'): before ready only the privileged scheme,
// the sandbox switch, the single-instance lock and event handlers; everything else in start().
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { createWorkstation, type Workstation } from '../../app';
import { loadAppConfig } from '../../config/appConfig';
import { noKeyWrapping, type KeyWrapper } from '../../config/blobKey';
import { decideKeyProtection, NO_KEY_STORE_DIALOG, type KeyProtection } from '../../platform/keys/keyProtection';
import { runPackagedSmoke } from '../../platform/smoke/packagedSmoke';
import { resolveAppPaths } from '../appPaths';
import { openHostLog, type HostLog } from '../hostLog';
import { reportUnexpected } from '../reportUnexpected';
import { ElectronPdfPrinter } from './ElectronPdfPrinter';
import { denyAllPermissions, hardenWebContents } from './hardenWebContents';
import { openPrintWindow, openSecureWindow } from './openSecureWindow';
import { PrintDocuments } from './printDocuments';
import { registerWorkstationIpc } from './registerWorkstationIpc';
import { serveRendererFile } from './serveRendererFile';
import { APP_ORIGIN } from './trustedSender';

const safeStorageWrapper: KeyWrapper = {
  wrap: (key) => new Uint8Array(safeStorage.encryptString(Buffer.from(key).toString('base64'))),
  unwrap: (wrapped) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(wrapped)), 'base64')),
};

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let window: BrowserWindow | null = null;
let workstation: Workstation | null = null;
let log: HostLog | null = null;

// A second start (a double click at the counter) only brings the running window forward.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    void (workstation?.close() ?? Promise.resolve())
      .then(() => log?.logger.info('host.stopped', { host: 'electron' }))
      .then(() => log?.close())
      .finally(() => app.quit());
  });
  app.whenReady().then(start).catch(fatal);
}

/** A start that cannot go on: a dialog the person at the counter can read, the log, and a non-zero exit. */
function fatal(error: unknown): void {
  log?.logger.error('startup.failed', { err: error });
  reportUnexpected(error);
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('PSC Workstation', `Жұмыс орны іске қосылмады. / Рабочее место не запустилось. / The workstation could not start.\n\n${message}`);
  void (log?.close() ?? Promise.resolve()).finally(() => app.exit(1));
}

async function start(): Promise<void> {
  Menu.setApplicationMenu(null);
  const appRoot = path.resolve(__dirname, '..', '..');
  const paths = resolveAppPaths(appRoot);
  const config = loadAppConfig(process.env, app.getPath('userData'));
  if (!config.ok) {
    dialog.showErrorBox('PSC Workstation', `Configuration error in ${config.error.file}:\n${config.error.detail}`);
    console.error(`Configuration error in ${config.error.file}: ${config.error.detail}`);
    app.exit(2);
    return;
  }
  log = await openHostLog(config.value, 'electron', paths.version);

  if (process.argv.includes('--smoke')) {
    const smoke = await runPackagedSmoke(paths);
    for (const line of smoke.lines) process.stdout.write(`smoke: ${line}\n`);
    log.logger.info('smoke', { ok: smoke.ok });
    await log.close();
    app.exit(smoke.ok ? 0 : 1);
    return;
  }

  const protection = chooseKeyProtection(config.value.blobKeyBase64 !== null);
  if (protection === null) {
    log.logger.warn('startup.quit-no-key-store');
    await log.close();
    app.exit(3);
    return;
  }
  log.logger.info('key-protection', { protection });

  denyAllPermissions(session.defaultSession);
  const printDocuments = new PrintDocuments();
  protocol.handle('app', (request) => (new URL(request.url).host === 'print' ? printDocuments.serve(request.url) : serveRendererFile(request.url, paths.rendererDir)));
  const electronPrinter = new ElectronPdfPrinter({
    documents: printDocuments,
    listingContents: () => window?.webContents ?? null,
    openPrintWindow: () => openPrintWindow(BrowserWindow),
  });

  workstation = await createWorkstation({
    config: config.value,
    host: 'electron',
    version: paths.version,
    paths,
    keyWrapper: protection === 'os-key-store' ? safeStorageWrapper : noKeyWrapping,
    keyStoreWarning: protection === 'unprotected-fallback',
    onUnexpectedError: log.onUnexpectedError,
    installed: app.isPackaged,
    log,
    electronPrinter,
  });
  registerWorkstationIpc(ipcMain, workstation.api);

  window = openSecureWindow(BrowserWindow, path.join(__dirname, 'preload.cjs'), !app.isPackaged);
  const shown = window;
  shown.once('ready-to-show', () => shown.show());
  shown.on('closed', () => {
    if (window === shown) window = null;
  });
  await shown.loadURL(`${APP_ORIGIN}/index.html`);
  log.logger.info('host.started', { host: 'electron', packaged: app.isPackaged, backendMode: workstation.backendMode, trainingMode: workstation.trainingMode });
}

/**
 * The OS key store when it really protects, the administrator's key when config.json has one;
 * otherwise a dialog: quit (null), or continue deliberately without protection (logged, warned on screen).
 */
function chooseKeyProtection(configKeyPresent: boolean): KeyProtection | null {
  const decision = decideKeyProtection({
    configKeyPresent,
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
  });
  if (decision.kind === 'use') return decision.protection;
  const answer = dialog.showMessageBoxSync({
    type: 'warning',
    title: NO_KEY_STORE_DIALOG.title,
    message: NO_KEY_STORE_DIALOG.message,
    detail: NO_KEY_STORE_DIALOG.detail,
    buttons: [...NO_KEY_STORE_DIALOG.buttons],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return answer === 1 ? 'unprotected-fallback' : null;
}
