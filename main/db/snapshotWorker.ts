// Entry of the checkpoint worker thread (see snapshotSource.ts): a replica of the workstation's
// database that applies every committed transaction in order and exports snapshots off the main
// thread. Must be bundled to ESM for the app (out/db/snapshotWorker.mjs, scripts/build.mjs); under
// Vitest the tests bundle it with esbuild, as they do the image worker.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import initSqlJs, { type Database } from 'sql.js';
import { applyTransaction, setSnapshotSeq } from './journalReplay';
import type { EncodedTransaction } from './journalRecord';
import type { SnapshotWorkerData, SnapshotWorkerReply, SnapshotWorkerRequest } from './snapshotWorkerProtocol';

const port = parentPort;
if (!port) throw new Error('snapshotWorker must run in a worker thread');
const { wasmPath } = workerData as SnapshotWorkerData;

let db: Database | null = null;
let seq = 0;
let broken: string | null = null;
// Messages are handled strictly in arrival order: `init` is asynchronous (loading the wasm), so
// everything that arrives meanwhile waits in this chain rather than running against no database.
let chain: Promise<void> = Promise.resolve();

const reply = (message: SnapshotWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (request: SnapshotWorkerRequest) => {
  chain = chain.then(() => handle(request)).catch((error: unknown) => {
    broken ??= error instanceof Error ? error.message : String(error);
    reply({ kind: 'failed', id: request.kind === 'export' ? request.id : null, message: broken });
  });
});

async function handle(request: SnapshotWorkerRequest): Promise<void> {
  switch (request.kind) {
    case 'init': {
      const SQL = await initSqlJs({ wasmBinary: new Uint8Array(await readFile(wasmPath)).buffer });
      db = new SQL.Database(request.snapshot ?? undefined);
      // The same connection settings as the live database: cascades and checks must replay alike.
      db.run('PRAGMA foreign_keys = ON');
      seq = request.seq;
      reply({ kind: 'ready' });
      return;
    }
    case 'apply': {
      if (broken || !db) return;
      if (request.seq !== seq + 1) throw new Error(`replica expected transaction ${seq + 1}, got ${request.seq}`);
      applyTransaction(db, request.seq, JSON.parse(request.json) as EncodedTransaction);
      seq = request.seq;
      return;
    }
    case 'vacuum': {
      if (broken || !db) return;
      db.run('VACUUM');
      return;
    }
    case 'export': {
      if (broken) throw new Error(broken);
      if (!db) throw new Error('replica not initialised');
      if (request.seq !== seq) throw new Error(`replica is at transaction ${seq}, asked for ${request.seq}`);
      setSnapshotSeq(db, seq);
      const bytes = db.export();
      reply({ kind: 'exported', id: request.id, bytes }, [bytes.buffer as ArrayBuffer]);
      return;
    }
  }
}
