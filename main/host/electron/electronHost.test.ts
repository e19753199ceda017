import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './trustedSender';
import { openPrintWindow, openSecureWindow } from './openSecureWindow';
import { denyAllPermissions, hardenWebContents, isAppUrl, type HardenableWebContents, type PermissionSession, type PreventableEvent } from './hardenWebContents';
import { serveRendererFile } from './serveRendererFile';

describe('isTrustedSender', () => {
  it('accepts only the top frame of our own origin', () => {
    expect(isTrustedSender({ url: 'app://workstation/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://workstation/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'app://other/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('openSecureWindow', () => {
  class FakeWindow {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  }

  it('opens the hidden print window sandboxed, without a preload, Node or DevTools', () => {
    const window = openPrintWindow(FakeWindow);
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, plugins: true, devTools: false });
    expect(window.options.webPreferences?.preload).toBeUndefined();
  });

  it('opens the window sandboxed, isolated, without Node and without remote-content features', () => {
    const window = openSecureWindow(FakeWindow, '/app/preload.cjs', false);
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toEqual({
      preload: '/app/preload.cjs',
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
      // The PDF viewer, for receipts and results printed from a blob: frame.
      plugins: true,
      devTools: false,
      safeDialogs: true,
    });
  });

  it('allows DevTools only when asked (unpackaged developer runs)', () => {
    expect(openSecureWindow(FakeWindow, '/p.cjs', true).options.webPreferences?.devTools).toBe(true);
    expect(openSecureWindow(FakeWindow, '/p.cjs', false).options.webPreferences?.devTools).toBe(false);
  });
});

describe('hardenWebContents', () => {
  type Listener = (event: PreventableEvent, url: string) => void;
  function fakeContents() {
    const listeners = new Map<string, Listener>();
    let openHandler: ((details: { url: string }) => { action: string }) | null = null;
    const contents: HardenableWebContents = {
      on: (event: string, listener: Listener) => listeners.set(event, listener),
      setWindowOpenHandler: (handler) => void (openHandler = handler),
    };
    /** Fires an event and reports whether the handler prevented it. */
    const fire = (name: string, url = ''): boolean => {
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no listener for ${name}`);
      let prevented = false;
      listener({ preventDefault: () => void (prevented = true) }, url);
      return prevented;
    };
    return { contents, fire, openWindow: (url: string) => openHandler?.({ url }) };
  }

  it('lets the window navigate only within our own origin', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents);
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(fire(event, 'app://workstation/index.html')).toBe(false);
      expect(fire(event, 'https://evil.example/')).toBe(true);
      expect(fire(event, 'file:///etc/passwd')).toBe(true);
      expect(fire(event, 'app://workstation.evil.example/index.html')).toBe(true);
      expect(fire(event, 'app://other/index.html')).toBe(true);
      expect(fire(event, 'javascript:alert(1)')).toBe(true);
      expect(fire(event, 'not a url')).toBe(true);
    }
  });

  it('refuses every new window and every <webview>', () => {
    const { contents, fire, openWindow } = fakeContents();
    hardenWebContents(contents);
    expect(openWindow('app://workstation/index.html')).toEqual({ action: 'deny' });
    expect(openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('compares origins parsed, not by prefix', () => {
    expect(isAppUrl('app://workstation/a/b?c#d')).toBe(true);
    expect(isAppUrl('app://workstation')).toBe(true);
    expect(isAppUrl('app://workstationx/')).toBe(false);
    // Chromium canonicalises a standard scheme's host to lower case before these events; any
    // other spelling is not ours and fails closed.
    expect(isAppUrl('app://WORKSTATION/index.html')).toBe(false);
    expect(isAppUrl('http://workstation/')).toBe(false);
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | null = null;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => void (request = handler),
      setPermissionCheckHandler: (handler) => void (check = handler),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'fullscreen']) {
      const answers: boolean[] = [];
      request!({}, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(check!({}, permission)).toBe(false);
    }
  });
});

describe('serveRendererFile', () => {
  it('serves files of the renderer folder with the CSP, and nothing outside it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-proto-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html>ok');
    const page = await serveRendererFile('app://workstation/', dir);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html>ok');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await serveRendererFile('app://workstation/..%2F..%2Fetc%2Fpasswd', dir)).status).toBe(404);
    expect((await serveRendererFile('app://elsewhere/index.html', dir)).status).toBe(404);
    expect((await serveRendererFile('app://workstation/missing.js', dir)).status).toBe(404);
  });
});
