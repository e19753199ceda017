import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exitStatusOf } from './launcherExit.mjs';

describe('exitStatusOf', () => {
  it('passes exit codes through and turns a signal into 128 + n, never 0', () => {
    expect(exitStatusOf(0, null)).toBe(0);
    expect(exitStatusOf(3, null)).toBe(3);
    expect(exitStatusOf(null, 'SIGKILL')).toBe(137);
    expect(exitStatusOf(null, 'SIGSEGV')).toBe(139);
    expect(exitStatusOf(null, 'SIGTERM')).toBe(143);
  });

  it('matches what a real child killed by a signal reports', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    const ended = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
    child.kill('SIGKILL');
    const [code, signal] = await ended;
    expect(exitStatusOf(code, signal)).toBe(137);
  });
});
