// Renders the app icon (resources/build/icon.svg) into the PNGs electron-builder packs:
// icon.png (512×512; Windows .ico and macOS are derived from it) and icons/<n>x<n>.png for Linux.
// Run after changing the SVG: node scripts/renderIcons.mjs
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const buildDir = fileURLToPath(new URL('../resources/build/', import.meta.url));
const source = path.join(buildDir, 'icon.svg');
await mkdir(path.join(buildDir, 'icons'), { recursive: true });
await sharp(source, { density: 288 }).resize(512, 512).png().toFile(path.join(buildDir, 'icon.png'));
for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  await sharp(source, { density: 288 }).resize(size, size).png().toFile(path.join(buildDir, 'icons', `${size}x${size}.png`));
}
console.log(`icons written to ${buildDir}`);
