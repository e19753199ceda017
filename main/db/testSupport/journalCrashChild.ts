// Test support: a process that writes to a database as fast as it can until it is killed, printing
// `ack <id>` once each write has resolved (is durable). Bundled and run by SqlJsDatabase.journal.test.ts.
// Each transaction inserts log row <id> and bumps the counter, so a half-applied one would show.
import { SqlJsDatabase } from '../SqlJsDatabase';
import { KV_MIGRATIONS } from './kvSchema';

const [file, wasmPath] = process.argv.slice(2);
if (!file || !wasmPath) throw new Error('usage: journalCrashChild <file> <wasmPath>');
// Tiny thresholds: kills land during checkpoints too, not only between appends.
const db = await SqlJsDatabase.open({ file, wasmPath, migrations: KV_MIGRATIONS, journal: { checkpointBytes: 2_000, checkpointSnapshotFraction: 0, idleCheckpointBytes: 1, idleSnapshotFraction: 0, idleMs: 5 } });
let next = Number(db.read((r) => r.get(`SELECT COALESCE(MAX(id), 0) + 1 AS n FROM log`))?.n);
process.stdout.write(`ready ${next}\n`);
for (;;) {
  const ids = Array.from({ length: 1 + (next % 4) }, (_, i) => next + i);
  next += ids.length;
  await Promise.all(
    ids.map((id) =>
      db
        .write((w) => {
          w.run(`INSERT INTO log(id, note) VALUES (?, ?)`, [id, `entry ${id} `.repeat(1 + (id % 20))]);
          w.run(`UPDATE counter SET n = n + 1`);
        })
        .then(() => process.stdout.write(`ack ${id}\n`)),
    ),
  );
}
