/**
 * The one contract between the renderer and main. Each feature area is an interface; the
 * `WORKSTATION_API` map below gives every method its argument parser and doubles as the runtime
 * method list from which the preload bridge, the Electron IPC wiring and the browser host's RPC
 * are generated. A method missing from the map, or a parser whose output does not match the
 * method's parameters, fails to compile.
 */
import { z } from 'zod';
import { loginRequestSchema } from './session';
import { applicantQuerySchema, representativeQuerySchema } from './registry';
import { deadlinePreviewRequestSchema } from './catalog';
import { backendConnectionArgs, calendarOverridesArgs, currentServiceVersionArgs, idleLockMinutesArgs, retentionDaysArgs } from './settings';
import { draftPartiesSchema, importFileSchema, slotIdSchema, startDraftSchema } from './drafts';
import { scanSettingsSchema } from './scanning';
import { keyPasswordSchema, keySourceSchema, signingMethodSchema } from './signing';
import { receiptLanguageSchema } from './receipts';
import { printDocumentSchema, printerNameSchema } from './printing';
import { applicationQuerySchema } from './status';
import { questionnaireAnswersSchema } from './questionnaire';
import { journalExportSchema, journalFilterSchema, stepMarkSchema } from './journal';
import { entityIdSchema, languageSchema } from './common';
import type { AreaName, WorkstationApi } from './methods';

export * from './methods';

type ArgParsers = {
  readonly [A in AreaName]: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mapping over arbitrary method signatures
    readonly [M in keyof WorkstationApi[A]]: WorkstationApi[A][M] extends (...args: infer P) => any ? z.ZodType<P> : never;
  };
};

const noArgs = z.tuple([]);

export const WORKSTATION_API = {
  session: {
    login: z.tuple([loginRequestSchema]),
    logout: noArgs,
    lock: noArgs,
    current: noArgs,
  },
  catalog: {
    listServices: noArgs,
    listAllVersions: noArgs,
    previewDeadline: z.tuple([deadlinePreviewRequestSchema]),
  },
  registry: {
    lookupApplicant: z.tuple([applicantQuerySchema]),
    lookupRepresentative: z.tuple([representativeQuerySchema]),
  },
  submissions: {
    submitDraft: z.tuple([entityIdSchema, signingMethodSchema.nullable()]),
    list: noArgs,
  },
  system: {
    about: noArgs,
    storage: noArgs,
    setLanguage: z.tuple([languageSchema]),
  },
  settings: {
    get: noArgs,
    setCurrentServiceVersion: currentServiceVersionArgs,
    setCalendarOverrides: calendarOverridesArgs,
    setIdleLockMinutes: idleLockMinutesArgs,
    setRetentionDays: retentionDaysArgs,
    setBackendConnection: backendConnectionArgs,
    checkBackendConnection: backendConnectionArgs,
  },
  drafts: {
    start: z.tuple([startDraftSchema]),
    get: z.tuple([entityIdSchema]),
    listOpen: noArgs,
    setParties: z.tuple([entityIdSchema, draftPartiesSchema]),
    setPresentedOnPaper: z.tuple([entityIdSchema, slotIdSchema, z.boolean()]),
    importFile: z.tuple([entityIdSchema, slotIdSchema, importFileSchema]),
    importProgress: z.tuple([entityIdSchema]),
    cancelImport: z.tuple([entityIdSchema]),
    movePage: z.tuple([entityIdSchema, entityIdSchema, slotIdSchema, z.number().int().min(0).max(1000)]),
    rotatePage: z.tuple([entityIdSchema, entityIdSchema, z.union([z.literal(90), z.literal(180), z.literal(270)])]),
    deletePage: z.tuple([entityIdSchema, entityIdSchema]),
    pageThumbnail: z.tuple([entityIdSchema, entityIdSchema]),
    discard: z.tuple([entityIdSchema]),
  },
  scanning: {
    listDevices: noArgs,
    start: z.tuple([entityIdSchema, slotIdSchema, scanSettingsSchema]),
    job: z.tuple([entityIdSchema]),
    cancel: z.tuple([entityIdSchema]),
  },
  signing: {
    rememberedKey: noArgs,
    inspectKey: z.tuple([keySourceSchema, keyPasswordSchema]),
    revocationStatus: noArgs,
  },
  queue: {
    status: noArgs,
    retryNow: z.tuple([entityIdSchema]),
    pause: noArgs,
    resume: noArgs,
    withdraw: z.tuple([entityIdSchema]),
    resign: z.tuple([entityIdSchema, signingMethodSchema]),
  },
  receipts: {
    forApplication: z.tuple([entityIdSchema, receiptLanguageSchema]),
  },
  status: {
    refresh: z.tuple([entityIdSchema]),
    result: z.tuple([entityIdSchema]),
    find: z.tuple([applicationQuerySchema]),
    handOver: z.tuple([entityIdSchema]),
  },
  questionnaire: {
    forApplication: z.tuple([entityIdSchema]),
    answer: z.tuple([entityIdSchema, questionnaireAnswersSchema]),
  },
  journal: {
    markStep: z.tuple([stepMarkSchema]),
    endVisit: z.tuple([entityIdSchema]),
    report: z.tuple([journalFilterSchema]),
    exportCsv: z.tuple([journalFilterSchema, journalExportSchema]),
  },
  printing: {
    status: noArgs,
    print: z.tuple([printDocumentSchema]),
    choosePrinter: z.tuple([printerNameSchema.nullable()]),
  },
  diagnostics: {
    report: noArgs,
  },
} as const satisfies ArgParsers;

/** A call from the renderer that does not fit the contract: a bug or an attack, never an operator error. */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
}

function parserOf(area: string, method: string): z.ZodType<unknown[]> {
  if (!Object.hasOwn(WORKSTATION_API, area)) throw new ContractViolation(`unknown area ${area}`);
  const methods = WORKSTATION_API[area as AreaName] as Record<string, z.ZodType<unknown[]>>;
  if (!Object.hasOwn(methods, method)) throw new ContractViolation(`unknown method ${area}.${method}`);
  return methods[method]!;
}

/**
 * Parses untrusted arguments and calls the implementation. Throws ContractViolation for an unknown
 * method or arguments that fail the method's schema; the message names fields, never values.
 */
export async function dispatchContractCall(api: WorkstationApi, area: string, method: string, args: unknown): Promise<unknown> {
  const parsed = parserOf(area, method).safeParse(args);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.code}`).join('; ');
    throw new ContractViolation(`invalid arguments for ${area}.${method}: ${fields}`);
  }
  const impl = (api[area as AreaName] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>);
  return impl[method]!.apply(impl, parsed.data);
}

