import { describe, expect, it } from 'vitest';
import { nodeRunProcess, runToCompletion } from './runProcess';

describe('nodeRunProcess', () => {
  it('reports a program that does not exist as a spawn failure, not an exit', async () => {
    const result = await runToCompletion(nodeRunProcess, '/nonexistent/scanimage', ['-L'], process.env);
    expect(result.exit).toEqual({ kind: 'spawn-failed', errno: 'ENOENT' });
  });

  it('collects output and the exit code', async () => {
    const result = await runToCompletion(nodeRunProcess, 'sh', ['-c', 'echo out; echo err >&2; exit 7'], process.env);
    expect(result).toEqual({ exit: { kind: 'exited', code: 7, signal: null }, stdout: 'out\n', stderr: 'err\n' });
  });

  it('kills on request and reports the signal', async () => {
    const child = nodeRunProcess('sleep', ['10'], { env: process.env });
    child.kill('SIGTERM');
    expect(await child.exit).toEqual({ kind: 'exited', code: null, signal: 'SIGTERM' });
    // Killing an exited process is a no-op, not an error.
    child.kill('SIGKILL');
  });
});
