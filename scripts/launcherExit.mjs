import { constants } from 'node:os';

/**
 * `npm start`'s exit status for the Electron child's end: its exit code, or for a signal the
 * shell's 128 + n (SIGKILL → 137, SIGSEGV → 139), so a crash or a kill never reads as success.
 */
export function exitStatusOf(code, signal) {
  if (code !== null && code !== undefined) return code;
  const number = signal ? constants.signals[signal] : undefined;
  return 128 + (number ?? 1);
}
