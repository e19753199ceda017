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
import { openHostLog } from '../hostLog';
import { runPackagedSmoke } from '../../platform/smoke/packagedSmoke';
import type { Workstation } from '../../app';

function describeBackend(workstation: Workstation): string {
  if (workstation.backendMode === 'not-configured') return 'NOT CONFIGURED (installed, no backend URL, no training mode: the screen asks for the administrator)';
  if (workstation.backendMode === 'embedded') return `${workstation.backendUrl} (embedded reference backend${workstation.trainingMode ? ', TRAINING MODE' : ''})`;
  return workstation.backendUrl;
}

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
  if (process.argv.includes('--smoke')) {
    // The packaged smoke check (platform/smoke/packagedSmoke.ts), the same as the Electron host's.
    const smoke = await runPackagedSmoke(paths);
    for (const line of smoke.lines) process.stdout.write(`smoke: ${line}\n`);
    process.exit(smoke.ok ? 0 : 1);
  }
  const log = await openHostLog(config.value, 'browser', paths.version);
  // The host listens first, so the browser fetches and starts the renderer while the workstation
  // opens its database and backend; the renderer's first calls wait for the services.
  let servicesReady!: (api: Workstation['api']) => void;
  let servicesFailed!: (error: unknown) => void;
  const services = new Promise<Workstation['api']>((resolve, reject) => {
    servicesReady = resolve;
    servicesFailed = reject;
  });
  services.catch(() => undefined); // a failed start is reported below, not as an unhandled rejection
  const host = await createWebHost({ api: services, rendererDir: paths.rendererDir, port: config.value.webPort, onUnexpectedError: log.onUnexpectedError });
  log.logger.info('host.listening', { host: 'browser' });
  process.stdout.write(`PSC Workstation (browser host) is ready. Open: ${host.launchUrl}\n`);
  let workstation: Workstation;
  try {
    workstation = await createWorkstation({
      config: config.value,
      host: 'browser',
      version: paths.version,
      paths,
      keyWrapper: noKeyWrapping,
      // Development only: trust the demo CA with a separately started reference backend (PSC_BACKEND_URL).
      ...(process.env.PSC_TRUST_DEMO_CA === '1' ? { trustDemoCa: true } : {}),
      onUnexpectedError: log.onUnexpectedError,
      // A browser host run as an installed service (kiosk) says so; a checkout is a developer's run.
      installed: process.env.PSC_INSTALLED === '1',
      log,
    });
  } catch (error) {
    servicesFailed(error);
    await host.close();
    throw error;
  }
  servicesReady(workstation.api);
  process.stdout.write(`  data: ${config.value.dataDir}\n  backend: ${describeBackend(workstation)}\n`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    await workstation.close();
    log.logger.info('host.stopped', { host: 'browser' });
    await log.close();
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
