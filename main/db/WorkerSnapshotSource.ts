import { Worker } from 'node:worker_threads';
import type { SnapshotSource } from './snapshotSource';
import type { SnapshotWorkerData, SnapshotWorkerReply, SnapshotWorkerRequest } from './snapshotWorkerProtocol';

/**
 * Checkpoint snapshots from a replica in a worker thread (snapshotWorker.ts). The replica starts
 * from the snapshot bytes the database opened with and applies each committed transaction as it is
 * handed over; an export request queues behind the transactions before it, so it captures exactly
 * the state asked for. Costs a second copy of the database in memory and a second replay of every
 * transaction, on another core; buys an event loop that never stalls for a checkpoint.
 */
export class WorkerSnapshotSource implements SnapshotSource {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  private broken: Error | null = null;
  private closed = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: SnapshotWorkerReply) => this.received(message));
    worker.on('error', (error) => this.breakWith(error));
    worker.on('exit', (code) => {
      if (!this.closed) this.breakWith(new Error(`checkpoint worker exited (${code})`));
    });
    // The worker must not keep a process alive that has nothing else to do (tests, CLIs).
    worker.unref();
  }

  /** Starts the worker and loads the replica from `snapshot` (the database as of transaction `seq`). */
  static async start(workerUrl: URL, wasmPath: string, snapshot: Uint8Array | null, seq: number): Promise<WorkerSnapshotSource> {
    const worker = new Worker(workerUrl, { workerData: { wasmPath } satisfies SnapshotWorkerData });
    let stopListening = () => undefined as void;
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: SnapshotWorkerReply) => {
        if (message.kind === 'ready') resolve();
        else if (message.kind === 'failed') reject(new Error(`checkpoint worker: ${message.message}`));
      };
      const onExit = (code: number) => reject(new Error(`checkpoint worker exited (${code}) before it was ready`));
      worker.on('message', onMessage);
      worker.on('error', reject);
      worker.on('exit', onExit);
      stopListening = () => {
        worker.off('message', onMessage);
        worker.off('error', reject);
        worker.off('exit', onExit);
      };
    });
    const copy = snapshot ? snapshot.slice() : null;
    worker.postMessage({ kind: 'init', snapshot: copy, seq } satisfies SnapshotWorkerRequest, copy ? [copy.buffer] : []);
    try {
      await ready;
    } catch (error) {
      await worker.terminate();
      throw error;
    } finally {
      stopListening();
    }
    return new WorkerSnapshotSource(worker);
  }

  applied(seq: number, json: string): void {
    if (!this.broken && !this.closed) this.worker.postMessage({ kind: 'apply', seq, json } satisfies SnapshotWorkerRequest);
  }

  vacuumed(): void {
    if (!this.broken && !this.closed) this.worker.postMessage({ kind: 'vacuum' } satisfies SnapshotWorkerRequest);
  }

  exportAt(seq: number): Promise<Uint8Array> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.closed) return Promise.reject(new Error('checkpoint worker is closed'));
    const id = this.nextId++;
    const answer = new Promise<Uint8Array>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // While an export is awaited the worker must keep the process alive until it answers.
    this.worker.ref();
    this.worker.postMessage({ kind: 'export', id, seq } satisfies SnapshotWorkerRequest);
    return answer.finally(() => {
      if (this.waiting.size === 0) this.worker.unref();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.breakWith(new Error('checkpoint worker is closed'));
    await this.worker.terminate();
  }

  private received(message: SnapshotWorkerReply): void {
    if (message.kind === 'exported') {
      this.waiting.get(message.id)?.resolve(message.bytes);
      this.waiting.delete(message.id);
    } else if (message.kind === 'failed') {
      const error = new Error(`checkpoint worker: ${message.message}`);
      if (message.id !== null) {
        this.waiting.get(message.id)?.reject(error);
        this.waiting.delete(message.id);
      }
      // The replica no longer follows the database: no later snapshot from it can be trusted.
      this.breakWith(error);
    }
  }

  private breakWith(error: Error): void {
    this.broken ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.broken);
    this.waiting.clear();
  }
}
