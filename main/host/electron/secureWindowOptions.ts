/**
 * BrowserWindow options per Electron's security checklist: sandboxed renderer, context
 * isolation, no Node, no remote content features. Kept as plain data so a unit test asserts it.
 */
export function secureWindowOptions(preloadPath: string) {
  return {
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
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Chromium's built-in PDF viewer (Electron's only "plugin"): receipts and results are shown and
      // printed from a blob: frame of our own PDF (renderer/features/receipts/receiptOutput.ts); the
      // CSP admits frames from blob: only, and navigation and window-open stay denied.
      plugins: true,
      devTools: true,
      safeDialogs: true,
    },
  } as const;
}
