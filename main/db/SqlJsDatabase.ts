import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import { atomicWriteFile } from './atomicWriteFile';
import type { Migration } from './migrations';

export type SqlParams = readonly SqlValue[];
export type Row = Record<string, SqlValue>;

/** Read access; values are always bound as parameters, never spliced into SQL. */
export interface ReadableDb {
  all(sql: string, params?: SqlParams): Row[];
  get(sql: string, params?: SqlParams): Row | undefined;
}

export interface WritableDb extends ReadableDb {
  run(sql: string, params?: SqlParams): void;
}

export interface DatabaseOptions {
  /** Database file; null keeps it in memory (tests). */
  readonly file: string | null;
  readonly wasmPath: string;
  readonly migrations: readonly Migration[];
}

/**
 * sql.js owned by main. Every `write` runs its (synchronous) body in one transaction, commits,
 * then exports the database and writes it atomically; the returned promise resolves only once
 * that commit is on disk, so an operator action is acknowledged only when it is durable.
 * Concurrent writes share saves: a save in flight is awaited and one export covers every commit
 * made meanwhile. `export()` is never called inside a transaction: write bodies are synchronous,
 * so no transaction is open at any await point.
 */
export class SqlJsDatabase {
  private commitSeq = 0;
  private savedSeq = 0;
  private saving: Promise<void> | null = null;
  private closed = false;

  private constructor(
    private readonly db: Database,
    private readonly file: string | null,
  ) {}

  static async open(options: DatabaseOptions): Promise<SqlJsDatabase> {
    const SQL = await initSqlJs({ wasmBinary: new Uint8Array(await readFile(options.wasmPath)).buffer });
    const bytes = options.file && existsSync(options.file) ? new Uint8Array(await readFile(options.file)) : undefined;
    const db = new SQL.Database(bytes);
    db.run('PRAGMA foreign_keys = ON');
    const database = new SqlJsDatabase(db, options.file);
    await database.migrate(options.migrations);
    return database;
  }

  get schemaVersion(): number {
    return Number(this.db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
  }

  read<T>(body: (db: ReadableDb) => T): T {
    this.assertOpen();
    return body(this.accessor());
  }

  async write<T>(body: (db: WritableDb) => T): Promise<T> {
    this.assertOpen();
    this.db.run('BEGIN IMMEDIATE');
    let result: T;
    try {
      result = body(this.accessor());
      if (result instanceof Promise) throw new Error('SqlJsDatabase.write body must be synchronous');
      this.db.run('COMMIT');
    } catch (error) {
      this.db.run('ROLLBACK');
      throw error;
    }
    await this.flushThrough(++this.commitSeq);
    return result;
  }

  /** Size of the exported database in bytes (diagnostics, benchmarks). */
  exportSize(): number {
    return this.db.export().byteLength;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flushThrough(this.commitSeq);
    this.closed = true;
    this.db.close();
  }

  private async migrate(migrations: readonly Migration[]): Promise<void> {
    const ordered = [...migrations].sort((a, b) => a.version - b.version);
    for (const migration of ordered) {
      if (migration.version <= this.schemaVersion) continue;
      await this.write((db) => {
        migration.up(db);
        db.run(`PRAGMA user_version = ${Number(migration.version)}`);
      });
    }
  }

  private async flushThrough(seq: number): Promise<void> {
    if (this.file === null) {
      this.savedSeq = Math.max(this.savedSeq, seq);
      return;
    }
    while (this.savedSeq < seq) {
      if (this.saving) {
        await this.saving;
        continue;
      }
      const target = this.commitSeq;
      const bytes = this.db.export();
      const file = this.file;
      this.saving = atomicWriteFile(file, bytes)
        .then(() => {
          this.savedSeq = target;
        })
        .finally(() => {
          this.saving = null;
        });
      await this.saving;
    }
  }

  private accessor(): WritableDb {
    const db = this.db;
    const all = (sql: string, params: SqlParams = []): Row[] => {
      const statement = db.prepare(sql);
      try {
        statement.bind([...params]);
        const rows: Row[] = [];
        while (statement.step()) rows.push(statement.getAsObject() as Row);
        return rows;
      } finally {
        statement.free();
      }
    };
    return {
      all,
      get: (sql, params) => all(sql, params)[0],
      run: (sql, params = []) => db.run(sql, [...params]),
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('database is closed');
  }
}
