// Test support for the database on real files: temp locations, crash copies, reading the snapshot
// alone and the identity its journal records carry.
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { databaseFiles, journalFiles } from '../SqlJsDatabase';

export const SQL_WASM = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');

export async function tempDatabaseFile(): Promise<string> {
  return path.join(await mkdtemp(path.join(tmpdir(), 'psc-journal-')), 'workstation.sqlite');
}

/** What a kill leaves behind: the files as they are now, copied elsewhere, the writer never closed. */
export async function crashCopy(file: string): Promise<string> {
  const copy = await tempDatabaseFile();
  const targets = databaseFiles(copy);
  await Promise.all(databaseFiles(file).map((f, i) => (existsSync(f) ? copyFile(f, targets[i]!) : undefined)));
  return copy;
}

/** The database identity its journal records carry. */
export async function databaseIdOf(file: string): Promise<string> {
  const text = await readFile(journalFiles(file)[0], 'utf8');
  const id = /"db":"([^"]+)"/.exec(text)?.[1];
  if (!id) throw new Error('no journal record to read the identity from');
  return id;
}

/** The snapshot file alone, read with plain sql.js. */
export async function snapshotOnly(file: string): Promise<{ notes: string[]; applicationId: number }> {
  const SQL = await initSqlJs({ wasmBinary: new Uint8Array(await readFile(SQL_WASM)).buffer });
  const db = new SQL.Database(new Uint8Array(await readFile(file)));
  try {
    const hasLog = db.exec(`SELECT 1 FROM sqlite_master WHERE name = 'log'`).length > 0;
    const notes = hasLog ? (db.exec(`SELECT note FROM log ORDER BY id`)[0]?.values.map((v) => String(v[0])) ?? []) : [];
    return { notes, applicationId: Number(db.exec('PRAGMA application_id')[0]?.values[0]?.[0]) };
  } finally {
    db.close();
  }
}
