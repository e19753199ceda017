// The operational log's port: what the workstation tells whoever runs it (not the audit log, not the
// operator). Fields are scalars and never carry personal data (no IIN/BIN, names, addresses, images).
// The composition root passes the real sink (issue 15 wires pino); without one, JSON lines go to stderr.

export type LogFields = Readonly<Record<string, string | number | boolean | null>>;

export interface OperationalLog {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** One JSON line per event on stderr: `{"level","time","event",...fields}`. */
export function stderrOperationalLog(now: () => Date = () => new Date()): OperationalLog {
  const write = (level: 'info' | 'warn' | 'error') => (event: string, fields: LogFields = {}) => {
    process.stderr.write(`${JSON.stringify({ level, time: now().toISOString(), event, ...fields })}\n`);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** Keeps every entry in memory (tests). */
export class MemoryOperationalLog implements OperationalLog {
  readonly entries: { level: 'info' | 'warn' | 'error'; event: string; fields: LogFields }[] = [];
  info(event: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'info', event, fields });
  }
  warn(event: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'warn', event, fields });
  }
  error(event: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'error', event, fields });
  }
}
