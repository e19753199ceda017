/**
 * Composition root: the only place that chooses concrete adapters and wires services together.
 * Both hosts (Electron and browser) call `createWorkstation` and expose the returned api.
 */
import { backendServiceSets } from '../core/catalog/backendServiceSets';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { catalogSchema, type Catalog } from '../core/catalog/catalogSchema';
import type { WorkstationApi } from '../core/contract/workstationApi';
import type { AppInfo } from '../core/contract/system';
import { HttpLicensingBackend } from './adapters/backend/HttpLicensingBackend';
import { EncryptedBlobStore } from './blobs/EncryptedBlobStore';
import type { AppConfig } from './config/appConfig';
import { loadBlobKey, type KeyWrapper } from './config/blobKey';
import { DatabaseReadOnlyError, SqlJsDatabase, type DbStorage } from './db/SqlJsDatabase';
import { MIGRATIONS } from './db/migrations';
import { removeStaleTempFiles } from './db/removeStaleTempFiles';
import { getSetting, putSetting } from './db/settings';
import { startEmbeddedBackend, type EmbeddedBackend } from './embeddedBackend';
import { systemClock, type Clock } from './ports/Clock';
import type { LicensingBackend } from './ports/LicensingBackend';
import { parseCalendarData } from '../core/calendar/calendarSchema';
import { CalendarHolder } from './services/CalendarHolder';
import { CatalogService } from './services/CatalogService';
import { SettingsService } from './services/SettingsService';
import { SettingsStore, readSavedBackendConnection } from './services/SettingsStore';
import { documentSlotsSchema } from '../core/catalog/documentSlots';
import { SaneScanner } from './adapters/scanner/SaneScanner';
import { CompositeScanner } from './adapters/scanner/CompositeScanner';
import { FolderScanner } from './adapters/scanner/FolderScanner';
import { EsclScanner } from './scanning/escl/EsclScanner';
import { LoggingScanner } from './scanning/LoggingScanner';
import { SharpImagePipeline } from './imaging/SharpImagePipeline';
import type { Scanner } from './ports/Scanner';
import { DraftService } from './services/DraftService';
import { PageStore } from './services/PageStore';
import { ScanningService } from './services/ScanningService';
import { splitImportedFileWithSharp } from './services/importedFilePages';
import { OperatorSession } from './services/OperatorSession';
import { OutboxSender } from './services/OutboxSender';
import { RegistryService } from './services/RegistryService';
import { DEFAULT_SESSION_OPTIONS, SessionService } from './services/SessionService';
import { SqlAccountStore } from './accounts/AccountStore';
import { SubmissionsService } from './services/SubmissionsService';
import { SystemService, storedLanguage } from './services/SystemService';
import { composeSigning } from './composeSigning';
import { ConnectivityMonitor, DEFAULT_CONNECTIVITY } from './services/ConnectivityMonitor';
import { QueueService } from './services/QueueService';
import type { AgentSigner } from './ports/Signer';
import { ReceiptService, loadReceiptFonts } from './receipts/ReceiptService';
import { StatusChecker } from './status/StatusChecker';
import { StatusPoller, DEFAULT_STATUS_POLLER, nodePollTimers } from './status/StatusPoller';
import { StatusService } from './status/StatusService';
import { DEFAULT_STATUS_POLL } from './status/statusBackoff';
import { JournalService } from './journal/JournalService';
import { QuestionnaireService } from './questionnaire/QuestionnaireService';
import { composeDiagnostics } from './diagnostics/composeDiagnostics';
import { AuditLog } from './audit/AuditLog';
import { createBackendFetch, parseCaBundle, probeBackend, type BackendFetch } from './adapters/backend/backendTls';
import { describeActiveConnection, effectiveBackendConnection, sameConnection } from './config/backendConnection';
import { composeRetention } from './retention/composeRetention';
import { NotConfiguredBackend } from './adapters/backend/NotConfiguredBackend';
import { decideBackendStart, embeddedDemoBackendInUse, type BackendStart } from './config/backendStartPolicy';
import { logApiCalls } from './platform/log/logApiCalls';
import { ensureBlobKeyEscrow, ESCROW_FILE_NAME, escrowPublicKey } from './platform/keys/blobKeyEscrow';
import { composePrinting } from './printing/composePrinting';
import type { PrinterPort } from './printing/PrinterPort';
import { markTrainingReceipts, markTrainingResults } from './printing/trainingDocuments';
import { stampTrainingWatermark } from './printing/trainingWatermark';
import { noRecentLog, silentLogger, type Logger, type RecentLog } from './platform/log/Logger';
import { reportStorageAtStart } from './storage/reportStorageAtStart';
import { storageStatusOf } from './storage/storageStatus';
import { BackendLimitsCache } from './documents/BackendLimitsCache';

