/**
 * Property: whatever the sequence of writes (single, concurrent bursts, failing bodies), explicit
 * and background checkpoints, and wherever the power is cut — mid-append, between append and
 * fsync, mid-checkpoint, between the snapshot's rename and the journal's truncation, during the
 * open that recovers — the database reopens to exactly the state after some prefix of the commits
 * that contains every acknowledged one, and keeps working from there.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/random/seededRandom';
import { SqlJsDatabase, type JournalPolicy, type WritableDb } from './SqlJsDatabase';
import { CrashableStorage } from './testSupport/CrashableStorage';
import { dumpKv, KV_MIGRATIONS } from './testSupport/kvSchema';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
const FILE = '/virtual/workstation.sqlite';

type Statement =
  | { readonly kind: 'put'; readonly k: string; readonly v: number }
  | { readonly kind: 'add'; readonly k: string; readonly d: number }
  | { readonly kind: 'del'; readonly k: string }
  | { readonly kind: 'blob'; readonly k: string; readonly bytes: Uint8Array }
  | { readonly kind: 'log'; readonly note: string }
  | { readonly kind: 'count' };

type Op =
  | { readonly kind: 'write'; readonly tx: readonly Statement[]; readonly fail: boolean }
  | { readonly kind: 'burst'; readonly txs: readonly (readonly Statement[])[] }
  | { readonly kind: 'checkpoint'; readonly await: boolean }
  | { readonly kind: 'pause'; readonly ms: number };

const key = fc.constantFrom('a', 'b', 'c', 'd');
const statement: fc.Arbitrary<Statement> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), k: key, v: fc.integer({ min: -1000, max: 1000 }) }),
  fc.record({ kind: fc.constant('add' as const), k: key, d: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant('del' as const), k: key }),
  fc.record({ kind: fc.constant('blob' as const), k: key, bytes: fc.uint8Array({ maxLength: 300 }) }),
  fc.record({ kind: fc.constant('log' as const), note: fc.string({ maxLength: 120 }) }),
  fc.constant({ kind: 'count' as const }),
);
const tx = fc.array(statement, { minLength: 1, maxLength: 4 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('write' as const), tx, fail: fc.integer({ min: 0, max: 9 }).map((n) => n < 2) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('burst' as const), txs: fc.array(tx, { minLength: 2, maxLength: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('checkpoint' as const), await: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 8 }) }) },
);

function apply(w: WritableDb, statements: readonly Statement[]): void {
  for (const s of statements) {
    switch (s.kind) {
      case 'put':
        w.run(`INSERT INTO kv(k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v`, [s.k, s.v]);
        break;
      case 'add':
        // Not idempotent: replaying a transaction the snapshot already holds would show.
        w.run(`UPDATE kv SET v = v + ? WHERE k = ?`, [s.d, s.k]);
        break;
      case 'del':
        w.run(`DELETE FROM kv WHERE k = ?`, [s.k]);
        break;
      case 'blob':
        w.run(`INSERT INTO kv(k, v, b) VALUES (?, 0, ?) ON CONFLICT(k) DO UPDATE SET b = excluded.b`, [s.k, s.bytes]);
        break;
      case 'log':
        w.run(`INSERT INTO log(note) VALUES (?)`, [s.note]);
        break;
      case 'count':
        w.run(`UPDATE counter SET n = n + 1`);
        break;
    }
  }
}

/** Resolves with the value, or with `crashed` once the machine is down (nothing completes after that). */
function untilCrash<T>(storage: CrashableStorage, promise: Promise<T>): Promise<T | 'crashed'> {
  return Promise.race([promise, storage.whenCrashed().then(() => 'crashed' as const)]);
}

