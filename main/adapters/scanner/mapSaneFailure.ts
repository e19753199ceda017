import type { ScanError } from '../../ports/Scanner';
import type { ProcessExit } from './runProcess';

/**
 * SANE status codes with their `sane_strstatus` texts. `scanimage` exits with the status code
 * (JAMMED → 6, NO_DOCS → 7, COVER_OPEN → 8) and prints the text on stderr.
 */
const SANE_STATUSES = [
  { code: 1, text: 'Operation not supported', kind: null },
  { code: 2, text: 'Operation was canceled', kind: 'cancelled' },
  { code: 3, text: 'Device busy', kind: 'device-busy' },
  { code: 4, text: 'Invalid argument', kind: null },
  { code: 5, text: 'End of file reached', kind: null },
  { code: 6, text: 'Document feeder jammed', kind: 'paper-jam' },
  { code: 7, text: 'Document feeder out of documents', kind: 'feeder-empty' },
  { code: 8, text: 'Scanner cover is open', kind: 'cover-open' },
  { code: 9, text: 'Error during device I/O', kind: 'io-error' },
  { code: 10, text: 'Out of memory', kind: null },
  { code: 11, text: 'Access to resource has been denied', kind: 'access-denied' },
  { code: 12, text: 'Lamp not ready, please retry', kind: null },
  { code: 13, text: 'Scanner mechanism locked for transport', kind: null },
] as const;

type SaneStatus = (typeof SANE_STATUSES)[number];
type SimpleKind = NonNullable<SaneStatus['kind']>;

export const NO_DOCS_TEXT = 'Document feeder out of documents';
export const SANE_UTILS_PACKAGE = 'sane-utils';

function statusByText(text: string): SaneStatus | undefined {
  const trimmed = text.trim().toLowerCase();
  return SANE_STATUSES.find((s) => s.text.toLowerCase() === trimmed);
}

function fromStatus(status: SaneStatus): ScanError {
  const kind: SimpleKind | null = status.kind;
  return kind === null ? { kind: 'unknown', saneStatus: status.text } : { kind };
}

/** The last SANE status text `scanimage` reported on stderr (e.g. from `scanimage: sane_read: Document feeder jammed`). */
export function lastSaneStatusText(stderr: string): string | undefined {
  let found: string | undefined;
  for (const line of stderr.split(/[\r\n]+/)) {
    const text = /: ([^:]+)$/.exec(line)?.[1] ?? /failed \(([^)]+)\)$/.exec(line)?.[1];
    if (text !== undefined && statusByText(text)) found = statusByText(text)?.text;
  }
  return found;
}

/**
 * The exit code scanimage would have ended with, judged from its stderr alone (for a process that had to be
 * killed after it finished its batch): the last reported status, or 0. NO_DOCS after a batch is success,
 * exactly as scanimage itself treats it.
 */
export function exitCodeFromStderr(stderr: string): number {
  const text = lastSaneStatusText(stderr);
  const status = text === undefined ? undefined : statusByText(text);
  return status === undefined || status.text === NO_DOCS_TEXT ? 0 : status.code;
}

/**
 * Turns a failed `scanimage` run into a ScanError. Decides from the stderr status text first (exit code 1 is
 * shared by many failures), then from the exit code. Only SANE's own status texts are ever copied into the
 * error, never other stderr content (it can hold paths and device serial numbers).
 */
export function mapSaneFailure(exit: ProcessExit, stderr: string, context: { deviceId: string; program: string }): ScanError {
  if (exit.kind === 'spawn-failed') {
    if (exit.errno === 'ENOENT') return { kind: 'scanner-software-missing', program: context.program, debianPackage: SANE_UTILS_PACKAGE };
    return { kind: 'unknown', saneStatus: `cannot start scanimage (${exit.errno})` };
  }

  const open = /open of device .* failed: (.+)$/m.exec(stderr);
  if (open) {
    const status = statusByText(open[1] ?? '');
    // The dll meta-backend answers "Invalid argument" when no backend knows the device name.
    if (status === undefined || status.code === 4 || status.code === 1) return { kind: 'device-not-found', deviceId: context.deviceId };
    return fromStatus(status);
  }

  const setting = /setting of option --(source|mode|resolution|depth) failed/m.exec(stderr);
  if (setting) {
    const name = setting[1] === 'depth' ? 'mode' : (setting[1] as 'source' | 'mode' | 'resolution');
    return { kind: 'unsupported-setting', setting: name, requested: name };
  }

  const text = lastSaneStatusText(stderr);
  const byText = text === undefined ? undefined : statusByText(text);
  if (byText) return fromStatus(byText);

  if (exit.code === null) return { kind: 'unknown', saneStatus: `terminated by ${exit.signal ?? 'signal'}` };
  const byCode = SANE_STATUSES.find((s) => s.code === exit.code);
  // Exit code 1 alone is scanimage's generic failure, not necessarily UNSUPPORTED.
  if (byCode && exit.code !== 1) return fromStatus(byCode);
  return { kind: 'unknown', saneStatus: `exit code ${exit.code}` };
}
