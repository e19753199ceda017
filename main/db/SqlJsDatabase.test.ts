import { mkdtemp, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SqlJsDatabase } from './SqlJsDatabase';
import { MIGRATIONS } from './migrations';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');

async function tempFile() {
  const dir = await mkdtemp(path.join(tmpdir(), 'psc-db-'));
  return { dir, file: path.join(dir, 'workstation.sqlite') };
}

describe('SqlJsDatabase', () => {
  it('migrates a new database to the latest version', async () => {
    const db = await SqlJsDatabase.open({ file: null, wasmPath, migrations: MIGRATIONS });
    expect(db.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    const tables = db.read((r) => r.all(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)).map((t) => t.name);
    expect(tables).toEqual(['application_results', 'application_status', 'applications', 'audit_log', 'documents', 'draft_pages', 'draft_slots', 'drafts', 'hand_overs', 'journal_step_marks', 'journal_visits', 'local_number_sequence', 'login_lockouts', 'operator_verifiers', 'outbox', 'questionnaire_answers', 'registry_snapshots', 'representative_snapshots', 'settings']);
  });

  it('has the commit on disk when write resolves, and reopens with it', async () => {
    const { file } = await tempFile();
    const db = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    await db.write((w) => w.run(`INSERT INTO settings(key, value) VALUES (?, ?)`, ['language', 'ru']));
    // Reopen a second instance from the file without closing the first: simulates a crash right after the ack.
    const reopened = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    expect(reopened.read((r) => r.get(`SELECT value FROM settings WHERE key = ?`, ['language']))).toEqual({ value: 'ru' });
  });

  it('rolls back a failed write and keeps the previous state', async () => {
    const db = await SqlJsDatabase.open({ file: null, wasmPath, migrations: MIGRATIONS });
    await db.write((w) => w.run(`INSERT INTO settings(key, value) VALUES ('a', '1')`));
    await expect(
      db.write((w) => {
        w.run(`INSERT INTO settings(key, value) VALUES ('b', '2')`);
        w.run(`INSERT INTO settings(key, value) VALUES ('a', 'duplicate')`);
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(db.read((r) => r.all(`SELECT key, value FROM settings ORDER BY key`))).toEqual([{ key: 'a', value: '1' }]);
  });

  it('saves concurrent writes durably without leaving temp files', async () => {
    const { dir, file } = await tempFile();
    const db = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => db.write((w) => w.run(`INSERT INTO settings(key, value) VALUES (?, ?)`, [`k${i}`, String(i)]))),
    );
    const reopened = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    expect(reopened.read((r) => r.get(`SELECT COUNT(*) AS n FROM settings`))).toEqual({ n: 25 });
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(file)).toBe(true);
  });

  it('refuses an asynchronous write body, which would hold a transaction open across an await', async () => {
    const db = await SqlJsDatabase.open({ file: null, wasmPath, migrations: MIGRATIONS });
    await expect(db.write(async () => undefined)).rejects.toThrow(/synchronous/);
    expect(db.read((r) => r.get(`SELECT COUNT(*) AS n FROM settings`))).toEqual({ n: 0 });
  });
});
