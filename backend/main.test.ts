import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthSchema } from '../core/backendApi/wire';
import { createBackendFetch } from '../main/adapters/backend/backendTls';
import { tlsFixtures } from '../test/support/tlsFixtures';
import { sampleCatalog } from './testing/sampleCatalog';

/**
 * The entry as `npm run backend` runs it: bundled to <root>/out/backend/main.mjs, reading
 * <root>/resources/catalog/services.json and <root>/resources/fonts. The root here is a temp dir with node_modules linked in.
 */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'psc-backend-main-'));
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  await build({
    entryPoints: [path.join(repoRoot, 'backend', 'main.ts')],
    outfile: path.join(root, 'out', 'backend', 'main.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
});
afterAll(() => rm(root, { recursive: true, force: true }));

interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(env: Record<string, string>, onStdout?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'out', 'backend', 'main.mjs')], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('backend/main.ts (bundled)', () => {
  it('fails with exactly one line when the catalog is missing', async () => {
    await rm(path.join(root, 'resources'), { recursive: true, force: true });
    const exit = await run({ PSC_BACKEND_PORT: '0' });
    expect(exit.code).toBe(1);
    expect(exit.stdout).toBe('');
    expect(exit.stderr.trim().split('\n')).toEqual([
      `Service catalog not found at ${path.join(root, 'resources', 'catalog', 'services.json')} (ENOENT)`,
    ]);
  });

  it('fails with exactly one line when the result-document fonts are missing', async () => {
    await mkdir(path.join(root, 'resources', 'catalog'), { recursive: true });
    await writeFile(path.join(root, 'resources', 'catalog', 'services.json'), JSON.stringify(sampleCatalog(['001-alpha'])));
    const exit = await run({ PSC_BACKEND_PORT: '0' });
    expect(exit.code).toBe(1);
    expect(exit.stderr.trim().split('\n')).toEqual([
      `Result-document font ${path.join(root, 'resources', 'fonts', 'DejaVuSans.ttf')} is unreadable (ENOENT)`,
    ]);
  });

  it('prints its URL, serves, and exits 0 on SIGTERM', async () => {
    await mkdir(path.join(root, 'resources', 'catalog'), { recursive: true });
    await writeFile(path.join(root, 'resources', 'catalog', 'services.json'), JSON.stringify(sampleCatalog(['001-alpha'])));
    await symlink(path.join(repoRoot, 'resources', 'fonts'), path.join(root, 'resources', 'fonts'), 'dir');
    let health: unknown = null;
    let asked = false;
    const exit = await run({ PSC_BACKEND_PORT: '0' }, (stdout, child) => {
      const url = /^Licensing backend listening on (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(stdout)?.[1];
      if (!url || asked) return;
      asked = true;
      void fetch(`${url}/v1/health`)
        .then((r) => r.json())
        .then((body: unknown) => (health = body))
        .finally(() => child.kill('SIGTERM'));
    });
    expect(exit).toMatchObject({ code: 0, stderr: '' });
    expect(exit.stdout).toMatch(/^Licensing backend listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    expect(healthSchema.parse(health).status).toBe('ok');
  });

  it('serves https with the PEM files named by PSC_BACKEND_TLS_CERT and PSC_BACKEND_TLS_KEY, printing an https URL', async () => {
    const pki = await tlsFixtures();
    await mkdir(path.join(root, 'resources', 'catalog'), { recursive: true });
    await writeFile(path.join(root, 'resources', 'catalog', 'services.json'), JSON.stringify(sampleCatalog(['001-alpha'])));
    await symlink(path.join(repoRoot, 'resources', 'fonts'), path.join(root, 'resources', 'fonts'), 'dir').catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    const pool = createBackendFetch({ caPem: pki.caPem, pins: [] });
    let health: unknown = null;
    let asked = false;
    const exit = await run({ PSC_BACKEND_PORT: '0', PSC_BACKEND_TLS_CERT: pki.server.certPath, PSC_BACKEND_TLS_KEY: pki.server.keyPath }, (stdout, child) => {
      const url = /^Licensing backend listening on (https:\/\/127\.0\.0\.1:\d+)\n$/.exec(stdout)?.[1];
      if (!url || asked) return;
      asked = true;
      void pool
        .fetch(`${url}/v1/health`)
        .then((r) => r.json())
        .then((body: unknown) => (health = body))
        .finally(() => child.kill('SIGTERM'));
    });
    await pool.close();
    expect(exit).toMatchObject({ code: 0, stderr: '' });
    expect(healthSchema.parse(health).status).toBe('ok');
  });

  it('fails with one line when a TLS file is missing', async () => {
    const exit = await run({ PSC_BACKEND_PORT: '0', PSC_BACKEND_TLS_CERT: path.join(root, 'no-cert.pem'), PSC_BACKEND_TLS_KEY: path.join(root, 'no-key.pem') });
    expect(exit.code).toBe(1);
    expect(exit.stderr.trim().split('\n')).toEqual([`PSC_BACKEND_TLS_CERT file ${path.join(root, 'no-cert.pem')} is unreadable (ENOENT)`]);
  });
});
