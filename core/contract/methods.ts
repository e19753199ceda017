/**
 * The contract's shape without its argument schemas: the `WorkstationApi` interface, the runtime
 * method list, channel names and the client builder. Zod-free (type-only imports), so the
 * renderer and the preload can use it without bundling the schemas; the parsers live in
 * workstationApi.ts, checked against the same interface.
 */
import type { SessionApi } from './session';
import type { CatalogApi } from './catalog';
import type { RegistryApi } from './registry';
import type { SubmissionsApi } from './submissions';
import type { SystemApi } from './system';
import type { SettingsApi } from './settings';
import type { DraftsApi } from './drafts';
import type { ScanningApi } from './scanning';
import type { SigningApi } from './signing';
import type { QueueApi } from './queue';
import type { ReceiptsApi } from './receipts';
import type { StatusApi } from './status';
import type { QuestionnaireApi } from './questionnaire';
import type { JournalApi } from './journal';
import type { DiagnosticsApi } from './diagnostics';
import type { PrintingApi } from './printing';

export interface WorkstationApi {
  readonly session: SessionApi;
  readonly catalog: CatalogApi;
  readonly registry: RegistryApi;
  readonly submissions: SubmissionsApi;
  readonly system: SystemApi;
  readonly settings: SettingsApi;
  readonly drafts: DraftsApi;
  readonly scanning: ScanningApi;
  readonly signing: SigningApi;
  readonly queue: QueueApi;
  readonly receipts: ReceiptsApi;
  readonly status: StatusApi;
  readonly questionnaire: QuestionnaireApi;
  readonly journal: JournalApi;
  readonly diagnostics: DiagnosticsApi;
  readonly printing: PrintingApi;
}

export type AreaName = keyof WorkstationApi;
export type MethodName<A extends AreaName> = keyof WorkstationApi[A] & string;

/** Every method of every area; a missing or extra entry fails to compile. */
export const WORKSTATION_API_METHODS = {
  session: { login: true, logout: true, lock: true, current: true },
  catalog: { listServices: true, listAllVersions: true, previewDeadline: true },
  registry: { lookupApplicant: true, lookupRepresentative: true },
  submissions: { submitDraft: true, list: true },
  system: { about: true, storage: true, setLanguage: true },
  settings: { get: true, setCurrentServiceVersion: true, setCalendarOverrides: true, setIdleLockMinutes: true, setRetentionDays: true, setBackendConnection: true, checkBackendConnection: true },
  drafts: {
    start: true, get: true, listOpen: true, setParties: true, setPresentedOnPaper: true, importFile: true, importProgress: true, cancelImport: true,
    movePage: true, rotatePage: true, deletePage: true, pageThumbnail: true, discard: true,
  },
  scanning: { listDevices: true, start: true, job: true, cancel: true },
  signing: { rememberedKey: true, inspectKey: true, revocationStatus: true },
  queue: { status: true, retryNow: true, pause: true, resume: true, withdraw: true, resign: true },
  receipts: { forApplication: true },
  status: { refresh: true, result: true, find: true, handOver: true },
  questionnaire: { forApplication: true, answer: true },
  journal: { markStep: true, endVisit: true, report: true, exportCsv: true },
  diagnostics: { report: true },
  printing: { status: true, print: true, choosePrinter: true },
} as const satisfies { readonly [A in AreaName]: { readonly [M in keyof WorkstationApi[A]]: true } };

export interface MethodRef {
  readonly area: AreaName;
  readonly method: string;
}

/** Every (area, method) pair of the contract, in declaration order. */
export function listContractMethods(): readonly MethodRef[] {
  return (Object.keys(WORKSTATION_API_METHODS) as AreaName[]).flatMap((area) =>
    Object.keys(WORKSTATION_API_METHODS[area]).map((method) => ({ area, method })),
  );
}

/** IPC channel of a method; the only place a channel name is spelled. */
export function channelOf(area: string, method: string): string {
  return `workstation:${area}.${method}`;
}

/** Builds a WorkstationApi whose every method forwards to `invoke`; used by the preload and the browser transport. */
export function createContractClient(invoke: (area: AreaName, method: string, args: unknown[]) => Promise<unknown>): WorkstationApi {
  const api: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const { area, method } of listContractMethods()) {
    (api[area] ??= {})[method] = (...args: unknown[]) => invoke(area, method, args);
  }
  return api as unknown as WorkstationApi;
}