async function scenario(ops: readonly Op[], crashAtStep: number | null, seed: number, policy: JournalPolicy): Promise<void> {
  const storage = new CrashableStorage(new Map(), { crashAtStep, random: seededRandom(seed) });
  const reference = await SqlJsDatabase.open({ file: null, wasmPath, migrations: KV_MIGRATIONS });
  const states = [reference.read(dumpKv)];
  let acknowledged = 0;
  const acknowledge = (index: number) => {
    acknowledged = Math.max(acknowledged, index);
  };
  const background: unknown[] = [];

  const opened = await untilCrash(storage, SqlJsDatabase.open({ file: FILE, wasmPath, migrations: KV_MIGRATIONS, storage, journal: policy, onBackgroundError: (e) => background.push(e) }));
  if (opened !== 'crashed') {
    const db = opened;
    for (const o of ops) {
      if (storage.crashed) break;
      if (o.kind === 'write' || o.kind === 'burst') {
        const txs = o.kind === 'write' ? [o.tx] : o.txs;
        const fail = o.kind === 'write' && o.fail;
        const pending = txs.map((t) => {
          const write = db.write((w) => {
            apply(w, t);
            if (fail) throw new Error('body failed');
          });
          // The body ran and committed synchronously inside write(): mirror it in commit order.
          if (fail) return write.then(() => expect.fail('a failing body was acknowledged'), () => undefined);
          void reference.write((w) => apply(w, t));
          states.push(reference.read(dumpKv));
          const index = states.length - 1;
          return write.then(() => acknowledge(index));
        });
        await untilCrash(storage, Promise.all(pending));
      } else if (o.kind === 'checkpoint') {
        const run = db.checkpoint().catch(() => undefined);
        if (o.await) await untilCrash(storage, run);
      } else {
        await untilCrash(storage, new Promise((resolve) => setTimeout(resolve, o.ms)));
      }
    }
  }
  // Pull the plug now if the chosen step was never reached.
  storage.crash();
  expect(background).toEqual([]);

  const recovered = new CrashableStorage(storage.image());
  const db = await SqlJsDatabase.open({ file: FILE, wasmPath, migrations: KV_MIGRATIONS, storage: recovered, journal: policy });
  const state = db.read(dumpKv);
  if (process.env.DB_PROPERTY_STATS) console.warn('STATS', JSON.stringify({ open: opened === 'crashed' ? 'crashed' : 'ok', steps: storage.stepCount, crashAtStep, acked: acknowledged, commits: states.length - 1, ...db.recovery, tornTails: db.recovery?.tornTails.length }));
  const matches = states.map((s, i) => (s === state ? i : -1)).filter((i) => i >= 0);
  expect(matches.length, `recovered state is not the state after any prefix of the commits: ${state}`).toBeGreaterThan(0);
  expect(Math.max(...matches), `an acknowledged commit (#${acknowledged}) was lost`).toBeGreaterThanOrEqual(acknowledged);

  // The recovered database keeps working: one more write, a clean close, and it is all there.
  await db.write((w) => apply(w, [{ kind: 'log', note: 'after recovery' }, { kind: 'count' }]));
  const expected = db.read(dumpKv);
  await db.close();
  const again = await SqlJsDatabase.open({ file: FILE, wasmPath, migrations: KV_MIGRATIONS, storage: new CrashableStorage(recovered.image()) });
  expect(again.read(dumpKv)).toBe(expected);
  expect(again.recovery).toMatchObject({ replayedTransactions: 0, tornTails: [] });
  await again.close();
  await reference.close();
}

const policies: fc.Arbitrary<JournalPolicy> = fc.record({
  checkpointBytes: fc.constantFrom(1, 600, 3_000, 1 << 30),
  checkpointSnapshotFraction: fc.constantFrom(0, 0.25),
  idleCheckpointBytes: fc.constantFrom(0, 1 << 30),
  idleSnapshotFraction: fc.constantFrom(0, 0.05),
  idleMs: fc.constantFrom(1, 3, 1_000),
  retryAfterFailureMs: fc.constant(0),
});

describe('SqlJsDatabase crash property', () => {
  it('reopens to exactly a prefix of the commits containing every acknowledged one, wherever the power is cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 25 }),
        fc.option(fc.integer({ min: 1, max: 300 }), { nil: null, freq: 8 }),
        fc.integer(),
        policies,
        (ops, crashAtStep, seed, policy) => scenario(ops, crashAtStep, seed, policy),
      ),
      { numRuns: Number(process.env.DB_PROPERTY_RUNS ?? 150) },
    );
  }, 120_000);
});
