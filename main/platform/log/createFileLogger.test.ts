import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from './createFileLogger';

describe('createFileLogger', () => {
  it('writes scrubbed JSON lines to the file and keeps the last lines and problems in memory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-log-'));
    const log = await createFileLogger({ dir, level: 'info', base: { host: 'browser' } });
    log.logger.info('host.started', { backendMode: 'embedded' });
    log.logger.debug('not.written');
    log.logger.child({ area: 'printing' }).warn('print.failed', { kind: 'printer-stopped', iin: '850101399014' });
    log.logger.error('unexpected', { err: new Error('boom 850101399014') });
    await log.close();

    const files = await readdir(dir);
    expect(files).toEqual(['workstation.1.log']);
    const lines = (await readFile(path.join(dir, files[0]!), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.event)).toEqual(['host.started', 'print.failed', 'unexpected']);
    expect(lines[0]).toMatchObject({ level: 'info', host: 'browser', backendMode: 'embedded' });
    expect(lines[1]).toMatchObject({ level: 'warn', area: 'printing', kind: 'printer-stopped', iin: '[redacted]' });
    expect(JSON.stringify(lines)).not.toContain('850101399014');
    expect(log.recent.recentProblems(10).map((l) => l.event)).toEqual(['print.failed', 'unexpected']);
    expect(log.recent.lastLines(2).map((l) => l.event)).toEqual(['print.failed', 'unexpected']);
  });

  it('rotates at the size cap and keeps a bounded number of files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-log-'));
    const log = await createFileLogger({ dir, maxFileBytes: 1024, maxFiles: 2 });
    for (let i = 0; i < 200; i++) {
      log.logger.info('filler', { i, text: 'y'.repeat(100) });
      if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await log.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const files = (await readdir(dir)).filter((f) => f.endsWith('.log'));
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(3);
  });
});
