/**
 * Damage is never silent: a complete-but-damaged last journal record is quarantined and reported
 * (naming the local number it still shows), a torn one is dropped quietly; a journal of another
 * database is refused; values the journal cannot record are refused before COMMIT; a failed
 * truncate fails the journal; after a durability failure reads fail and listeners hear of it; a full
 * disk still opens read-only; temp files are swept; and checkpoints from the worker replica hold
 * exactly what the database holds.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleImageWorker } from '../imaging/testSupport/bundleImageWorker';
import { createDbStorage } from './dbStorage';
import { databaseFiles, DatabaseDurabilityError, DatabaseReadOnlyError, journalFiles, JournalCorruptError, SqlJsDatabase, UnsupportedParamError } from './SqlJsDatabase';
import { CrashableStorage } from './testSupport/CrashableStorage';
import { crashCopy, snapshotOnly, SQL_WASM, tempDatabaseFile } from './testSupport/databaseFilesOnDisk';
import { dumpKv, KV_MIGRATIONS } from './testSupport/kvSchema';
import { PowerCutFs } from './testSupport/PowerCutFs';

const wasmPath = SQL_WASM;
const QUIET = { checkpointBytes: 1 << 30, idleCheckpointBytes: 1 << 30, idleMs: 60_000 };
const open = (file: string, extra: Partial<Parameters<typeof SqlJsDatabase.open>[0]> = {}) =>
  SqlJsDatabase.open({ file, wasmPath, migrations: KV_MIGRATIONS, journal: QUIET, ...extra });
const log = (db: SqlJsDatabase, note: string) => db.write((w) => {
  w.run(`INSERT INTO log(note) VALUES (?)`, [note]);
  w.run(`UPDATE counter SET n = n + 1`);
});
const notes = (db: SqlJsDatabase) => db.read((r) => r.all(`SELECT note FROM log ORDER BY id`)).map((r) => r.note);

/** Flips one byte inside the body of the last record of the first journal file. */
async function damageLastRecord(file: string): Promise<Uint8Array> {
  const journal = journalFiles(file)[0];
  const bytes = new Uint8Array(await readFile(journal));
  const lastStart = new TextDecoder().decode(bytes).lastIndexOf('\n#') + 1;
  const tail = bytes.slice(lastStart);
  bytes[bytes.byteLength - 8]! ^= 0x04;
  await writeFile(journal, bytes);
  tail[tail.byteLength - 8]! ^= 0x04;
  return tail;
}

