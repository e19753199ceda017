// The database's identity: a random id written into the snapshot when the database is created
// (or, for a database from before identities, at its first open) and into every journal record, so
// a journal replays only onto its own snapshot. Kept outside the journal and the migrations: it is
// part of what a snapshot is, like the sequence number in its header.
import { randomUUID } from 'node:crypto';
import type { Database } from 'sql.js';

const TABLE = 'database_identity';

export function readDatabaseIdentity(db: Database): string | null {
  const exists = db.exec(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '${TABLE}'`).length > 0;
  if (!exists) return null;
  const value = db.exec(`SELECT id FROM ${TABLE} LIMIT 1`)[0]?.values[0]?.[0];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Creates the identity of a database that has none (outside any transaction the journal records). */
export function createDatabaseIdentity(db: Database): string {
  const id = randomUUID();
  db.run(`CREATE TABLE IF NOT EXISTS ${TABLE} (id TEXT NOT NULL)`);
  db.run(`DELETE FROM ${TABLE}`);
  db.run(`INSERT INTO ${TABLE}(id) VALUES (?)`, [id]);
  return id;
}
