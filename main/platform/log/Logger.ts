/**
 * The operational log's port (DESIGN.md §7, issue 15 item 4): what main writes for the helpdesk.
 * Events are short fixed names ("print.failed", "host.started"); fields are ids, kinds, counts and
 * durations. Every field still passes `scrubLogFields` before it is written, so a careless caller
 * cannot put an IIN, a name or a secret into the file, but callers should never try.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  /** `fields.err` may be any thrown value: its name, scrubbed message and scrubbed stack are kept. */
  error(event: string, fields?: LogFields): void;
  /** A logger whose lines all carry `bindings` (e.g. `{ area: 'printing' }`). */
  child(bindings: LogFields): Logger;
}

/** One line of the log as the diagnostics show it. */
export interface LogLine {
  readonly time: string;
  readonly level: LogLevel;
  readonly event: string;
  /** The line as written to the file (JSON). */
  readonly json: string;
}

/** The last lines written, for the diagnostics screen and "Copy diagnostics". */
export interface RecentLog {
  /** The last `limit` lines of any level, oldest first. */
  lastLines(limit: number): readonly LogLine[];
  /** The last `limit` warnings and errors, oldest first. */
  recentProblems(limit: number): readonly LogLine[];
}

/** Writes nothing: for code paths and tests that have no log. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

export const noRecentLog: RecentLog = { lastLines: () => [], recentProblems: () => [] };
