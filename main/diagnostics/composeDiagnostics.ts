import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DiagnosticsReport } from '../../core/contract/diagnostics';
import type { Connectivity, QueueStatus } from '../../core/contract/queue';
import type { StorageStatus } from '../../core/contract/system';
import type { NotSignedIn } from '../../core/contract/common';
import type { RevocationListStatus } from '../../core/contract/signing';
import type { Result } from '../../core/result';
import { nodeRunProcess } from '../adapters/scanner/runProcess';
import type { Clock } from '../ports/Clock';
import type { LicensingBackend } from '../ports/LicensingBackend';
import type { Scanner } from '../ports/Scanner';
import type { OperatorSession } from '../services/OperatorSession';
import type { RecentLog } from '../platform/log/Logger';
import { databaseFileStats, quarantineFilesBeside } from './databaseFileStats';
import { DiagnosticsService } from './DiagnosticsService';
import { hostFacts } from './hostFacts';
import { listScanimage } from './listScanimage';
import { DIAGNOSED_LIBRARIES, readLibraryVersions } from './readLibraryVersions';

export interface DiagnosticsWiring {
  readonly session: OperatorSession;
  readonly clock: Clock;
  readonly app: DiagnosticsReport['app'];
  readonly databaseFile: string;
  readonly backend: LicensingBackend;
  readonly backendMode: 'embedded' | 'configured';
  readonly connectivity: () => Connectivity;
  readonly revocationStatus: () => Promise<Result<RevocationListStatus, NotSignedIn>>;
  readonly queueStatus: () => Promise<Result<QueueStatus, NotSignedIn>>;
  readonly scanner: Scanner;
  /** As given to SaneScanner, so `scanimage -L` sees the same devices. */
  readonly saneConfigDir: string | undefined;
  /** Where to look for node_modules/<library>/package.json (walking up from each). */
  readonly packageSearchFrom: readonly string[];
  readonly onUnexpectedError: (error: unknown) => void;
  readonly log: { readonly dir: string; readonly recent: RecentLog };
  /** The database's health (main/storage/storageStatus.ts). */
  readonly storageStatus: () => StorageStatus;
}

/** The diagnostics area over the real collectors (Node's os, the SANE command line, the files on disk). */
export function composeDiagnostics(wiring: DiagnosticsWiring): DiagnosticsService {
  return new DiagnosticsService({
    session: wiring.session,
    clock: wiring.clock,
    monotonicMs: () => performance.now(),
    app: wiring.app,
    backend: { mode: wiring.backendMode, url: wiring.backend.baseUrl, health: () => wiring.backend.health() },
    connectivity: wiring.connectivity,
    revocationStatus: wiring.revocationStatus,
    queueStatus: wiring.queueStatus,
    listDevices: () => wiring.scanner.listDevices(),
    scanimage: () => listScanimage({
      run: nodeRunProcess,
      program: 'scanimage',
      ...(wiring.saneConfigDir !== undefined ? { saneConfigDir: wiring.saneConfigDir } : {}),
      baseEnv: process.env,
      timeoutMs: 10_000,
    }),
    libraries: () => readLibraryVersions(DIAGNOSED_LIBRARIES, wiring.packageSearchFrom.map((dir) => path.resolve(dir))),
    database: () => databaseFileStats(wiring.databaseFile),
    storage: async () => ({ ...wiring.storageStatus(), quarantineFiles: await quarantineFilesBeside(wiring.databaseFile) }),
    host: () => hostFacts(),
    onUnexpectedError: wiring.onUnexpectedError,
    log: wiring.log,
  });
}
