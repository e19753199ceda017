// Test support: a small schema for exercising SqlJsDatabase's durability without the app's tables.
import type { Migration } from '../migrations';
import type { ReadableDb } from '../SqlJsDatabase';

export const KV_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'kv',
    up(db) {
      db.run(`CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER NOT NULL, b BLOB)`);
      db.run(`CREATE TABLE log (id INTEGER PRIMARY KEY, note TEXT NOT NULL)`);
    },
  },
  {
    version: 2,
    name: 'counter',
    up(db) {
      db.run(`CREATE TABLE counter (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)`);
      db.run(`INSERT INTO counter(id, n) VALUES (1, 0)`);
    },
  },
];

/** The whole user-visible state, comparable as a string. */
export function dumpKv(db: ReadableDb): string {
  return JSON.stringify([
    db.all(`SELECT k, v, hex(b) AS b FROM kv ORDER BY k`),
    db.all(`SELECT id, note FROM log ORDER BY id`),
    db.all(`SELECT n FROM counter`),
  ]);
}
