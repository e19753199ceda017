import type { LogLevel, LogLine, RecentLog } from './Logger';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * The last lines the log wrote, kept in memory for the diagnostics screen (issue 15 item 4). It is
 * fed the same scrubbed JSON lines as the file, so it can show nothing the file would not hold.
 * Two bounded rings: every line, and warnings/errors only (so a busy log cannot push a problem out
 * of sight before the supervisor opens the diagnostics).
 */
export class RecentLogRing implements RecentLog {
  private readonly all: LogLine[] = [];
  private readonly problems: LogLine[] = [];

  constructor(private readonly capacity = 200) {}

  /** A pino destination: one JSON line per call. */
  write(chunk: string): void {
    for (const json of chunk.split('\n')) {
      if (json.trim() === '') continue;
      const line = parseLine(json);
      if (!line) continue;
      push(this.all, line, this.capacity);
      if (line.level === 'warn' || line.level === 'error') push(this.problems, line, this.capacity);
    }
  }

  lastLines(limit: number): readonly LogLine[] {
    return this.all.slice(-limit);
  }

  recentProblems(limit: number): readonly LogLine[] {
    return this.problems.slice(-limit);
  }
}

function push(ring: LogLine[], line: LogLine, capacity: number): void {
  ring.push(line);
  if (ring.length > capacity) ring.splice(0, ring.length - capacity);
}

function parseLine(json: string): LogLine | null {
  try {
    const parsed = JSON.parse(json) as { time?: unknown; level?: unknown; event?: unknown };
    const level = LEVELS.find((l) => l === parsed.level) ?? 'info';
    return { time: typeof parsed.time === 'string' ? parsed.time : '', level, event: typeof parsed.event === 'string' ? parsed.event : '', json };
  } catch {
    return null;
  }
}