export interface AppPaths {
  readonly resourcesDir: string;
  readonly sqlWasm: string;
  /** The image worker bundle (out/imaging/imageWorker.mjs, built by scripts/build.mjs). */
  readonly imageWorkerUrl: URL;
  /** The database's checkpoint worker (out/db/snapshotWorker.mjs); absent: checkpoints export on the main thread. */
  readonly snapshotWorkerUrl?: URL;
}

export interface WorkstationOptions {
  readonly config: AppConfig;
  readonly host: AppInfo['host'];
  readonly version: string;
  readonly paths: AppPaths;
  readonly keyWrapper: KeyWrapper;
  /** Replaces the HTTP backend (tests). */
  readonly backend?: LicensingBackend;
  /** Replaces the SANE scanner (tests, demo). */
  readonly scanner?: Scanner;
  readonly clock?: Clock;
  readonly random?: () => number;
  /** How long submit waits for the backend before answering "accepted". */
  readonly sendBudgetMs?: number;
  readonly onUnexpectedError: (error: unknown) => void;
  /** Replaces NCALayer (tests: a fake agent); absent = NCALayer at the configured address. */
  readonly agentSigner?: AgentSigner | null;
  /**
   * Trust the demo CA (resources/pki/demo) for operators' keys. Absent: only while the embedded demo
   * backend is in use. Tests and development against a separately started reference backend set it.
   */
  readonly trustDemoCa?: boolean;
  /**
   * An installed workstation (Electron `app.isPackaged`; the browser host with PSC_INSTALLED=1): without
   * a backend URL it starts no embedded backend unless the admin file turns on training mode
   * (config/backendStartPolicy.ts). Absent = a developer's checkout.
   */
  readonly installed?: boolean;
  /** The operational log (main/platform/log); absent = nothing is logged (tests). */
  readonly log?: WorkstationLog;
  /** The Electron host's silent-print adapter (used where `printing.via` picks `electron`). */
  readonly electronPrinter?: PrinterPort;
  /** Replaces the print system (tests: a FakePrinter; null = the dialog only). */
  readonly printer?: PrinterPort | null;
  /** The Electron host continued without the OS key store (platform/keys/keyProtection.ts): warn on screen. */
  readonly keyStoreWarning?: boolean;
  /** The database's file operations (tests: a full disk, power cuts); default the real file system. */
  readonly dbStorage?: DbStorage;
}

/** The operational log as the composition root hands it on: the logger, its in-memory tail, its folder. */
export interface WorkstationLog {
  readonly logger: Logger;
  readonly recent: RecentLog;
  readonly dir: string;
}

export interface Workstation {
  readonly api: WorkstationApi;
  readonly backendUrl: string;
  readonly backendMode: 'embedded' | 'configured' | 'not-configured';
  /** How the backend was chosen at start (config/backendStartPolicy.ts). */
  readonly backendStart: BackendStart;
  /** The embedded demo backend (and so its demo CA and data) is in use: development or training mode. */
  readonly embeddedDemoBackendInUse: boolean;
  readonly trainingMode: boolean;
  close(): Promise<void>;
}

