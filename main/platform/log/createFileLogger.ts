/**
 * The operational log on disk (issue 15 item 4): pino writing JSON lines to `<dataDir>/logs/`,
 * rotated by pino-roll at `maxFileBytes` and keeping `maxFiles` old files, so the folder never
 * grows past about (maxFiles + 1) × maxFileBytes. Every line passes `scrubLogFields` (pino's
 * `formatters.log`), and the same lines feed the in-memory ring the diagnostics read.
 * pino and pino-roll were chosen over hand-written code: docs/OPERATIONAL_LOG.md says why.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pino, { type Logger as PinoLogger } from 'pino';
import pinoRoll from 'pino-roll';
import type { LogFields, Logger, LogLevel } from './Logger';
import { RecentLogRing } from './RecentLogRing';
import { scrubLogFields, scrubLogString } from './scrubLogFields';

export interface FileLoggerOptions {
  /** The folder of the log files (created 0700): `<dataDir>/logs`. */
  readonly dir: string;
  readonly level?: LogLevel;
  /** Size at which the current file is rotated; default 5 MB. */
  readonly maxFileBytes?: number;
  /** Rotated files kept besides the current one; default 4. */
  readonly maxFiles?: number;
  /** Fixed fields on every line (host kind, version); never personal data. */
  readonly base?: LogFields;
}

export interface FileLogger {
  readonly logger: Logger;
  readonly recent: RecentLogRing;
  /** Base name of the files: `workstation.<n>.log`. */
  readonly filePrefix: string;
  /** Writes what is buffered and closes the file. */
  close(): Promise<void>;
}

export const LOG_FILE_BASENAME = 'workstation';

export async function createFileLogger(options: FileLoggerOptions): Promise<FileLogger> {
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const file = await pinoRoll({
    file: path.join(options.dir, LOG_FILE_BASENAME),
    extension: '.log',
    size: `${Math.max(1, Math.round((options.maxFileBytes ?? 5 * 1024 * 1024) / 1024))}k`,
    limit: { count: options.maxFiles ?? 4, removeOtherLogFiles: true },
    mkdir: true,
  });
  const recent = new RecentLogRing();
  const level = options.level ?? 'info';
  const root = pino(
    {
      level,
      messageKey: 'event',
      base: { pid: process.pid, ...(options.base ? scrubLogFields(options.base) : {}) },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrubLogFields(object),
      },
    },
    pino.multistream([
      { stream: file, level },
      { stream: recent, level },
    ]),
  );
  return {
    logger: wrapPino(root),
    recent,
    filePrefix: LOG_FILE_BASENAME,
    close: () =>
      new Promise<void>((resolve) => {
        root.flush(() => {
          file.once('close', () => resolve());
          file.once('error', () => resolve());
          file.end();
        });
      }),
  };
}

/** The port over a pino logger: the event is the message (scrubbed too), fields go through the formatter. */
export function wrapPino(pinoLogger: PinoLogger): Logger {
  const write = (level: LogLevel) => (event: string, fields?: LogFields) => {
    pinoLogger[level]({ ...(fields ?? {}) }, scrubLogString(event));
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (bindings) => wrapPino(pinoLogger.child(scrubLogFields(bindings))),
  };
}