describe('SqlJsDatabase: damage is never silent', () => {
  it('quarantines a complete but damaged last record, reports it with the local number it shows, and opens with everything before it', async () => {
    const file = await tempDatabaseFile();
    const db = await open(file);
    await log(db, 'accepted earlier');
    await log(db, 'application ABC123-20261123-0007 accepted');
    const copy = await crashCopy(file);
    const damagedBytes = await damageLastRecord(copy);

    const reopened = await open(copy, { now: () => new Date('2026-11-23T09:30:00.000Z') });
    expect(notes(reopened)).toEqual(['accepted earlier']);
    expect(reopened.recovery?.tornTails).toEqual([]);
    expect(reopened.recovery?.damage).toEqual([
      {
        file: journalFiles(copy)[0],
        offset: expect.any(Number),
        bytes: damagedBytes.byteLength,
        reason: 'checksum mismatch',
        quarantineFile: `${copy}.quarantine-20261123T093000Z-journal-a-at-${reopened.recovery!.damage[0]!.offset}`,
        firstSeq: 4,
        localNumbers: ['ABC123-20261123-0007'],
      },
    ]);
    // The damaged bytes are kept aside, byte for byte, before the journal was emptied.
    expect(new Uint8Array(await readFile(reopened.recovery!.damage[0]!.quarantineFile!))).toEqual(damagedBytes);
    for (const j of journalFiles(copy)) expect((await stat(j)).size).toBe(0);
    // The next start finds nothing new to report, and the quarantine file is still there.
    await log(reopened, 'after');
    const again = await open(await crashCopy(copy));
    expect(again.recovery?.damage).toEqual([]);
    expect(notes(again)).toEqual(['accepted earlier', 'after']);
    expect((await readdir(path.dirname(copy))).filter((n) => n.includes('.quarantine-'))).toHaveLength(1);
    await Promise.all([db.close(), reopened.close(), again.close()]);
  });

  it('refuses a journal that belongs to another database, leaving every file untouched', async () => {
    const first = await tempDatabaseFile();
    const second = await tempDatabaseFile();
    const a = await open(first);
    const b = await open(second);
    await log(a, 'a1');
    await log(b, 'b1');
    const copy = await crashCopy(first);
    await writeFile(journalFiles(copy)[0], await readFile(journalFiles(second)[0]));
    const before = await Promise.all(databaseFiles(copy).map((f) => readFile(f)));
    await expect(open(copy)).rejects.toThrow(JournalCorruptError);
    await expect(open(copy)).rejects.toThrow(/belongs to database/);
    expect(await Promise.all(databaseFiles(copy).map((f) => readFile(f)))).toEqual(before);
    await Promise.all([a.close(), b.close()]);
  });

  it('refuses a boolean or array parameter before COMMIT, so nothing unreplayable is ever acknowledged', async () => {
    const file = await tempDatabaseFile();
    const db = await open(file);
    await log(db, 'fine');
    for (const bad of [true, [1, 2, 3]] as unknown[]) {
      await expect(db.write((w) => {
        w.run(`INSERT INTO log(note) VALUES (?)`, ['before']);
        w.run(`INSERT INTO kv(k, v) VALUES ('x', ?)`, [bad as number]);
      })).rejects.toThrow(UnsupportedParamError);
    }
    expect(notes(db)).toEqual(['fine']);
    const reopened = await open(await crashCopy(file));
    expect(notes(reopened)).toEqual(['fine']);
    await Promise.all([db.close(), reopened.close()]);
  });

  it('sweeps the temp files earlier atomic writes of the database left, and nothing else', async () => {
    const file = await tempDatabaseFile();
    const dir = path.dirname(file);
    await writeFile(path.join(dir, '.workstation.sqlite.0123456789ab.tmp'), 'a checkpoint a crash cut short');
    await writeFile(path.join(dir, '.blob.key.a1b2c3d4e5f6.tmp'), 'not the database');
    const db = await open(file);
    expect(db.recovery?.tempFilesRemoved).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['.blob.key.a1b2c3d4e5f6.tmp', 'workstation.sqlite', 'workstation.sqlite.journal-a', 'workstation.sqlite.journal-b']);
    await db.close();
  });
});

describe('SqlJsDatabase: durability failures', () => {
  it('fails the journal when the truncate after a checkpoint fails: writes and reads refuse, listeners hear it once', async () => {
    const storage = new CrashableStorage();
    const db = await SqlJsDatabase.open({ file: '/v/db', wasmPath, migrations: KV_MIGRATIONS, storage, journal: QUIET });
    const heard: unknown[] = [];
    db.onDurabilityFailure((error) => heard.push(error));
    await log(db, 'durable');
    storage.failOn = 'truncate';
    await expect(db.checkpoint()).rejects.toThrow(DatabaseDurabilityError);
    expect(db.access.kind).toBe('failed');
    expect(heard).toHaveLength(1);
    storage.failOn = null;
    await expect(log(db, 'later')).rejects.toThrow(DatabaseDurabilityError);
    expect(() => notes(db)).toThrow(DatabaseDurabilityError);
    // What was acknowledged is still on disk.
    const reopened = await SqlJsDatabase.open({ file: '/v/db', wasmPath, migrations: KV_MIGRATIONS, storage: new CrashableStorage(storage.image()) });
    expect(notes(reopened)).toEqual(['durable']);
  });

  it('after a failed fsync, reads of the rejected state fail until a restart', async () => {
    const storage = new CrashableStorage();
    const db = await SqlJsDatabase.open({ file: '/v/db', wasmPath, migrations: KV_MIGRATIONS, storage, journal: QUIET });
    await log(db, 'durable');
    expect(notes(db)).toEqual(['durable']);
    storage.failOn = 'sync';
    const rejected = log(db, 'rejected');
    // Committed in memory, not yet durable: a plain read shows it, a durable read waits and then fails.
    expect(notes(db)).toEqual(['durable', 'rejected']);
    const durableRead = db.readDurable((r) => r.all(`SELECT note FROM log`));
    await expect(rejected).rejects.toThrow(DatabaseDurabilityError);
    await expect(durableRead).rejects.toThrow(DatabaseDurabilityError);
    expect(() => notes(db)).toThrow(DatabaseDurabilityError);
    await expect(db.readDurable((r) => r.all(`SELECT note FROM log`))).rejects.toThrow(DatabaseDurabilityError);
  });

  it('resolves a durable read only once what it saw is on disk', async () => {
    const storage = new CrashableStorage();
    const db = await SqlJsDatabase.open({ file: '/v/db', wasmPath, migrations: KV_MIGRATIONS, storage, journal: QUIET });
    const syncsBefore = storage.counters.syncs;
    const write = log(db, 'pending');
    const seen = await db.readDurable((r) => r.all(`SELECT note FROM log`).map((row) => row.note));
    expect(seen).toEqual(['pending']);
    expect(storage.counters.syncs).toBeGreaterThan(syncsBefore);
    await write;
  });
});

