import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './trustedSender';
import { secureWindowOptions } from './secureWindowOptions';
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

describe('secureWindowOptions', () => {
  it('keeps the renderer sandboxed, isolated and without Node', () => {
    const prefs = secureWindowOptions('/app/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // The PDF viewer, for receipts and results printed from a blob: frame.
      plugins: true,
    });
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