export async function loadCatalog(resourcesDir: string): Promise<Catalog> {
  const file = path.join(resourcesDir, 'catalog', 'services.json');
  return catalogSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

export async function loadCalendarData(resourcesDir: string) {
  const parsed = parseCalendarData(JSON.parse(await readFile(path.join(resourcesDir, 'calendar', 'kz-calendar.json'), 'utf8')));
  if (!parsed.ok) throw new Error(`resources/calendar/kz-calendar.json is invalid: ${parsed.error.issues.slice(0, 3).join('; ')}`);
  return parsed.value;
}

export async function createWorkstation(options: WorkstationOptions): Promise<Workstation> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? { logger: silentLogger, recent: noRecentLog, dir: path.join(config.dataDir, 'logs') };
  const logger = log.logger;
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });

  const catalog = await loadCatalog(options.paths.resourcesDir);
  const calendarData = await loadCalendarData(options.paths.resourcesDir);
  // A full (or read-only, or failing) disk still opens the database read-only: the queue can be
  // shown and the header says why; nothing is accepted, changed or sent until a restart.
  const db = await SqlJsDatabase.open({
    file: path.join(config.dataDir, 'workstation.sqlite'),
    wasmPath: options.paths.sqlWasm,
    migrations: MIGRATIONS,
    readOnlyFallback: true,
    ...(options.dbStorage ? { storage: options.dbStorage } : {}),
    snapshotWorkerUrl: options.paths.snapshotWorkerUrl ?? null,
    onBackgroundError: (error) => logger.warn('storage.checkpoint-failed', { message: error instanceof Error ? error.message : String(error) }),
  });
  const openedAt = clock.now().toISOString();
  const readOnly = db.access.kind === 'read-only';
  const workstationId = await ensureWorkstationId(db);
  const blobKey = await loadBlobKey({ configKeyBase64: config.blobKeyBase64, keyFile: path.join(config.dataDir, 'blob.key'), wrapper: options.keyWrapper });
  if (config.admin?.escrowPublicKeyPem) {
    // The administrator's recovery path for this key (platform/keys/blobKeyEscrow.ts).
    const escrowKey = escrowPublicKey(config.admin.escrowPublicKeyPem);
    if (escrowKey.ok) {
      const escrow = await ensureBlobKeyEscrow(path.join(config.dataDir, ESCROW_FILE_NAME), blobKey, escrowKey.value, clock.now());
      if (escrow === 'written') logger.info('blob-key.escrow-written');
    }
  }
  const blobs = new EncryptedBlobStore(path.join(config.dataDir, 'blobs'), blobKey);
  // Blobs are sharded one level deep (blobs/ab/cdef…); the CRL cache is flat.
  await removeStaleTempFiles(path.join(config.dataDir, 'blobs'), 1);
  await removeStaleTempFiles(path.join(config.dataDir, 'pki'));

  // The backend chosen at start (admin file, environment, supervisor's setting, config.json); a
  // change saved in settings applies at the next start.
  const startupConnection = effectiveBackendConnection(config, readSavedBackendConnection(db));
  const trainingMode = config.admin?.trainingMode === true;
  const backendStart = decideBackendStart({ url: startupConnection.url, installed: options.installed === true, trainingMode });
  // The single answer to "is the embedded demo backend (its demo CA, its demo data) in use in this run?".
  const demoBackendInUse = embeddedDemoBackendInUse(backendStart);
  let embedded: EmbeddedBackend | null = null;
  let transport: BackendFetch | null = null;
  let backend = options.backend;
  if (!backend && backendStart.kind === 'not-configured') backend = new NotConfiguredBackend();
  if (!backend) {
    let url = backendStart.kind === 'configured' ? backendStart.url : null;
    if (url === null) {
      embedded = await startEmbeddedBackend({
        stateDir: path.join(config.dataDir, 'embedded-backend'),
        ...backendServiceSets(catalog),
        // The result PDFs' fonts from the app's own resources, wherever the app was started from.
        fontsDir: path.join(options.paths.resourcesDir, 'fonts'),
        ...(config.providerDayMs !== undefined ? { providerDayMs: config.providerDayMs } : {}),
      });
      url = embedded.url;
    }
    if (url.startsWith('https:')) transport = createBackendFetch({ caPem: startupConnection.caPem, pins: startupConnection.pins });
    backend = new HttpLicensingBackend({ baseUrl: url, timeoutMs: config.backendTimeoutMs, ...(transport ? { fetch: transport.fetch } : {}) });
  }
  const backendMode = backendStart.kind === 'not-configured' && !options.backend ? 'not-configured' : embedded ? 'embedded' : 'configured';
  // Settings and diagnostics are reached only after a login, which a not-configured workstation never offers.
  const connectionMode = backendMode === 'embedded' ? 'embedded' : 'configured';
  logger.info('workstation.started', { host: options.host, version: options.version, backendMode, backendStart: backendStart.kind, trainingMode, installed: options.installed === true });

  const session = new OperatorSession(clock);
  // Login and logout write nothing else: each is recorded in a durable write of its own.
  const audit = new AuditLog(db, clock);
  await reportStorageAtStart({ db, audit, log: logger, clock });
  const recordSessionEvent = (operatorId: string, action: 'login' | 'logout') => {
    // A read-only start cannot record it; the operational log keeps the fact instead.
    if (db.access.kind !== 'writable') return logger.warn('audit.not-recorded', { action, reason: db.access.kind });
    return audit.record({ operatorId, action, subject: null }).catch(options.onUnexpectedError);
  };
  session.onDidSignIn(() => {
    const operatorId = session.current()?.operator.operatorId;
    if (operatorId) void recordSessionEvent(operatorId, 'login');
  });
  session.onDidSignOut((operatorId) => void recordSessionEvent(operatorId, 'logout'));
  const pipeline = new SharpImagePipeline({ workerUrl: options.paths.imageWorkerUrl });
  const scanner = new LoggingScanner(options.scanner ?? (await createScanner(config)), logger.child({ area: 'scanning' }));
  const slotsData = documentSlotsSchema.parse(JSON.parse(await readFile(path.join(options.paths.resourcesDir, 'catalog', 'documentSlots.json'), 'utf8')));
  const fontBytes = new Uint8Array(await readFile(path.join(options.paths.resourcesDir, 'fonts', 'DejaVuSans.ttf')));
  const activeConnection = describeActiveConnection(backend.baseUrl, connectionMode, startupConnection);
  const settingsStore = new SettingsStore(db, (key) => options.onUnexpectedError(new Error(`setting ${key} is unreadable; using its default`)), {
    admin: config.admin ?? null,
    backendLockedBy: config.backendUrlSource === 'environment' ? 'PSC_BACKEND_URL' : null,
    resolveBackend: (saved) => effectiveBackendConnection(config, saved),
    describeBackend: (saved) => {
      const next = effectiveBackendConnection(config, saved);
      const certificates = next.caPem ? parseCaBundle(next.caPem, clock.now()) : null;
      return {
        url: next.url,
        caCertificates: certificates?.ok ? certificates.value : [],
        pins: next.pins,
        active: activeConnection,
        restartRequired: !sameConnection(next, startupConnection),
      };
    },
  });
  const calendar = new CalendarHolder(calendarData, settingsStore);
  const catalogService = new CatalogService(catalog, session, settingsStore, calendar, clock);
  // The monitor kicks the outbox when the backend comes back; the outbox tells the monitor what each attempt learned.
  let sender: OutboxSender | null = null;
  let statusPoller: StatusPoller | null = null;
  const connectivity = new ConnectivityMonitor(backend, clock, {
    ...DEFAULT_CONNECTIVITY,
    onBackOnline: () => {
      sender?.kick();
      statusPoller?.kick();
      refreshDocumentLimits();
    },
  });
  // The backend's document limits, learned at start, at every sign-in and when it comes back; kept for offline work.
  const documentLimits = new BackendLimitsCache(db, backend, options.onUnexpectedError);
  const refreshDocumentLimits = () => void documentLimits.refresh().catch(options.onUnexpectedError);
  session.onDidSignIn(refreshDocumentLimits);
  sender = new OutboxSender(db, blobs, backend, session, clock, {
    random: options.random ?? Math.random,
    maxIdleMs: 30_000,
    onUnexpectedError: options.onUnexpectedError,
    onReachability: (reachable, failure) => connectivity.observe(reachable, failure),
    onRegistered: () => {
      connectivity.synced();
      // The first status check follows the registration at once (the poller backs off from there).
      statusPoller?.kick();
    },
  });
  session.onDidSignIn(() => sender.kick());
  const statusChecker = new StatusChecker(db, backend, session, clock, {
    policy: { ...DEFAULT_STATUS_POLL, ...(config.statusPollBaseMs !== undefined ? { baseMs: config.statusPollBaseMs } : {}) },
    onReachability: (reachable, failure) => connectivity.observe(reachable, failure),
  });
  const status = new StatusService(db, blobs, backend, session, statusChecker, clock, audit);
  statusPoller = new StatusPoller(db, statusChecker, session, clock, nodePollTimers, {
    ...DEFAULT_STATUS_POLLER,
    isOffline: () => connectivity.current().state === 'offline',
    onUnexpectedError: options.onUnexpectedError,
    prefetchResult: (applicationId) => status.prefetch(applicationId),
  });
  session.onDidSignIn(() => statusPoller?.kick());
  const pages = new PageStore(db, blobs, pipeline, clock);
  const drafts = new DraftService(db, blobs, session, catalogService, slotsData, pages, pipeline, splitImportedFileWithSharp, clock, audit);
  const scanning = new ScanningService(scanner, session, drafts, pages, audit);
  const signing = await composeSigning({
    config,
    resourcesDir: options.paths.resourcesDir,
    db,
    session,
    backend,
    clock,
    trustDemoCa: options.trustDemoCa ?? demoBackendInUse,
    ...(options.agentSigner !== undefined ? { agentSigner: options.agentSigner } : {}),
    onUnexpectedError: options.onUnexpectedError,
  });

  // Training mode marks every receipt and result it hands out (issue 15 item 3).
  const stamp = trainingMode ? (pdf: Uint8Array) => stampTrainingWatermark(pdf, fontBytes) : null;
  const plainReceipts = new ReceiptService(db, session, catalog, slotsData, await loadReceiptFonts(options.paths.resourcesDir), audit);
  const receipts = stamp ? markTrainingReceipts(plainReceipts, stamp) : plainReceipts;
  const statusApi = stamp ? markTrainingResults(status, stamp) : status;
  const printing = await composePrinting({
    via: config.printVia ?? 'auto',
    host: options.host,
    platform: process.platform,
    dataDir: config.dataDir,
    ...(options.electronPrinter ? { electronPrinter: options.electronPrinter } : {}),
    ...(options.printer !== undefined ? { printer: options.printer } : {}),
    db,
    session,
    documents: {
      receipt: (applicationId, language) => receipts.forApplication(applicationId, language),
      result: (applicationId) => statusApi.result(applicationId),
    },
    audit,
    logger,
  });

  const api: WorkstationApi = {
    session: new SessionService(backend, session, () => workstationId, new SqlAccountStore(db), clock, {
      ...DEFAULT_SESSION_OPTIONS,
      ...(config.offlineVerifierDays !== undefined ? { verifierMaxAgeDays: config.offlineVerifierDays } : {}),
      onUnexpectedError: options.onUnexpectedError,
    }),
    catalog: catalogService,
    registry: new RegistryService(backend, session, catalogService, db, clock, audit),
    submissions: new SubmissionsService(db, session, catalogService, sender, drafts, blobs, clock, signing.service, {
      workstationId: () => workstationId,
      fontBytes,
      sendBudgetMs: options.sendBudgetMs ?? 8_000,
      audit,
      documentLimits: () => documentLimits.current().limits,
    }),
    system: new SystemService(db, {
      version: options.version,
      host: options.host,
      backend: { mode: backendMode, url: backend.baseUrl },
      trainingMode,
      adminConfigFile: config.admin?.file ?? config.adminConfigFile ?? '',
      keyStoreWarning: options.keyStoreWarning === true,
    }, () => storageStatusOf(db, openedAt)),
    settings: new SettingsService(
      settingsStore,
      session,
      catalogService,
      {
        parseCaBundle: (pem) => parseCaBundle(pem, clock.now()),
        probe: (url, tls) => probeBackend(url, tls, config.backendTimeoutMs),
        embeddedUrl: () => embedded?.url ?? null,
      },
      audit,
    ),
    drafts,
    scanning,
    signing: signing.service,
    queue: new QueueService(db, session, sender, connectivity, signing.service, blobs, clock),
    receipts,
    status: statusApi,
    questionnaire: new QuestionnaireService(db, session, catalog, clock),
    journal: new JournalService(db, session, catalog, clock, { csvLanguage: () => storedLanguage(db) }),
    diagnostics: composeDiagnostics({
      session,
      clock,
      app: { version: options.version, host: options.host, dataDir: config.dataDir },
      databaseFile: path.join(config.dataDir, 'workstation.sqlite'),
      backend,
      backendMode: connectionMode,
      connectivity: () => connectivity.current(),
      revocationStatus: () => signing.service.revocationStatus(),
      queueStatus: () => api.queue.status(),
      scanner,
      saneConfigDir: config.saneConfigDir ?? undefined,
      packageSearchFrom: [path.dirname(process.argv[1] ?? '.'), options.paths.resourcesDir, process.cwd()],
      onUnexpectedError: options.onUnexpectedError,
      log: { dir: log.dir, recent: log.recent },
      storageStatus: () => storageStatusOf(db, openedAt),
    }),
    printing,
  };
  const retention = composeRetention({ db, blobs, clock, audit, retentionDays: () => settingsStore.retentionDays(), onUnexpectedError: options.onUnexpectedError });
  // After a durability failure nothing may act on the database's memory: sending, polling and purging stop for good.
  db.onDurabilityFailure((error) => {
    logger.error('storage.failed', { message: error.message });
    sender.halt(error);
    void statusPoller.stop();
    void retention.stop();
  });
  connectivity.start();
  refreshDocumentLimits();
  if (readOnly) {
    // Sending would register applications whose registration cannot be recorded here; purging cannot write.
    logger.warn('outbox.not-started', { reason: 'read-only database' });
  } else {
    sender.start();
    statusPoller.start();
    retention.start();
  }

  return {
    api: logApiCalls(api, logger.child({ area: 'contract' })),
    backendUrl: backend.baseUrl,
    backendMode,
    backendStart,
    embeddedDemoBackendInUse: demoBackendInUse,
    trainingMode,
    async close() {
      await retention.stop();
      await scanning.settle();
      signing.close();
      connectivity.stop();
      await statusPoller.stop();
      await status.settle();
      await sender.stop();
      await documentLimits.stop();
      await pipeline.close();
      await audit.settle();
      await db.close();
      await transport?.close();
      await embedded?.close();
    },
  };
}