describe('SqlJsDatabase: a full disk still opens read-only', () => {
  async function populatedDiskThatIsFull(): Promise<Map<string, Uint8Array>> {
    const fs = new PowerCutFs();
    const db = await SqlJsDatabase.open({ file: '/v/workstation.sqlite', wasmPath, migrations: KV_MIGRATIONS, storage: createDbStorage(fs), journal: QUIET });
    for (const note of ['queued one', 'queued two']) await log(db, note);
    fs.cut(); // never closed: the journal still holds both, so opening must write a checkpoint
    return fs.afterPowerCut();
  }

  it('refuses to open on a full disk by default', async () => {
    const files = await populatedDiskThatIsFull();
    const full = PowerCutFs.withFiles(files, { capacityBytes: 0 });
    await expect(SqlJsDatabase.open({ file: '/v/workstation.sqlite', wasmPath, migrations: KV_MIGRATIONS, storage: createDbStorage(full) })).rejects.toThrow(/ENOSPC/);
  });

  it('with readOnlyFallback: shows everything on disk, says why, refuses writes and changes no file', async () => {
    const files = await populatedDiskThatIsFull();
    const full = PowerCutFs.withFiles(files, { capacityBytes: 0 });
    const db = await SqlJsDatabase.open({ file: '/v/workstation.sqlite', wasmPath, migrations: KV_MIGRATIONS, storage: createDbStorage(full), readOnlyFallback: true });
    expect(db.access).toMatchObject({ kind: 'read-only', reason: 'disk-full' });
    expect(notes(db)).toEqual(['queued one', 'queued two']);
    await expect(log(db, 'new')).rejects.toThrow(DatabaseReadOnlyError);
    await expect(db.checkpoint()).rejects.toThrow(/read-only/);
    expect(full.visibleFiles()).toEqual(files);
    await db.close();
  });

  it('finds a full disk even when opening has nothing to write (the journal was emptied at the last close)', async () => {
    const fs = new PowerCutFs();
    const db = await SqlJsDatabase.open({ file: '/v/workstation.sqlite', wasmPath, migrations: KV_MIGRATIONS, storage: createDbStorage(fs), journal: QUIET });
    await log(db, 'queued');
    await db.close();
    const full = PowerCutFs.withFiles(fs.afterPowerCut(), { capacityBytes: 0 });
    const reopened = await SqlJsDatabase.open({ file: '/v/workstation.sqlite', wasmPath, migrations: KV_MIGRATIONS, storage: createDbStorage(full), readOnlyFallback: true });
    expect(reopened.access).toMatchObject({ kind: 'read-only', reason: 'disk-full' });
    expect(notes(reopened)).toEqual(['queued']);
    // The probe's temp file is gone again.
    expect([...full.visibleFiles().keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await reopened.close();
  });
});

describe('SqlJsDatabase: checkpoints from the worker replica', () => {
  it('writes snapshots that hold exactly the database, through VACUUM and reopening', async () => {
    const workerUrl = await bundleImageWorker(fileURLToPath(new URL('./snapshotWorker.ts', import.meta.url)));
    const file = await tempDatabaseFile();
    const db = await open(file, { snapshotWorkerUrl: workerUrl, onBackgroundError: (error) => { throw error; } });
    for (let i = 0; i < 30; i++) {
      await db.write((w) => {
        w.run(`INSERT INTO kv(k, v, b) VALUES (?, ?, ?) ON CONFLICT(k) DO UPDATE SET v = v + excluded.v`, [`k${i % 7}`, i, new Uint8Array([i, 0, 255])]);
        w.run(`INSERT INTO log(note) VALUES (?)`, [`n${i}`]);
        w.run(`UPDATE counter SET n = n + 1`);
      });
      if (i === 10) await db.checkpoint();
      if (i === 20) await db.write((w) => w.run(`DELETE FROM log WHERE id % 2 = 0`));
    }
    await db.compact();
    const stats = await db.checkpoint();
    expect(stats.seq).toBeGreaterThan(30);
    expect((await snapshotOnly(file)).applicationId).toBe(stats.seq);
    const expected = db.read(dumpKv);
    const reopened = await open(await crashCopy(file));
    expect(reopened.recovery?.replayedTransactions).toBe(0);
    expect(reopened.read(dumpKv)).toBe(expected);
    await Promise.all([db.close(), reopened.close()]);
  });
});

describe('SqlJsDatabase: a failed checkpoint worker', () => {
  it('falls back to exporting on the main thread, says so, and still writes a complete snapshot', async () => {
    const workerUrl = await bundleImageWorker(fileURLToPath(new URL('./snapshotWorker.ts', import.meta.url)));
    const file = await tempDatabaseFile();
    const errors: unknown[] = [];
    const db = await open(file, { snapshotWorkerUrl: workerUrl, onBackgroundError: (error) => errors.push(error) });
    await log(db, 'before');
    // The worker's thread dies (out of memory, a crash in the wasm): the replica is gone.
    await (db as unknown as { snapshots: { worker: { terminate(): Promise<number> } } }).snapshots.worker.terminate();
    await log(db, 'after');
    const stats = await db.checkpoint();
    expect(errors.map(String)).toEqual([expect.stringMatching(/checkpoint worker failed, exporting on the main thread/)]);
    expect((await snapshotOnly(file)).notes).toEqual(['before', 'after']);
    expect((await snapshotOnly(file)).applicationId).toBe(stats.seq);
    await log(db, 'later');
    await db.checkpoint();
    expect((await snapshotOnly(file)).notes).toEqual(['before', 'after', 'later']);
    await db.close();
  });
});

describe('SqlJsDatabase: a torn tail must be the last append', () => {
  it('reports old bytes a lying truncate left behind (a cut-short record of an earlier transaction) as damage, not as a torn append', async () => {
    const file = await tempDatabaseFile();
    const db = await open(file);
    await log(db, 'one');
    await log(db, 'two');
    const before = await readFile(journalFiles(file)[0]);
    await db.checkpoint(); // the journal is emptied…
    await log(db, 'three'); // …and this goes to the other file
    await log(db, 'four');
    const copy = await crashCopy(file);
    // …but the disk kept journal-a's old bytes up to a size that cuts a record short, and lost journal-b.
    await writeFile(journalFiles(copy)[0], before.subarray(0, before.byteLength - 10));
    await writeFile(journalFiles(copy)[1], new Uint8Array(0));
    const reopened = await open(copy);
    expect(reopened.recovery?.tornTails).toEqual([]);
    expect(reopened.recovery?.damage).toEqual([expect.objectContaining({ reason: expect.stringMatching(/^incomplete record of transaction \d+, not the next one/) })]);
    await Promise.all([db.close(), reopened.close()]);
  });
});
