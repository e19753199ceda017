import path from 'node:path';
import type { WorkstationLog } from '../app';
import type { AppConfig } from '../config/appConfig';
import { createFileLogger, type FileLogger } from '../platform/log/createFileLogger';
import { reportUnexpected } from './reportUnexpected';

export interface HostLog extends WorkstationLog {
  /** Both hosts' sink for unexpected errors: the log (scrubbed) and stderr (kind and message only). */
  readonly onUnexpectedError: (error: unknown) => void;
  close(): Promise<void>;
}

/** The operational log of one host process, in `<dataDir>/logs` (issue 15 item 4). */
export async function openHostLog(config: AppConfig, host: 'electron' | 'browser', version: string): Promise<HostLog> {
  const dir = path.join(config.dataDir, 'logs');
  const file: FileLogger = await createFileLogger({ dir, level: config.logLevel ?? 'info', base: { host, version } });
  const logger = file.logger;
  return {
    logger,
    recent: file.recent,
    dir,
    onUnexpectedError: (error) => {
      logger.error('unexpected', { err: error });
      reportUnexpected(error);
    },
    close: () => file.close(),
  };
}
