// Entry of the browser host (`npm run web`; also what `npm start` falls back to without Electron).
// Bundled to out/web/main.mjs, so the app root is two levels up from this file at run time.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkstation } from '../../app';
import { loadAppConfig } from '../../config/appConfig';
import { noKeyWrapping } from '../../config/blobKey';
import { resolveAppPaths } from '../appPaths';
import { reportUnexpected } from '../reportUnexpected';
import { createWebHost } from './createWebHost';

function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'psc-workstation');
}

async function main(): Promise<void> {
  const appRoot = fileURLToPath(new URL('../..', import.meta.url));
  const config = loadAppConfig(process.env, defaultDataDir());
  if (!config.ok) {
    console.error(`Configuration error in ${config.error.file}: ${config.error.detail}`);
    process.exit(2);
  }
  const paths = resolveAppPaths(appRoot);
  const workstation = await createWorkstation({
    config: config.value,
    host: 'browser',
    version: paths.version,
    paths,
    keyWrapper: noKeyWrapping,
    // Development only: trust the demo CA with a separately started reference backend (PSC_BACKEND_URL).
    ...(process.env.PSC_TRUST_DEMO_CA === '1' ? { trustDemoCa: true } : {}),
    onUnexpectedError: reportUnexpected,
  });
  const host = await createWebHost({ api: workstation.api, rendererDir: paths.rendererDir, port: config.value.webPort, onUnexpectedError: reportUnexpected });
  process.stdout.write(
    `PSC Workstation (browser host) is ready. Open: ${host.launchUrl}\n` +
      `  data: ${config.value.dataDir}\n  backend: ${workstation.backendUrl}${workstation.backendMode === 'embedded' ? ' (embedded reference backend)' : ''}\n`,
  );

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    await workstation.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') console.error(`Port already in use: set PSC_WEB_PORT to a free port (${err.message})`);
  else reportUnexpected(error);
  process.exit(1);
});
