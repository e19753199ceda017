import { Worker } from 'node:worker_threads';
import type { WorkerEnvelope } from './workerProtocol';

export interface WorkerPoolOptions {
  /** An ES module runnable by `new Worker(url)`. */
  readonly workerUrl: URL;
  readonly size: number;
  readonly workerData: unknown;
}

interface Job<Req, Res> {
  readonly id: number;
  readonly body: Req;
  readonly transfer: ArrayBuffer[];
  readonly resolve: (value: Res) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A fixed number of worker threads, one job each at a time, the rest queued in order. Workers start
 * on first use and are re-created when one dies, so one crashing job fails alone (its promise
 * rejects) and later jobs still run. Idle workers are unref'd: they never keep the process alive,
 * busy ones do.
 */
export class WorkerPool<Req, Res> {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job<Req, Res>>();
  private readonly queue: Job<Req, Res>[] = [];
  private starting = 0;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new Error(`pool size must be a positive integer, got ${options.size}`);
  }

  /** Runs one job; `transfer` buffers are moved to the worker (unusable here afterwards). */
  run(body: Req, transfer: ArrayBuffer[] = []): Promise<Res> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise<Res>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, body, transfer, resolve, reject });
      this.dispatch();
    });
  }

  /** Terminates every worker; queued and running jobs reject. */
  async close(): Promise<void> {
    this.closed = true;
    const failure = new Error('worker pool is closed');
    for (const job of this.queue.splice(0)) job.reject(failure);
    for (const job of this.busy.values()) job.reject(failure);
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    this.busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop();
      if (!worker) break;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.ref();
      worker.postMessage({ id: job.id, body: job.body } satisfies WorkerEnvelope<Req>, job.transfer);
    }
    const missing = Math.min(this.queue.length, this.options.size - this.idle.length - this.busy.size - this.starting);
    for (let i = 0; i < missing; i++) this.spawn();
  }

  private spawn(): void {
    let worker: Worker;
    try {
      worker = new Worker(this.options.workerUrl, { workerData: this.options.workerData });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      for (const queued of this.queue.splice(0)) queued.reject(new Error(`image worker could not start: ${message}`));
      return;
    }
    this.starting++;
    worker.once('online', () => {
      this.starting--;
      if (this.closed) return void worker.terminate();
      this.idle.push(worker);
      worker.unref();
      this.dispatch();
    });
    worker.on('message', (envelope: WorkerEnvelope<Res>) => {
      const job = this.busy.get(worker);
      if (!job || job.id !== envelope.id) return;
      this.busy.delete(worker);
      this.idle.push(worker);
      worker.unref();
      job.resolve(envelope.body);
      this.dispatch();
    });
    let failure: Error | null = null;
    worker.on('error', (error) => {
      failure = error;
    });
    worker.once('exit', (code) => {
      const online = this.idle.includes(worker) || this.busy.has(worker);
      if (!online) this.starting = Math.max(0, this.starting - 1);
      const index = this.idle.indexOf(worker);
      if (index >= 0) this.idle.splice(index, 1);
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      if (this.closed) return;
      const reason = failure ?? new Error(`image worker exited with code ${code}`);
      if (job) job.reject(new Error(`image worker failed: ${reason.message}`));
      else if (!online) {
        // Dying before it ever came online means it cannot start at all: fail the queue rather
        // than respawning forever. (A missing ES module fails after 'online', failing its job.)
        for (const queued of this.queue.splice(0)) queued.reject(new Error(`image worker could not start: ${reason.message}`));
      }
      this.dispatch();
    });
  }
}
