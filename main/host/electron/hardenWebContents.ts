import { APP_ORIGIN } from './trustedSender';

/** The part of an Electron navigation event the guards need. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The slice of Electron's WebContents hardened here, so tests drive it with a fake. */
export interface HardenableWebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** True for a URL of our own page origin (`app://workstation/...`); compared parsed, never by prefix. */
export function isAppUrl(url: string, origin: string = APP_ORIGIN): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === origin;
  } catch {
    return false;
  }
}

/**
 * Applied to every WebContents the app creates (app 'web-contents-created'): the window may
 * only ever show our own origin, never opens another window, and never hosts a <webview>.
 * The workstation is a single-page app, so any top-level navigation or redirect elsewhere is
 * an injected link or an attack; receipts print from a blob: sub-frame, which these top-frame
 * events do not cover and the CSP (frame-src blob:) restricts.
 */
export function hardenWebContents(contents: HardenableWebContents, origin: string = APP_ORIGIN): void {
  const stayHome = (event: PreventableEvent, url: string): void => {
    if (!isAppUrl(url, origin)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The slice of Electron's Session whose permission handlers are set here. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/**
 * Denies every permission (camera, microphone, geolocation, notifications, clipboard-read, HID,
 * serial, ...): the renderer needs none. Scanning and printing go through the contract to main,
 * never through a web permission.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
