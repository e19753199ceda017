import type { LogFields, Logger, LogLevel } from './Logger';
import { scrubLogFields } from './scrubLogFields';

/** The Logger fake: keeps scrubbed lines in memory (tests assert on them), exactly as the file logger would scrub them. */
export class MemoryLogger implements Logger {
  readonly lines: { level: LogLevel; event: string; fields: Record<string, unknown> }[];

  constructor(
    private readonly bindings: LogFields = {},
    shared?: { level: LogLevel; event: string; fields: Record<string, unknown> }[],
  ) {
    this.lines = shared ?? [];
  }

  debug(event: string, fields?: LogFields): void {
    this.push('debug', event, fields);
  }
  info(event: string, fields?: LogFields): void {
    this.push('info', event, fields);
  }
  warn(event: string, fields?: LogFields): void {
    this.push('warn', event, fields);
  }
  error(event: string, fields?: LogFields): void {
    this.push('error', event, fields);
  }
  child(bindings: LogFields): Logger {
    return new MemoryLogger({ ...this.bindings, ...bindings }, this.lines);
  }

  private push(level: LogLevel, event: string, fields?: LogFields): void {
    this.lines.push({ level, event, fields: scrubLogFields({ ...this.bindings, ...(fields ?? {}) }) });
  }
}
