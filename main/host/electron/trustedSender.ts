/** The part of Electron's WebFrameMain that the sender check needs. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export const APP_ORIGIN = 'app://workstation';

/**
 * An IPC call is ours only if it comes from the top frame of our window showing our own
 * origin: not an iframe, not a page navigated elsewhere, not a destroyed frame.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, expectedOrigin: string = APP_ORIGIN): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === expectedOrigin;
  } catch {
    return false;
  }
}
