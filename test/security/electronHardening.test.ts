/**
 * Electron's security checklist items that live outside a single function: the CSP of both
 * delivery paths, the fuses declared for packaging, and source-level invariants of the Electron
 * host and preload (one place registers IPC, one place opens windows, every WebContents and the
 * session are hardened). The behaviour of each piece is unit-tested beside it in main/host/electron.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../main/host/web/webHostSecurity';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const read = (relative: string): string => readFileSync(path.join(ROOT, relative), 'utf8');

/** `"a b; c d"` → { a: ['b'], c: ['d'] }. */
function parseCsp(policy: string): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    directives[name!.toLowerCase()] = sources;
  }
  return directives;
}

/** What "strict" means for this renderer, asserted on every copy of the policy. */
function expectStrict(policy: string): void {
  const csp = parseCsp(policy);
  expect(csp['default-src']).toEqual(["'self'"]);
  expect(csp['script-src']).toEqual(["'self'"]);
  expect(csp['style-src']).toEqual(["'self'"]);
  expect(csp['object-src']).toEqual(["'none'"]);
  expect(csp['base-uri']).toEqual(["'none'"]);
  expect(csp['form-action']).toEqual(["'none'"]);
  // Receipts print from a blob: frame our own script made; nothing else may be framed.
  expect(csp['frame-src'] ?? csp['default-src']).toEqual(['blob:']);
  const sources = Object.values(csp).flat();
  for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'http:', 'https:', 'data:', 'file:']) {
    const where = Object.entries(csp).filter(([, list]) => list.includes(loose)).map(([name]) => name);
    // data: is admitted for images only (QR codes and scan thumbnails are data: URLs).
    if (loose === 'data:') expect(where.filter((name) => name !== 'img-src')).toEqual([]);
    else expect(sources).not.toContain(loose);
  }
}

function yamlBlock(text: string, key: string): Record<string, string> {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line === `${key}:`);
  if (start < 0) return {};
  const block: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (line.trim().startsWith('#') || line.trim() === '') continue;
    const match = /^ {2}([A-Za-z]+):\s*(\S+)\s*$/.exec(line);
    if (!match) break;
    block[match[1]!] = match[2]!;
  }
  return block;
}

function sourcesUnder(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(folder, file).split(path.sep).join('/'));
}

describe('content security policy', () => {
  it('is strict in the header every app:// and http response carries', () => {
    expectStrict(RENDERER_CSP);
    expect(parseCsp(RENDERER_CSP)['frame-ancestors']).toEqual(["'none'"]);
    expect(parseCsp(RENDERER_CSP)['connect-src']).toEqual(["'self'"]);
  });

  it('is strict in the page meta too, for a page read without our headers', () => {
    const html = read('renderer/index.html');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta, 'renderer/index.html has a CSP meta').not.toBeNull();
    expectStrict(meta![1]!);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  });

  it('the check itself rejects a loose policy', () => {
    expect(() => expectStrict("default-src 'self'; script-src 'self' 'unsafe-inline'")).toThrow();
    expect(() => expectStrict(RENDERER_CSP.replace("object-src 'none'", 'object-src *'))).toThrow();
  });
});

describe('electron fuses', () => {
  it('are declared for packaging in electron-builder.yml', () => {
    expect(yamlBlock(read('electron-builder.yml'), 'electronFuses')).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });
});

describe('Electron host and preload sources', () => {
  const hostFiles = [...sourcesUnder('main'), ...sourcesUnder('preload')];

  it('handle IPC in one place only, which checks the sender', () => {
    const users = hostFiles.filter((file) => /\bipcMain\s*\.\s*(handle|handleOnce|on|once)\s*\(|\.handle\(\s*channel/.test(read(file)));
    expect(users).toEqual(['main/host/electron/registerWorkstationIpc.ts']);
    expect(read('main/host/electron/registerWorkstationIpc.ts')).toMatch(/if \(!isTrustedSender\(event\.senderFrame/);
  });

  it('open windows in one place only, with the checked options', () => {
    const openers = hostFiles.filter((file) => /new\s+BrowserWindow\s*\(/.test(read(file)));
    expect(openers).toEqual(['main/host/electron/openSecureWindow.ts']);
    const main = read('main/host/electron/main.ts');
    expect(main).toContain("openSecureWindow(BrowserWindow, path.join(__dirname, 'preload.cjs'), !app.isPackaged)");
  });

  it('harden every WebContents and the session, and load our protocol rather than file://', () => {
    const main = read('main/host/electron/main.ts');
    expect(main).toContain("app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));");
    expect(main).toContain('denyAllPermissions(session.defaultSession);');
    expect(main).toContain('app.enableSandbox();');
    expect(main).toContain("protocol.handle('app'");
    expect(main).not.toMatch(/loadFile\(|file:\/\//);
    // The custom scheme must not be exempt from the CSP nor given extra powers.
    const privileges = /registerSchemesAsPrivileged\(\[(.*)\]\)/.exec(main)?.[1] ?? '';
    expect(privileges).toContain("scheme: 'app'");
    expect(privileges).not.toMatch(/bypassCSP|allowServiceWorkers|corsEnabled/);
  });

  it('expose only the contract bridge and the file-path helper to the page, never ipcRenderer', () => {
    const preload = read('preload/index.ts');
    expect([...preload.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((m) => m[1])).toEqual(['workstation', 'workstationFiles']);
    expect(preload).not.toMatch(/ipcRenderer\.(send|sendSync|on|once|postMessage)\b/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*\bipcRenderer\s*[,)]/);
    expect(preload).not.toMatch(/\bprocess\./);
  });
});
