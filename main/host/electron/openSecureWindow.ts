import type { BrowserWindowConstructorOptions } from 'electron';

/** What `openSecureWindow` needs of Electron's BrowserWindow class, so a test can pass a fake. */
export type BrowserWindowClass<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Opens the workstation window per Electron's security checklist: sandboxed renderer, context
 * isolation, no Node, no remote content features. The options are written inline in the
 * `new BrowserWindow({...})` expression on purpose: electronegativity (test/security) checks the
 * literal at the constructor call and cannot follow a factory, and the unit test drives this
 * function with a fake class to assert the same literal. DevTools only for unpackaged (developer) runs.
 */
export function openSecureWindow<W>(BrowserWindow: BrowserWindowClass<W>, preloadPath: string, devTools: boolean): W {
  return new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#f4f6f8',
    title: 'ХҚО жұмыс орны',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click (auxclick) would try to open a link in a new window; window-open is denied
      // anyway (hardenWebContents), this removes the event source too.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Chromium's built-in PDF viewer (Electron's only "plugin"): receipts and results are shown and
      // printed from a blob: frame of our own PDF (renderer/features/receipts/receiptOutput.ts); the
      // CSP admits frames from blob: only, and navigation and window-open stay denied.
      plugins: true,
      // Off in a packaged build: with DevTools open, anyone at the counter could call the contract
      // from the console as the trusted top frame. main.ts passes `!app.isPackaged`.
      devTools,
      safeDialogs: true,
    },
  });
}

/**
 * The hidden window Electron's silent print loads one PDF into (ElectronPdfPrinter, issue 15
 * item 1): sandboxed, isolated, no preload and no Node, DevTools off; the PDF viewer ("plugins") is
 * all it runs. The same literal-at-the-constructor rule as above applies (electronegativity).
 */
export function openPrintWindow<W>(BrowserWindow: BrowserWindowClass<W>): W {
  return new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      plugins: true,
      devTools: false,
      safeDialogs: true,
    },
  });
}
