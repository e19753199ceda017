import { listContractMethods, type WorkstationApi } from '../../../core/contract/methods';
import type { Logger } from './Logger';

/**
 * Wraps the contract's implementation so every call leaves a line in the operational log: the
 * method, how long it took and, for an expected failure, the error union (scrubbed like every field:
 * kinds and ids stay, identifiers and names go). Arguments are never logged. A call that throws is
 * logged as an error with its scrubbed message and rethrown unchanged.
 * Successful calls are `debug` (the renderer polls), failures `info`, exceptions `error`.
 */
export function logApiCalls(api: WorkstationApi, logger: Logger, now: () => number = () => performance.now()): WorkstationApi {
  const wrapped: Record<string, Record<string, unknown>> = {};
  for (const { area, method } of listContractMethods()) {
    const target = api[area] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const call = `${area}.${method}`;
    (wrapped[area] ??= {})[method] = async (...args: unknown[]) => {
      const started = now();
      try {
        const result = (await target[method]!.apply(target, args)) as { ok?: boolean; error?: unknown } | undefined;
        const ms = Math.round(now() - started);
        if (result && result.ok === false) logger.info('call.failed', { call, ms, error: result.error });
        else logger.debug('call', { call, ms });
        return result;
      } catch (error) {
        logger.error('call.threw', { call, ms: Math.round(now() - started), err: error });
        throw error;
      }
    };
  }
  return wrapped as unknown as WorkstationApi;
}
