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
      devTools: true,
      safeDialogs: true,
    },
  } as const;
}
