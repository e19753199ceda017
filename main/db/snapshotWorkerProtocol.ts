// Messages between SqlJsDatabase (WorkerSnapshotSource) and its checkpoint worker (snapshotWorker.ts).

export interface SnapshotWorkerData {
  /** sql.js's wasm file. */
  readonly wasmPath: string;
}

export type SnapshotWorkerRequest =
  /** Load the replica from these snapshot bytes (the state as of `seq`). */
  | { readonly kind: 'init'; readonly snapshot: Uint8Array | null; readonly seq: number }
  | { readonly kind: 'apply'; readonly seq: number; readonly json: string }
  | { readonly kind: 'vacuum' }
  | { readonly kind: 'export'; readonly id: number; readonly seq: number };

export type SnapshotWorkerReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'exported'; readonly id: number; readonly bytes: Uint8Array }
  /** The replica cannot follow (a transaction did not replay): every later export fails with this. */
  | { readonly kind: 'failed'; readonly id: number | null; readonly message: string };