/**
 * SANE scanners plus any eSCL network scanners and watched MFP folders, behind one Scanner. Pages wait for delivery under
 * the private data directory (not /tmp), and leftovers of a crashed scan are removed at start.
 */
async function createScanner(config: AppConfig): Promise<Scanner> {
  const sane = new SaneScanner({
    tempRoot: path.join(config.dataDir, 'scan-tmp'),
    ...(config.saneConfigDir ? { saneConfigDir: config.saneConfigDir } : {}),
  });
  await mkdir(path.join(config.dataDir, 'scan-tmp'), { recursive: true, mode: 0o700 });
  await sane.removeStaleTempDirs();
  const others: Scanner[] = [];
  if ((config.esclScanners ?? []).length > 0) others.push(new EsclScanner({ scanners: config.esclScanners ?? [] }));
  if (config.watchedFolders.length > 0) others.push(new FolderScanner({ folders: config.watchedFolders }));
  return others.length === 0 ? sane : new CompositeScanner([sane, ...others]);
}

async function ensureWorkstationId(db: SqlJsDatabase): Promise<string> {
  const existing = db.read((r) => getSetting(r, 'workstation.id'));
  if (existing) return existing;
  const access = db.access;
  if (access.kind === 'read-only') throw new DatabaseReadOnlyError(access.reason);
  const id = randomUUID();
  await db.write((w) => putSetting(w, 'workstation.id', id));
  return id;
}
