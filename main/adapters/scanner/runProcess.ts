import { spawn } from 'node:child_process';

export type ProcessExit =
  | { readonly kind: 'exited'; readonly code: number | null; readonly signal: NodeJS.Signals | null }
  /** The program could not be started; `errno` is e.g. `ENOENT` (not installed) or `EACCES`. */
  | { readonly kind: 'spawn-failed'; readonly errno: string };

export interface RunProcessOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Called with UTF-8 text as it arrives (chunks, not lines). */
  readonly onStdout?: (chunk: string) => void;
  readonly onStderr?: (chunk: string) => void;
}

export interface RunningProcess {
  /** Resolves once the process has exited and both output streams are drained; never rejects. */
  readonly exit: Promise<ProcessExit>;
  kill(signal: 'SIGTERM' | 'SIGKILL'): void;
}

/** Starts a program without a shell. Injected into the SANE adapter so its parsing is testable with a fake. */
export type RunProcess = (command: string, args: readonly string[], options: RunProcessOptions) => RunningProcess;

export const nodeRunProcess: RunProcess = (command, args, options) => {
  const child = spawn(command, [...args], { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => options.onStdout?.(chunk));
  child.stderr.on('data', (chunk: string) => options.onStderr?.(chunk));
  const exit = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      // 'error' without a pid means the spawn itself failed; later errors (kill failures) are not exits.
      if (child.pid === undefined) resolve({ kind: 'spawn-failed', errno: error.code ?? 'UNKNOWN' });
    });
    child.once('close', (code, signal) => resolve({ kind: 'exited', code, signal }));
  });
  return {
    exit,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
};

/** Runs a program to completion and collects its output (for the short `-L` / `-A` queries). */
export async function runToCompletion(
  run: RunProcess,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ exit: ProcessExit; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const child = run(command, args, { env, onStdout: (c) => (stdout += c), onStderr: (c) => (stderr += c) });
  const exit = await child.exit;
  return { exit, stdout, stderr };
}
