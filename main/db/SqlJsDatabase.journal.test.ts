/**
 * The write-ahead journal on real files: crash recovery (copying the files of a database that was
 * never closed, and killing a writing process with SIGKILL), torn and damaged records, checkpoints,
 * migrations, group commit, the export guard and disk failures.
 */
import { spawn } from 'node:child_process';
import { readFile, stat, writeFile, appendFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleImageWorker } from '../imaging/testSupport/bundleImageWorker';
import { encodeParams, encodeTransaction, frameRecord } from './journalRecord';
import { MIGRATIONS } from './migrations';
import { databaseFiles, DatabaseDurabilityError, journalFiles, JournalCorruptError, SqlJsDatabase } from './SqlJsDatabase';
import { CrashableStorage } from './testSupport/CrashableStorage';
import { crashCopy, databaseIdOf, snapshotOnly, SQL_WASM, tempDatabaseFile } from './testSupport/databaseFilesOnDisk';
import { dumpKv, KV_MIGRATIONS } from './testSupport/kvSchema';

const wasmPath = SQL_WASM;
/** No background checkpoints unless a test asks: what is on disk stays predictable. */
const QUIET = { checkpointBytes: 1 << 30, idleCheckpointBytes: 1 << 30, idleMs: 60_000 };
const tempFile = tempDatabaseFile;

const open = (file: string, journal: object = QUIET, migrations = KV_MIGRATIONS) => SqlJsDatabase.open({ file, wasmPath, migrations, journal });
const log = (db: SqlJsDatabase, note: string) => db.write((w) => {
  w.run(`INSERT INTO log(note) VALUES (?)`, [note]);
  w.run(`UPDATE counter SET n = n + 1`);
});

