/**
 * Entry of `npm run backend`: bundled to out/backend/main.mjs, hence the repo root two levels up.
 * Environment: PSC_BACKEND_HOST (127.0.0.1), PSC_BACKEND_PORT (8787), PSC_BACKEND_STATE_DIR
 * (unset = in memory), PSC_BACKEND_LOG=1 (request log to stderr, no identifiers),
 * PSC_BACKEND_FAULTS (a JSON fault plan for tests, backend/faults/faultPlan.ts; unset = no faults),
 * PSC_PROVIDER_DAY_MS (one simulated provider working day in ms; unset = 60000, results after 90 s),
 * PSC_BACKEND_TLS_CERT + PSC_BACKEND_TLS_KEY (PEM file paths: serve https; unset = http),
 * PSC_BACKEND_TRUST_DIR (CA certificates and CRLs to trust for operators besides the demo CA).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackendServer } from './createBackendServer';
import { describeFaultPlan } from './faults';
import { ResultFontError } from './provider/resultPdf/resultFonts';
import { readTrustDir } from './pki/backendTrust';
import { loadCatalogServices, readBackendEnvironment, readTlsIdentity, StartupError } from './startup/startupConfig';

async function readTrustDirForStartup(dir: string) {
  try {
    return await readTrustDir(dir);
  } catch (error) {
    throw new StartupError(`PSC_BACKEND_TRUST_DIR ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

async function main(): Promise<void> {
  const environment = readBackendEnvironment(process.env);
  const tls = environment.tls === null ? null : await readTlsIdentity(environment.tls);
  const extraTrust = environment.trustDir === null ? null : await readTrustDirForStartup(environment.trustDir);
  const catalog = await loadCatalogServices(path.join(repoRoot, 'resources', 'catalog', 'services.json'));
  const backend = await createBackendServer({
    host: environment.host,
    port: environment.port,
    stateDir: environment.stateDir,
    serviceIds: catalog.serviceIds,
    signatureRequiredServiceIds: catalog.signatureRequiredServiceIds,
    serviceTitles: catalog.serviceTitles,
    ...(environment.providerDayMs === null ? {} : { providerDayMs: environment.providerDayMs }),
    fontsDir: path.join(repoRoot, 'resources', 'fonts'),
    log: environment.logToStderr ? process.stderr : null,
    faults: environment.faults,
    tls,
    ...(extraTrust === null ? {} : { extraTrust }),
  });
  process.stdout.write(`Licensing backend listening on ${backend.url}\n`);
  // On stderr, so nobody mistakes a deliberately faulty backend for a healthy one.
  const { plan, seed } = backend.faults;
  if (plan !== null && seed !== null) console.error(`Fault injection is ON: ${describeFaultPlan(plan, seed)}`);

  // `once`: a second Ctrl+C during a slow close falls back to Node's default and kills the process.
  const shutdown = () => {
    backend.close().then(
      () => (process.exitCode = 0),
      (error: unknown) => {
        console.error('Licensing backend failed to close cleanly:', error);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  // Configuration and system errors (EADDRINUSE, EACCES) are the operator's to fix: one line.
  if (error instanceof StartupError || error instanceof ResultFontError) console.error(error.message);
  else if (error instanceof Error && 'code' in error) console.error(`Licensing backend failed to start: ${error.message}`);
  else console.error('Licensing backend failed to start:', error);
  process.exitCode = 1;
});
