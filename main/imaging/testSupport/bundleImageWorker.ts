// Test and benchmark support: Node cannot run the TypeScript worker directly, and Vitest does not
// transform worker threads, so tests run the worker the way the app does, bundled by esbuild.
import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** The worker's source entry; the app's build bundles this same file. */
export const IMAGE_WORKER_ENTRY = fileURLToPath(new URL('../imageWorker.ts', import.meta.url));

/**
 * Bundles the worker and returns the URL of the bundle, stored in the temp directory under its
 * content hash (so repeated runs reuse one file instead of leaving one per run). Packages stay
 * external but are pinned to absolute file URLs, so the bundle runs from outside the repository.
 */
const RESOLVING = Symbol('resolving a package');

export async function bundleImageWorker(entry = IMAGE_WORKER_ENTRY): Promise<URL> {
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    plugins: [
      {
        name: 'absolute-packages',
        setup(builder) {
          // esbuild resolves each package with the import conditions (so an ESM entry such as
          // fast-xml-parser's stays ESM, never its CommonJS twin) and the result is kept external.
          builder.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (isBuiltin(args.path)) return { path: args.path, external: true };
            if (args.pluginData === RESOLVING) return undefined;
            const resolved = await builder.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: RESOLVING });
            if (resolved.errors.length > 0) return { errors: resolved.errors };
            return { path: pathToFileURL(resolved.path).href, external: true };
          });
        },
      },
    ],
  });
  const code = outputFiles[0]!.contents;
  const dir = path.join(tmpdir(), 'psc-image-worker');
  const file = path.join(dir, `${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!(await stat(file).catch(() => null))) {
    await mkdir(dir, { recursive: true });
    // Write then rename: test files bundling in parallel never see a half-written module.
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, code);
    await rename(temporary, file);
  }
  return pathToFileURL(file);
}
