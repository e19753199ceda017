// The signing part of the composition root (main/app.ts): trusted CAs, the cached revocation lists,
// the key-file signer and NCALayer, behind one SigningService.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from './config/appConfig';
import type { SqlJsDatabase } from './db/SqlJsDatabase';
import type { Clock } from './ports/Clock';
import type { LicensingBackend } from './ports/LicensingBackend';
import type { AgentSigner } from './ports/Signer';
import type { OperatorSession } from './services/OperatorSession';
import { SigningService } from './services/SigningService';
import { storedLanguage } from './services/SystemService';
import { NcaLayerSigner } from './signing/ncaLayer/NcaLayerSigner';
import { Pkcs12Signer } from './signing/Pkcs12Signer';
import { RevocationListCache } from './signing/RevocationListCache';
import { createSigningPki } from './signing/signingPki';
import { loadTrustedCertificateSets } from './signing/trustedCertificates';

const HOUR_MS = 3_600_000;

export interface ComposedSigning {
  readonly service: SigningService;
  close(): void;
}

/**
 * The trusted CA folders: the administrator's (signing.trustAnchorsDir) or НУЦ РК's shipped roots and
 * intermediates, plus the demo CA only when `trustDemoCa` (the embedded demo backend, or a test).
 */
export function trustAnchorDirs(config: Pick<AppConfig, 'trustAnchorsDir'>, resourcesDir: string, trustDemoCa: boolean): string[] {
  return [config.trustAnchorsDir ?? path.join(resourcesDir, 'pki', 'nuc'), ...(trustDemoCa ? [path.join(resourcesDir, 'pki', 'demo')] : [])];
}

export async function composeSigning(args: {
  config: AppConfig;
  resourcesDir: string;
  db: SqlJsDatabase;
  session: OperatorSession;
  backend: LicensingBackend;
  clock: Clock;
  /** Trust the demo CA of resources/pki/demo: only while the embedded demo backend is in use (or in tests). */
  trustDemoCa: boolean;
  /** Replaces NCALayer (tests use a fake agent); undefined = NCALayer at config.ncaLayerUrl. */
  agentSigner?: AgentSigner | null;
  onUnexpectedError: (error: unknown) => void;
}): Promise<ComposedSigning> {
  const { config, db, session, clock } = args;
  const pki = createSigningPki(await loadTrustedCertificateSets(trustAnchorDirs(config, args.resourcesDir, args.trustDemoCa)));
  const revocationList = await RevocationListCache.open({
    dir: path.join(config.dataDir, 'pki'),
    maxAgeMs: config.crlMaxAgeHours * HOUR_MS,
    refreshAfterMs: HOUR_MS,
    fetch: () => args.backend.fetchRevocationLists(),
    pki,
    clock,
    onUnexpectedError: args.onUnexpectedError,
  });
  const ncaLayerCaPem = config.ncaLayerCaFile === null ? null : await readFile(config.ncaLayerCaFile, 'utf8');
  const agentSigner =
    args.agentSigner !== undefined
      ? args.agentSigner
      : new NcaLayerSigner({
          url: config.ncaLayerUrl,
          // The operator types the key password in NCALayer's own window: allow them time.
          timeoutMs: 180_000,
          connectTimeoutMs: 3_000,
          ...(ncaLayerCaPem === null ? {} : { tls: { caPem: ncaLayerCaPem } }),
          locale: () => storedLanguage(db),
          timestamp: config.ncaLayerTimestamp,
        });

  // Keep the lists fresh while the counter is online, so signing rarely waits for them.
  session.onDidSignIn(() => void revocationList.refresh());
  const timer = setInterval(() => void revocationList.refresh(), HOUR_MS);
  timer.unref();

  const service = new SigningService({ db, session, keyFileSigner: new Pkcs12Signer(), agentSigner, pki, revocationList, clock });
  return { service, close: () => clearInterval(timer) };
}