describe('SqlJsDatabase journal', () => {
  it('recovers every acknowledged write from the journal after a crash between append and checkpoint', async () => {
    const file = await tempFile();
    const db = await open(file);
    for (const note of ['one', 'two', 'three']) await log(db, note);
    // Acknowledged, yet not in the snapshot: they are only in the journal.
    expect((await snapshotOnly(file)).notes).toEqual([]);
    const copy = await crashCopy(file);

    const reopened = await open(copy);
    expect(reopened.read((r) => r.all(`SELECT note FROM log ORDER BY id`)).map((r) => r.note)).toEqual(['one', 'two', 'three']);
    expect(reopened.read((r) => r.get(`SELECT n FROM counter`))).toEqual({ n: 3 });
    expect(reopened.recovery).toMatchObject({ replayedTransactions: 2 + 3, tornTails: [], checkpointed: true });
    // Opening folded the journal into the snapshot and emptied it.
    expect((await snapshotOnly(copy)).notes).toEqual(['one', 'two', 'three']);
    for (const j of journalFiles(copy)) expect((await stat(j)).size).toBe(0);
    await reopened.close();
    await db.close();
  });

  it('ignores a torn last record (an append cut short before its fsync) and reports it', async () => {
    const file = await tempFile();
    const db = await open(file);
    await log(db, 'kept');
    const copy = await crashCopy(file);
    // Half of the next record reached the disk before the power went.
    const next = frameRecord(await databaseIdOf(copy), 4, [encodeTransaction([[`INSERT INTO log(note) VALUES (?)`, encodeParams(['torn'])]])]);
    await appendFile(journalFiles(copy)[0], next.subarray(0, Math.floor(next.byteLength / 2)));

    const reopened = await open(copy);
    expect(reopened.read((r) => r.all(`SELECT note FROM log`)).map((r) => r.note)).toEqual(['kept']);
    expect(reopened.recovery?.tornTails).toEqual([{ file: journalFiles(copy)[0], offset: expect.any(Number), bytes: Math.floor(next.byteLength / 2), reason: 'incomplete record' }]);
    // A torn append was never acknowledged: nothing to report, nothing quarantined.
    expect(reopened.recovery?.damage).toEqual([]);
    // The torn bytes are gone, so later appends never follow garbage.
    await log(reopened, 'after');
    const again = await open(await crashCopy(copy));
    expect(again.read((r) => r.all(`SELECT note FROM log ORDER BY id`)).map((r) => r.note)).toEqual(['kept', 'after']);
    await Promise.all([db.close(), reopened.close(), again.close()]);
  });

  it('refuses to open when a record before valid ones is damaged, and leaves the files untouched', async () => {
    const file = await tempFile();
    const db = await open(file);
    await log(db, 'first');
    await log(db, 'second');
    const copy = await crashCopy(file);
    const journal = journalFiles(copy)[0];
    const bytes = new Uint8Array(await readFile(journal));
    const damageAt = new TextDecoder().decode(bytes).indexOf('first');
    bytes[damageAt] = 'F'.charCodeAt(0);
    await writeFile(journal, bytes);
    const before = await Promise.all(databaseFiles(copy).map((f) => readFile(f)));

    const opening = open(copy);
    await expect(opening).rejects.toThrow(JournalCorruptError);
    await expect(opening).rejects.toThrow(/checksum mismatch, and a valid record follows/);
    expect(await Promise.all(databaseFiles(copy).map((f) => readFile(f)))).toEqual(before);
    await db.close();
  });

  it('refuses to open when a transaction is missing between others (a lost record is not a crash)', async () => {
    const file = await tempFile();
    const db = await open(file);
    await log(db, 'a');
    await log(db, 'b');
    const copy = await crashCopy(file);
    const journal = journalFiles(copy)[0];
    const text = await readFile(journal, 'utf8');
    const lines = text.split('\n');
    // Records are header + body lines; drop the record holding 'a'.
    const at = lines.findIndex((l) => l.includes('"a"'));
    await writeFile(journal, [...lines.slice(0, at - 1), ...lines.slice(at + 1)].join('\n'));
    await expect(open(copy)).rejects.toThrow(/transaction 3 is missing but 4 follows/);
    await db.close();
  });

  it('checkpoints: the snapshot alone holds every commit, names the last one, and the journal restarts empty', async () => {
    const file = await tempFile();
    const db = await open(file);
    await log(db, 'one');
    await log(db, 'two');
    const stats = await db.checkpoint();
    expect(stats).toMatchObject({ seq: 4, bytes: expect.any(Number) });
    expect(stats.exportMs).toBeGreaterThanOrEqual(0);
    expect(await snapshotOnly(file)).toEqual({ notes: ['one', 'two'], applicationId: 4 });
    for (const j of journalFiles(file)) expect((await stat(j)).size).toBe(0);

    await log(db, 'three'); // goes to the other journal file
    const copy = await crashCopy(file);
    const reopened = await open(copy);
    expect(reopened.read((r) => r.all(`SELECT note FROM log ORDER BY id`)).map((r) => r.note)).toEqual(['one', 'two', 'three']);
    expect(reopened.recovery).toMatchObject({ snapshotSeq: 4, replayedTransactions: 1 });
    await Promise.all([db.close(), reopened.close()]);
  });

  it('does not apply twice what a crash left in the journal after the snapshot was renamed', async () => {
    const file = await tempFile();
    const db = await open(file);
    await log(db, 'one');
    await log(db, 'two');
    const journalBefore = await readFile(journalFiles(file)[0]);
    await db.checkpoint();
    const copy = await crashCopy(file);
    // The crash came after the rename, before the journal was emptied.
    await writeFile(journalFiles(copy)[0], journalBefore);
    const reopened = await open(copy);
    expect(reopened.read(dumpKv)).toBe(db.read(dumpKv));
    expect(reopened.read((r) => r.get(`SELECT n FROM counter`))).toEqual({ n: 2 });
    expect(reopened.recovery).toMatchObject({ replayedTransactions: 0, staleTransactions: 4 });
    await Promise.all([db.close(), reopened.close()]);
  });

  it('checkpoints in the background past the size threshold and after idle, without holding up writes', async () => {
    const file = await tempFile();
    const db = await open(file, { checkpointBytes: 1_500, checkpointSnapshotFraction: 0, idleCheckpointBytes: 1, idleSnapshotFraction: 0, idleMs: 30 });
    for (let i = 0; i < 20; i++) await log(db, `entry ${i} ${'x'.repeat(200)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await snapshotOnly(file)).notes).toHaveLength(20);
    expect((await snapshotOnly(file)).applicationId).toBe(22);
    await db.close();
  });

  it('runs migrations through the journal: a crash after them reopens migrated, and later ones still apply', async () => {
    const file = await tempFile();
    const v2 = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS.filter((m) => m.version <= 2), journal: QUIET });
    await v2.write((w) => w.run(`INSERT INTO settings(key, value) VALUES ('language', 'kk')`));
    const copy = await crashCopy(file);
    const upgraded = await SqlJsDatabase.open({ file: copy, wasmPath, migrations: MIGRATIONS, journal: QUIET });
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    expect(upgraded.read((r) => r.get(`SELECT value FROM settings WHERE key = 'language'`))).toEqual({ value: 'kk' });
    expect(upgraded.read((r) => r.all(`SELECT name FROM pragma_table_info('applications') WHERE name = 'signature_blob'`))).toHaveLength(1);
    const again = await SqlJsDatabase.open({ file: await crashCopy(copy), wasmPath, migrations: MIGRATIONS, journal: QUIET });
    expect(again.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    await Promise.all([v2.close(), upgraded.close(), again.close()]);
  });

  it('lets concurrent writes share fsyncs (group commit) and acknowledges each only when durable', async () => {
    const storage = new CrashableStorage();
    const db = await SqlJsDatabase.open({ file: '/v/db', wasmPath, migrations: KV_MIGRATIONS, storage, journal: QUIET });
    const syncsBefore = storage.counters.syncs;
    await Promise.all(Array.from({ length: 50 }, (_, i) => log(db, `n${i}`)));
    const syncs = storage.counters.syncs - syncsBefore;
    expect(syncs).toBeGreaterThanOrEqual(1);
    expect(syncs).toBeLessThanOrEqual(3);
    expect(db.journalCounters).toMatchObject({ transactions: 52 });
    const reopened = await SqlJsDatabase.open({ file: '/v/db', wasmPath, migrations: KV_MIGRATIONS, storage: new CrashableStorage(storage.image()) });
    expect(reopened.read((r) => r.get(`SELECT n FROM counter`))).toEqual({ n: 50 });
  });

  it('never exports inside an open transaction', async () => {
    const file = await tempFile();
    const db = await open(file);
    await expect(db.write((w) => {
      w.run(`INSERT INTO log(note) VALUES ('x')`);
      db.exportSize();
    })).rejects.toThrow(/inside an open transaction/);
    expect(db.read((r) => r.get(`SELECT COUNT(*) AS n FROM log`))).toEqual({ n: 0 });
    // A checkpoint asked for inside a body starts only after that body's COMMIT, and includes it.
    let checkpoint: Promise<unknown> = Promise.resolve();
    await db.write((w) => {
      w.run(`INSERT INTO log(note) VALUES ('inside')`);
      checkpoint = db.checkpoint();
    });
    await checkpoint;
    expect((await snapshotOnly(file)).notes).toEqual(['inside']);
    await db.close();
  });

  it('rejects the write whose fsync failed and every later one; what was acknowledged survives', async () => {
    const storage = new CrashableStorage();
    const db = await SqlJsDatabase.open({ file: '/v/db', wasmPath, migrations: KV_MIGRATIONS, storage, journal: QUIET });
    await log(db, 'durable');
    storage.failOn = 'sync';
    await expect(log(db, 'lost')).rejects.toThrow(DatabaseDurabilityError);
    storage.failOn = null;
    await expect(log(db, 'later')).rejects.toThrow(DatabaseDurabilityError);
    storage.crash();
    const reopened = await SqlJsDatabase.open({ file: '/v/db', wasmPath, migrations: KV_MIGRATIONS, storage: new CrashableStorage(storage.image()) });
    expect(reopened.read((r) => r.all(`SELECT note FROM log`)).map((r) => r.note)).toContain('durable');
    expect(reopened.read((r) => r.all(`SELECT note FROM log`)).map((r) => r.note)).not.toContain('later');
  });

  it('never lets a commit whose fsync failed come back through a checkpoint snapshot', async () => {
    const storage = new CrashableStorage(new Map(), { random: () => 0 }); // at the crash, unsynced bytes are lost
    const db = await SqlJsDatabase.open({ file: '/v/db', wasmPath, migrations: KV_MIGRATIONS, storage, journal: QUIET, onBackgroundError: () => undefined });
    await log(db, 'durable');
    storage.failOn = 'sync';
    const rejected = log(db, 'rejected');
    const checkpoint = db.checkpoint(); // exports a state that includes 'rejected'
    await expect(rejected).rejects.toThrow(DatabaseDurabilityError);
    await expect(checkpoint).rejects.toThrow(DatabaseDurabilityError);
    storage.failOn = null;
    await expect(db.close()).rejects.toThrow(DatabaseDurabilityError);
    storage.crash();
    const reopened = await SqlJsDatabase.open({ file: '/v/db', wasmPath, migrations: KV_MIGRATIONS, storage: new CrashableStorage(storage.image()) });
    expect(reopened.read((r) => r.all(`SELECT note FROM log`)).map((r) => r.note)).toEqual(['durable']);
  });

  it('reports a failed background checkpoint, keeps acknowledging writes from the journal, and loses nothing', async () => {
    const storage = new CrashableStorage();
    const errors: unknown[] = [];
    const db = await SqlJsDatabase.open({
      file: '/v/db', wasmPath, migrations: KV_MIGRATIONS, storage, onBackgroundError: (e) => errors.push(e),
      journal: { checkpointBytes: 300, checkpointSnapshotFraction: 0, idleCheckpointBytes: 1 << 30, idleMs: 60_000, retryAfterFailureMs: 0 },
    });
    storage.failOn = 'replace';
    for (let i = 0; i < 10; i++) await log(db, `n${i} ${'y'.repeat(100)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors.length).toBeGreaterThan(0);
    storage.failOn = null;
    for (let i = 10; i < 15; i++) await log(db, `n${i}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    storage.crash();
    const reopened = await SqlJsDatabase.open({ file: '/v/db', wasmPath, migrations: KV_MIGRATIONS, storage: new CrashableStorage(storage.image()) });
    expect(reopened.read((r) => r.get(`SELECT n FROM counter`))).toEqual({ n: 15 });
  });

  it('survives SIGKILL of a writing process at random moments: every acknowledged write is there, each transaction whole', async () => {
    const child = fileURLToPath(await bundleImageWorker(fileURLToPath(new URL('./testSupport/journalCrashChild.ts', import.meta.url))));
    const file = await tempFile();
    let acknowledged = 0;
    const kills = Number(process.env.DB_CRASH_KILLS ?? 8);
    for (let life = 0; life < kills; life++) {
      const proc = spawn(process.execPath, [child, file, wasmPath], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
      proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
      // Kill at a random moment once it writes (sometimes during its start-up recovery).
      await new Promise<void>((resolve) => {
        const started = Date.now();
        const timer = setInterval(() => {
          if ((out.includes('ready') || Date.now() - started > 5_000) && Math.random() < 0.25) {
            clearInterval(timer);
            resolve();
          }
        }, 10 + Math.floor(Math.random() * 40));
      });
      proc.kill('SIGKILL');
      await exited;
      expect(err).toBe('');
      for (const m of out.matchAll(/^ack (\d+)$/gm)) acknowledged = Math.max(acknowledged, Number(m[1]));

      const db = await open(await crashCopy(file));
      const ids = db.read((r) => r.all(`SELECT id FROM log ORDER BY id`)).map((r) => Number(r.id));
      expect(ids.length).toBeGreaterThanOrEqual(acknowledged);
      expect(ids).toEqual(ids.map((_, i) => i + 1)); // no gaps: a prefix of the commits
      expect(db.read((r) => r.get(`SELECT n FROM counter`))).toEqual({ n: ids.length });
      await db.close();
    }
    expect(acknowledged).toBeGreaterThan(0);
  }, 60_000);
});
