/**
 * Parsers of CUPS's `lpstat` answers (run with LC_ALL=C, so the words are English). Pure, tested with
 * recorded outputs; the adapter feeds them. Only queue names, states and the IPP state-reason
 * keywords are read: job titles and users are never parsed or kept.
 */
import type { PrinterProblem } from '../../../core/contract/printing';
import type { SystemPrinter } from '../PrinterPort';

/** `lpstat -l -p`: one block per queue, starting `printer NAME is idle.` / `now printing …` / `disabled since …`. */
export function parsePrinterBlocks(output: string): Map<string, { state: SystemPrinter['state']; description: string; problems: PrinterProblem[] }> {
  const printers = new Map<string, { state: SystemPrinter['state']; description: string; problems: PrinterProblem[] }>();
  let current: { state: SystemPrinter['state']; description: string; problems: PrinterProblem[] } | null = null;
  for (const line of output.split('\n')) {
    const head = /^printer (\S+) (.*)$/.exec(line);
    if (head) {
      const [, name, rest] = head as unknown as [string, string, string];
      const state: SystemPrinter['state'] = rest.startsWith('disabled') ? 'stopped' : rest.startsWith('is idle') ? 'idle' : rest.startsWith('now printing') ? 'printing' : 'unknown';
      current = { state, description: name, problems: state === 'stopped' ? ['stopped'] : [] };
      printers.set(name, current);
      continue;
    }
    if (!current) continue;
    const description = /^\s+Description: (.*)$/.exec(line);
    if (description) current.description = description[1]!.trim() || current.description;
    const alerts = /^\s+Alerts: (.*)$/.exec(line);
    if (alerts) for (const problem of problemsOfReasons(alerts[1]!.trim().split(/\s+/))) if (!current.problems.includes(problem)) current.problems.push(problem);
  }
  return printers;
}

/** IPP printer-state-reasons keywords (RFC 8011 §5.4.12, PWG 5100.9) → what the operator is told. */
export function problemsOfReasons(reasons: readonly string[]): PrinterProblem[] {
  const problems = new Set<PrinterProblem>();
  for (const raw of reasons) {
    const reason = raw.replace(/-(error|warning|report)$/, '');
    if (reason === 'offline' || reason === 'shutdown' || reason === 'timed-out' || reason === 'connecting-to-device') problems.add('offline');
    else if (reason === 'media-empty' || reason === 'media-needed' || reason === 'input-tray-missing') problems.add('no-paper');
    else if (reason === 'media-jam' || reason === 'input-tray-jam' || reason === 'output-tray-jam') problems.add('paper-jam');
    else if (reason === 'door-open' || reason === 'cover-open' || reason === 'interlock-open') problems.add('door-open');
    else if (reason === 'toner-empty' || reason === 'marker-supply-empty' || reason === 'marker-waste-full') problems.add('toner-empty');
    else if (reason === 'paused' || reason === 'stopped') problems.add('stopped');
  }
  return [...problems];
}

/** `lpstat -a`: `NAME accepting requests since …` / `NAME not accepting requests since …`. */
export function parseAccepting(output: string): Map<string, boolean> {
  const accepting = new Map<string, boolean>();
  for (const line of output.split('\n')) {
    const match = /^(\S+) (not )?accepting requests/.exec(line);
    if (match) accepting.set(match[1]!, match[2] === undefined);
  }
  return accepting;
}

/** `lpstat -d`: `system default destination: NAME` (or `no system default destination`). */
export function parseDefault(output: string): string | null {
  return /^system default destination: (\S+)/m.exec(output)?.[1] ?? null;
}

/** `lp`'s answer: `request id is NAME-12 (1 file(s))`. */
export function parseRequestId(output: string): string | null {
  return /request id is (\S+)/.exec(output)?.[1] ?? null;
}

/** `lpstat -W completed -o NAME` / `-W not-completed`: the job ids listed (first column). */
export function parseJobIds(output: string): Set<string> {
  const ids = new Set<string>();
  for (const line of output.split('\n')) {
    const match = /^(\S+-\d+)\s/.exec(line);
    if (match) ids.add(match[1]!);
  }
  return ids;
}

export function combinePrinters(blocks: ReturnType<typeof parsePrinterBlocks>, accepting: Map<string, boolean>, defaultName: string | null): SystemPrinter[] {
  return [...blocks.entries()]
    .map(([name, block]) => ({
      name,
      description: block.description,
      isDefault: name === defaultName,
      state: block.state,
      problems: accepting.get(name) === false && !block.problems.includes('not-accepting') ? [...block.problems, 'not-accepting' as const] : block.problems,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
