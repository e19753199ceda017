// Test and benchmark support: Node cannot run the TypeScript worker directly, and Vitest does not
// transform worker threads, so tests run the worker the way the app does, bundled by esbuild.
import { mkdtemp } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** The worker's source entry; the app's build bundles this same file. */
export const IMAGE_WORKER_ENTRY = fileURLToPath(new URL('../imageWorker.ts', import.meta.url));

/**
 * Bundles the worker into a fresh temp directory and returns its URL. Packages stay external but
 * are pinned to absolute file URLs, so the bundle runs from outside the repository.
 */
export async function bundleImageWorker(entry = IMAGE_WORKER_ENTRY): Promise<URL> {
  const require = createRequire(import.meta.url);
  const outfile = path.join(await mkdtemp(path.join(tmpdir(), 'psc-image-worker-')), 'imageWorker.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    plugins: [
      {
        name: 'absolute-packages',
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, (args) =>
            isBuiltin(args.path) ? { path: args.path, external: true } : { path: pathToFileURL(require.resolve(args.path)).href, external: true },
          );
        },
      },
    ],
  });
  return pathToFileURL(outfile);
}
