/**
 * Where a file the operator picked lives on disk. Only the Electron preload can tell (it exposes
 * `window.workstationFiles`); in the browser host there is no such thing and the answer is null.
 * Main keeps the path of the operator's key file so they need not pick it at every application.
 */

declare global {
  interface Window {
    /** Exposed by the Electron preload (preload/index.ts); absent when the browser host serves the renderer. */
    readonly workstationFiles?: { pathOf(file: File): string | null };
  }
}

export function pathOfPickedFile(file: File, host: Pick<Window, 'workstationFiles'> = window): string | null {
  try {
    const path = host.workstationFiles?.pathOf(file) ?? null;
    return path === '' ? null : path;
  } catch {
    // A file the bridge cannot place (built in memory, dropped from another app) simply has no path.
    return null;
  }
}
