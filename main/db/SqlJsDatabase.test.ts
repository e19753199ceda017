import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { journalFiles, SqlJsDatabase } from './SqlJsDatabase';
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

  it('compacts: deleted text is in neither the snapshot nor the journal, rows and rowids unchanged, reopens the same', async () => {
    const { file } = await tempFile();
    const db = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    const secret = 'DELETED-MARKER-7f3a';
    await db.write((w) => {
      for (let i = 0; i < 200; i++) w.run(`INSERT INTO settings(key, value) VALUES (?, ?)`, [`k${i}`, i % 7 === 0 ? `${secret}-${'x'.repeat(300)}` : 'y'.repeat(300)]);
    });
    await db.checkpoint();
    await db.write((w) => w.run(`DELETE FROM settings WHERE key IN ('k3', 'k5')`));
    await db.write((w) => w.run(`UPDATE settings SET value = 'gone' WHERE value LIKE ?`, [`${secret}%`]));
    const before = db.read((r) => r.all(`SELECT rowid, key, value FROM settings ORDER BY rowid`));
    const onDisk = async () => Buffer.concat(await Promise.all([file, ...journalFiles(file)].map((f) => readFile(f))));
    expect((await onDisk()).includes(secret)).toBe(true);

    expect(await db.compact()).toMatchObject({ bytes: expect.any(Number) });
    expect((await onDisk()).includes(secret)).toBe(false);
    expect(db.read((r) => r.all(`SELECT rowid, key, value FROM settings ORDER BY rowid`))).toEqual(before);
    await db.close();
    const reopened = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    expect(reopened.read((r) => r.all(`SELECT rowid, key, value FROM settings ORDER BY rowid`))).toEqual(before);
    await reopened.close();
  });
});
