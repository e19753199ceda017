import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool } from './WorkerPool';

type Job = { op: 'echo'; value: number; delayMs: number } | { op: 'exit' } | { op: 'throw' };

// A stand-in worker speaking the pool's envelope protocol; it counts jobs in flight across all
// workers in a shared buffer so the test can see the pool's limit.
const WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
const counters = new Int32Array(workerData.shared); // [inFlight, maxInFlight]
parentPort.on('message', ({ id, body }) => {
  if (body.op === 'exit') process.exit(3);
  if (body.op === 'throw') setTimeout(() => { throw new Error('boom in worker'); });
  if (body.op !== 'echo') return;
  const now = Atomics.add(counters, 0, 1) + 1;
  for (let seen = Atomics.load(counters, 1); now > seen; seen = Atomics.load(counters, 1)) Atomics.compareExchange(counters, 1, seen, now);
  setTimeout(() => { Atomics.sub(counters, 0, 1); parentPort.postMessage({ id, body: body.value * 2 }); }, body.delayMs);
});
`;

let dir: string;
let workerUrl: URL;
let pool: WorkerPool<Job, number> | null = null;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'psc-pool-'));
  const file = path.join(dir, 'echoWorker.mjs');
  await writeFile(file, WORKER);
  workerUrl = pathToFileURL(file);
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  await pool?.close();
  pool = null;
});

function createPool(size: number) {
  const shared = new SharedArrayBuffer(8);
  pool = new WorkerPool<Job, number>({ workerUrl, size, workerData: { shared } });
  return { pool, counters: new Int32Array(shared) };
}

describe('WorkerPool', () => {
  it('runs every job, never more than `size` at once, answering each call with its own result', async () => {
    const { pool, counters } = createPool(2);
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((value) => pool.run({ op: 'echo', value, delayMs: 20 })));
    expect(results).toEqual([2, 4, 6, 8, 10, 12]);
    // Never more than two at once. Whether both workers were busy together depends on how fast the
    // second one starts on a loaded machine, so that is not asserted.
    expect(counters[1]).toBeGreaterThanOrEqual(1);
    expect(counters[1]).toBeLessThanOrEqual(2);
  });

  it('fails only the job whose worker died, then carries on with a fresh worker', async () => {
    const { pool } = createPool(1);
    const dying = pool.run({ op: 'exit' });
    const next = pool.run({ op: 'echo', value: 21, delayMs: 0 });
    await expect(dying).rejects.toThrow(/image worker failed: image worker exited with code 3/);
    await expect(next).resolves.toBe(42);
  });

  it('turns an uncaught exception in a worker into a rejection of that job', async () => {
    const { pool } = createPool(1);
    await expect(pool.run({ op: 'throw' })).rejects.toThrow(/boom in worker/);
    await expect(pool.run({ op: 'echo', value: 1, delayMs: 0 })).resolves.toBe(2);
  });

  it('rejects each job, without hanging, when the worker module cannot be loaded', async () => {
    pool = new WorkerPool<Job, number>({ workerUrl: new URL('./missing-worker.mjs', workerUrl), size: 2, workerData: {} });
    // Handlers attach at once: the jobs may reject in any order, and a rejection nobody is
    // awaiting yet would surface as an unhandled rejection.
    const jobs = [1, 2, 3].map((value) =>
      expect(pool!.run({ op: 'echo', value, delayMs: 0 })).rejects.toThrow(/image worker (failed|could not start): Cannot find module/),
    );
    await Promise.all(jobs);
  });

  it('rejects running, queued and later jobs once closed', async () => {
    const { pool } = createPool(1);
    const running = expect(pool.run({ op: 'echo', value: 1, delayMs: 200 })).rejects.toThrow(/closed/);
    const queued = expect(pool.run({ op: 'echo', value: 2, delayMs: 0 })).rejects.toThrow(/closed/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pool.close();
    await running;
    await queued;
    await expect(pool.run({ op: 'echo', value: 3, delayMs: 0 })).rejects.toThrow(/closed/);
  });
});
