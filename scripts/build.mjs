// Builds everything a host needs into out/: the renderer (vite) and the Node/Electron bundles
// (esbuild). The two hosts' main bundles carry their pure-JS packages (start-up: resolving and
// parsing ~40 packages file by file took about half of the host's start); packages that load files
// of their own at run time stay external (HOST_EXTERNAL_PACKAGES). Workers and tools keep every
// package external.
//
// `--if-stale` (npm start, npm run web, the startup bench): skips the build when out/ was built
// from exactly the current sources — a stamp of every input file's path, size and mtime, and the
// installed package versions (package-lock.json) — so an up-to-date start takes no build time.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = path.join(ROOT, 'out', '.build-stamp');
/** Everything a build reads: sources, resources the bundles import, and the build's own configuration. */
const INPUT_DIRS = ['core', 'main', 'preload', 'renderer', 'backend'];
const INPUT_FILES = ['package-lock.json', 'vite.config.ts', 'scripts/build.mjs', 'tsconfig.base.json'];
/** Bundle targets. Electron 45 runs Node 22 (its main.cjs); the browser host and the tools run on the machine's Node (≥ 20.19). */
export const ELECTRON_NODE_TARGET = 'node22';
export const NODE_TARGET = 'node20';
/**
 * Packages the host bundles load from node_modules at run time: native code (sharp), a WebAssembly
 * file located by package path (sql.js), pino and its file transport (started in a worker thread
 * by package name), and build/test tools that are never loaded by the app.
 */
export const HOST_EXTERNAL_PACKAGES = ['electron', 'sharp', 'sql.js', 'pino', 'pino-roll', 'thread-stream', 'esbuild', 'vite', 'playwright-core'];
/** An ESM bundle that carries CommonJS packages needs a `require` of its own. */
const ESM_REQUIRE_BANNER = "import { createRequire as __pscCreateRequire } from 'node:module'; const require = __pscCreateRequire(import.meta.url);";

function inputStamp() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (!/\.test\.tsx?$/.test(entry.name)) {
        const info = statSync(full);
        hash.update(`${path.relative(ROOT, full)}\0${info.size}\0${info.mtimeMs}\n`);
      }
    }
  };
  for (const dir of INPUT_DIRS) walk(path.join(ROOT, dir));
  for (const file of INPUT_FILES) {
    const full = path.join(ROOT, file);
    if (existsSync(full)) hash.update(`${file}\0${createHash('sha256').update(readFileSync(full)).digest('hex')}\n`);
  }
  return hash.digest('hex');
}

const OUTPUTS = ['out/web/main.mjs', 'out/backend/main.mjs', 'out/imaging/imageWorker.mjs', 'out/db/snapshotWorker.mjs', 'out/electron/main.cjs', 'out/electron/preload.cjs', 'out/renderer/index.html'];

export function isBuildCurrent() {
  if (!existsSync(STAMP) || OUTPUTS.some((file) => !existsSync(path.join(ROOT, file)))) return false;
  return readFileSync(STAMP, 'utf8').trim() === inputStamp();
}

async function buildAll() {
  const started = Date.now();
  const stamp = inputStamp();
  const { build: esbuild } = await import('esbuild');
  const { build: viteBuild } = await import('vite');
  const quiet = { logLevel: 'warning' };

  // vite.config.ts and the entry paths below are relative to the repository root.
  process.chdir(ROOT);
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });

  const node = { bundle: true, platform: 'node', target: NODE_TARGET, packages: 'external', sourcemap: true, ...quiet };
  const host = { bundle: true, platform: 'node', sourcemap: true, external: HOST_EXTERNAL_PACKAGES, ...quiet };
  await Promise.all([
    esbuild({ ...host, target: NODE_TARGET, entryPoints: ['main/host/web/main.ts'], format: 'esm', outfile: 'out/web/main.mjs', banner: { js: ESM_REQUIRE_BANNER } }),
    esbuild({ ...node, entryPoints: ['backend/main.ts'], format: 'esm', outfile: 'out/backend/main.mjs' }),
    // The image pipeline's worker thread (main/imaging/SharpImagePipeline.ts loads it by URL).
    esbuild({ ...node, entryPoints: ['main/imaging/imageWorker.ts'], format: 'esm', outfile: 'out/imaging/imageWorker.mjs' }),
    // The database's checkpoint worker (main/db/WorkerSnapshotSource.ts loads it by URL).
    esbuild({ ...node, entryPoints: ['main/db/snapshotWorker.ts'], format: 'esm', outfile: 'out/db/snapshotWorker.mjs' }),
    // test/electron/startup.test.ts builds this entry with the same options.
    esbuild({ ...host, target: ELECTRON_NODE_TARGET, entryPoints: ['main/host/electron/main.ts'], format: 'cjs', outfile: 'out/electron/main.cjs' }),
    // The sandboxed preload cannot require npm packages: bundle everything except electron.
    esbuild({ entryPoints: ['preload/index.ts'], bundle: true, platform: 'browser', format: 'cjs', target: 'chrome140', outfile: 'out/electron/preload.cjs', external: ['electron'], ...quiet }),
  ]);
  mkdirSync(path.dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, `${stamp}\n`);
  console.log(`build: out/ ready in ${Date.now() - started} ms`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  if (process.argv.includes('--if-stale') && isBuildCurrent()) console.log('build: out/ is up to date');
  else await buildAll();
}
