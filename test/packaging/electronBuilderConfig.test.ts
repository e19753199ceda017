/**
 * The installers (issue #8 item 7) cannot be built here — electron-builder downloads Electron and its
 * toolsets — so this checks what can be checked without it: the targets, sharp and the other native
 * or file-URL parts unpacked from the asar, and icons that exist at the sizes the targets need.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const config = await readFile(path.join(ROOT, 'electron-builder.yml'), 'utf8');

/** The list items directly under a top-level key, e.g. asarUnpack. */
function listUnder(key: string): string[] {
  const block = new RegExp(`^${key}:\\n((?:  .*\\n)+)`, 'm').exec(config)?.[1] ?? '';
  return block.split('\n').filter((line) => /^\s+- /.test(line)).map((line) => line.replace(/^\s+- /, '').replace(/^"|"$/g, ''));
}

describe('electron-builder.yml', () => {
  it('builds a deb for Linux (no AppImage: the setuid sandbox helper) and an NSIS installer for Windows', () => {
    expect(config).toMatch(/^linux:\n {2}target: \[deb\]/m);
    expect(config).toMatch(/^win:\n {2}target: \[nsis\]/m);
    expect(config).toMatch(/^deb:\n(?: {2}#.*\n)* {2}depends: \[sane-utils, cups-client\]/m);
  });

  it('unpacks sharp (native), the image worker and the sql.js wasm from the asar', () => {
    expect(listUnder('asarUnpack')).toEqual(expect.arrayContaining([
      '**/node_modules/sharp/**/*', '**/node_modules/@img/**/*', 'out/imaging/**', '**/node_modules/sql.js/dist/sql-wasm.wasm', 'resources/**',
    ]));
  });

  it('points at icons that exist, square, at the sizes the installers need', async () => {
    expect(config).toMatch(/^icon: resources\/build\/icon\.png$/m);
    const main = await sharp(path.join(ROOT, 'resources/build/icon.png')).metadata();
    expect([main.width, main.height, main.format]).toEqual([512, 512, 'png']);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const icon = await sharp(path.join(ROOT, `resources/build/icons/${size}x${size}.png`)).metadata();
      expect([icon.width, icon.height]).toEqual([size, size]);
    }
  });
});
