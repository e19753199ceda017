/**
 * The one contract between the renderer and main. Each feature area is an interface; the
 * `WORKSTATION_API` map below gives every method its argument parser and doubles as the runtime
 * method list from which the preload bridge, the Electron IPC wiring and the browser host's RPC
 * are generated. A method missing from the map, or a parser whose output does not match the
 * method's parameters, fails to compile.
 */
import { z } from 'zod';
import type { SessionApi } from './session';
import { loginRequestSchema } from './session';
import type { CatalogApi } from './catalog';
import type { RegistryApi } from './registry';
import { applicantQuerySchema } from './registry';
import type { DocumentsApi } from './documents';
import { attachFileRequestSchema } from './documents';
import type { SubmissionsApi } from './submissions';
import { submitRequestSchema } from './submissions';
import type { SystemApi } from './system';
import { entityIdSchema, languageSchema } from './common';

export interface WorkstationApi {
  readonly session: SessionApi;
  readonly catalog: CatalogApi;
  readonly registry: RegistryApi;
  readonly documents: DocumentsApi;
  readonly submissions: SubmissionsApi;
  readonly system: SystemApi;
}

export type AreaName = keyof WorkstationApi;
export type MethodName<A extends AreaName> = keyof WorkstationApi[A] & string;

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
    current: noArgs,
  },
  catalog: {
    listServices: noArgs,
  },
  registry: {
    lookupApplicant: z.tuple([applicantQuerySchema]),
  },
  documents: {
    attachFile: z.tuple([attachFileRequestSchema]),
    discardDocument: z.tuple([entityIdSchema]),
  },
  submissions: {
    submit: z.tuple([submitRequestSchema]),
    list: noArgs,
  },
  system: {
    about: noArgs,
    setLanguage: z.tuple([languageSchema]),
  },
} as const satisfies ArgParsers;

export interface MethodRef {
  readonly area: AreaName;
  readonly method: string;
}

/** Every (area, method) pair of the contract, in declaration order. */
export function listContractMethods(): readonly MethodRef[] {
  return (Object.keys(WORKSTATION_API) as AreaName[]).flatMap((area) =>
    Object.keys(WORKSTATION_API[area]).map((method) => ({ area, method })),
  );
}

/** IPC channel of a method; the only place a channel name is spelled. */
export function channelOf(area: string, method: string): string {
  return `workstation:${area}.${method}`;
}

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

/** Builds a WorkstationApi whose every method forwards to `invoke`; used by the preload and the browser transport. */
export function createContractClient(invoke: (area: AreaName, method: string, args: unknown[]) => Promise<unknown>): WorkstationApi {
  const api: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const { area, method } of listContractMethods()) {
    (api[area] ??= {})[method] = (...args: unknown[]) => invoke(area, method, args);
  }
  return api as unknown as WorkstationApi;
}
