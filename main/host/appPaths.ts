import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppPaths } from '../app';

/** Paths of the app's files, given the repository (or packaged app) root. */
export function resolveAppPaths(appRoot: string): AppPaths & { readonly rendererDir: string; readonly version: string } {
  const require = createRequire(path.join(appRoot, 'package.json'));
  const pkg = JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string };
  return {
    resourcesDir: path.join(appRoot, 'resources'),
    sqlWasm: require.resolve('sql.js/dist/sql-wasm.wasm'),
    rendererDir: path.join(appRoot, 'out', 'renderer'),
    imageWorkerUrl: pathToFileURL(path.join(appRoot, 'out', 'imaging', 'imageWorker.mjs')),
    snapshotWorkerUrl: pathToFileURL(path.join(appRoot, 'out', 'db', 'snapshotWorker.mjs')),
    version: pkg.version,
  };
}
