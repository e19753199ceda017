import type { ScanimageListing } from '../../core/contract/diagnostics';
import type { RunProcess } from '../adapters/scanner/runProcess';

export interface ScanimageListOptions {
  readonly run: RunProcess;
  /** `scanimage` on PATH unless configured otherwise (as for SaneScanner). */
  readonly program: string;
  /** Becomes SANE_CONFIG_DIR when set (the tests' test/sane.d). */
  readonly saneConfigDir?: string;
  readonly baseEnv: NodeJS.ProcessEnv;
  /** A wedged USB backend can hang `-L` for minutes; the report must not. */
  readonly timeoutMs: number;
}

/** Output beyond this is cut: a device list is a few lines, anything longer is noise for the helpdesk. */
const MAX_OUTPUT_CHARS = 8_000;

/**
 * The raw `scanimage -L` output (stdout and stderr, as the helpdesk would see it in a terminal), for
 * the diagnostics. Killed after `timeoutMs`; a missing program is reported as such, never thrown.
 */
export async function listScanimage(options: ScanimageListOptions): Promise<ScanimageListing> {
  const env: NodeJS.ProcessEnv = { ...options.baseEnv, LC_ALL: 'C' };
  if (options.saneConfigDir !== undefined) env.SANE_CONFIG_DIR = options.saneConfigDir;
  let output = '';
  const append = (chunk: string) => {
    if (output.length < MAX_OUTPUT_CHARS) output = (output + chunk).slice(0, MAX_OUTPUT_CHARS);
  };
  const child = options.run(options.program, ['-L'], { env, onStdout: append, onStderr: append });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), options.timeoutMs);
  });
  const outcome = await Promise.race([child.exit, timedOut]);
  clearTimeout(timer);
  if (outcome === 'timed-out') {
    child.kill('SIGKILL');
    return { kind: 'timed-out', afterMs: options.timeoutMs, output };
  }
  if (outcome.kind === 'spawn-failed') {
    return outcome.errno === 'ENOENT' ? { kind: 'missing', program: options.program } : { kind: 'ran', exitCode: -1, output: `could not start: ${outcome.errno}` };
  }
  return { kind: 'ran', exitCode: outcome.code ?? -1, output };
}
