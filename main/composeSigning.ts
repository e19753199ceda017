// The signing part of the composition root (main/app.ts): trust anchors, the cached revocation list,
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
import { describeCertificate } from './signing/certificateDescription';
import { NcaLayerSigner } from './signing/ncaLayer/NcaLayerSigner';
import { Pkcs12Signer } from './signing/Pkcs12Signer';
import { RevocationListCache } from './signing/RevocationListCache';
import { loadTrustAnchors } from './signing/trustAnchors';

const HOUR_MS = 3_600_000;

export interface ComposedSigning {
  readonly service: SigningService;
  close(): void;
}

export async function composeSigning(args: {
  config: AppConfig;
  resourcesDir: string;
  db: SqlJsDatabase;
  session: OperatorSession;
  backend: LicensingBackend;
  clock: Clock;
  /** Replaces NCALayer (tests use a fake agent); undefined = NCALayer at config.ncaLayerUrl. */
  agentSigner?: AgentSigner | null;
  onUnexpectedError: (error: unknown) => void;
}): Promise<ComposedSigning> {
  const { config, db, session, clock } = args;
  const anchors = await loadTrustAnchors(config.trustAnchorsDir ?? path.join(args.resourcesDir, 'pki', 'trust'));
  const revocationList = await RevocationListCache.open({
    dir: path.join(config.dataDir, 'pki'),
    maxAgeMs: config.crlMaxAgeHours * HOUR_MS,
    refreshAfterMs: HOUR_MS,
    fetch: () => args.backend.fetchRevocationList(),
    anchors: () => anchors.certificates,
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
        });

  // Keep the list fresh while the counter is online, so signing rarely waits for it.
  session.onDidSignIn(() => void revocationList.refresh());
  const timer = setInterval(() => void revocationList.refresh(), HOUR_MS);
  timer.unref();

  const service = new SigningService({
    db,
    session,
    keyFileSigner: new Pkcs12Signer(),
    agentSigner,
    trustAnchorsPem: anchors.pem,
    revocationList,
    describeCertificate,
    clock,
  });
  return { service, close: () => clearInterval(timer) };
}
