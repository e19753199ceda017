// Builds everything a host needs into out/: the renderer (vite) and the Node/Electron bundles
// (esbuild). npm packages stay external and are loaded from node_modules at run time.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const started = Date.now();
const quiet = { logLevel: 'warning' };

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });

const node = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, ...quiet };
await Promise.all([
  esbuild({ ...node, entryPoints: ['main/host/web/main.ts'], format: 'esm', outfile: 'out/web/main.mjs' }),
  esbuild({ ...node, entryPoints: ['backend/main.ts'], format: 'esm', outfile: 'out/backend/main.mjs' }),
  // The image pipeline's worker thread (main/imaging/SharpImagePipeline.ts loads it by URL).
  esbuild({ ...node, entryPoints: ['main/imaging/imageWorker.ts'], format: 'esm', outfile: 'out/imaging/imageWorker.mjs' }),
  // The database's checkpoint worker (main/db/WorkerSnapshotSource.ts loads it by URL).
  esbuild({ ...node, entryPoints: ['main/db/snapshotWorker.ts'], format: 'esm', outfile: 'out/db/snapshotWorker.mjs' }),
  esbuild({ ...node, entryPoints: ['main/host/electron/main.ts'], format: 'cjs', outfile: 'out/electron/main.cjs', external: ['electron'] }),
  // The sandboxed preload cannot require npm packages: bundle everything except electron.
  esbuild({ entryPoints: ['preload/index.ts'], bundle: true, platform: 'browser', format: 'cjs', target: 'chrome130', outfile: 'out/electron/preload.cjs', external: ['electron'], ...quiet }),
]);

console.log(`build: out/ ready in ${Date.now() - started} ms`);
