/**
 * The sender acts only on durable state (read, await durable, act) and halts for good when the
 * database fails: an application whose commit is still waiting for its fsync is not sent until the
 * fsync returns, and one whose fsync failed is never sent.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApplicationSubmissionBody, Registration } from '../../core/backendApi/wire';
import { ok } from '../../core/result';
import { EncryptedBlobStore } from '../blobs/EncryptedBlobStore';
import { insertApplicationWithOutbox } from '../db/applications';
import type { DbStorage, JournalHandle } from '../db/dbStorage';
import { MIGRATIONS } from '../db/migrations';
import { DatabaseDurabilityError, SqlJsDatabase } from '../db/SqlJsDatabase';
import { CrashableStorage } from '../db/testSupport/CrashableStorage';
import { SQL_WASM } from '../db/testSupport/databaseFilesOnDisk';
import { unsignedPayload } from '../db/testSupport/unsignedPayload';
import type { LicensingBackend } from '../ports/LicensingBackend';
import { OperatorSession } from './OperatorSession';
import { OutboxSender } from './OutboxSender';

const clock = { now: () => new Date('2026-11-23T06:00:00.000Z') };

/** Storage whose journal fsyncs wait while `held`, and fail when `failing`. */
class GatedStorage implements DbStorage {
  held = false;
  failing = false;
  private release: (() => void)[] = [];
  private readonly inner = new CrashableStorage();

  read = (file: string) => this.inner.read(file);
  replaceAtomically = (file: string, bytes: Uint8Array) => this.inner.replaceAtomically(file, bytes);
  removeStaleTemp = () => this.inner.removeStaleTemp();
  probeWritable = () => this.inner.probeWritable();

  async openJournal(file: string): Promise<JournalHandle> {
    const handle = await this.inner.openJournal(file);
    return {
      ...handle,
      sync: async () => {
        if (this.held) await new Promise<void>((resolve) => this.release.push(resolve));
        if (this.failing) throw Object.assign(new Error('EIO: fsync failed'), { code: 'EIO' });
        await handle.sync();
      },
    };
  }

  open(): void {
    this.held = false;
    for (const resolve of this.release.splice(0)) resolve();
  }
}

function recordingBackend(): LicensingBackend & { submitted: string[] } {
  const submitted: string[] = [];
  const unused = () => Promise.reject(new Error('not used here'));
  return {
    submitted,
    baseUrl: 'http://127.0.0.1:9',
    createSession: unused,
    lookupPerson: unused,
    lookupLegalEntity: unused,
    lookupPowerOfAttorney: unused,
    hasBlob: async () => ok(true),
    putBlob: async () => ok(null),
    submitApplication: async (_token: string, key: string, body: ApplicationSubmissionBody) => {
      submitted.push(key);
      return ok({ applicationId: `reg-${key}`, registrationNumber: `KZ-${body.localNumber}`, registeredAt: clock.now().toISOString() } as unknown as Registration);
    },
    applicationStatus: unused,
    fetchResult: unused,
    fetchRevocationLists: unused,
    health: async () => ok(null),
    capabilities: unused,
  };
}

async function setup() {
  const storage = new GatedStorage();
  const db = await SqlJsDatabase.open({ file: '/v/workstation.sqlite', wasmPath: SQL_WASM, migrations: MIGRATIONS, storage, journal: { idleMs: 60_000 } });
  await db.write((w) => w.run(`INSERT INTO registry_snapshots VALUES ('snap-1', 'op-1', 'answer-1', '2026-11-23T05:00:00.000Z', '{}', '2026-11-23T05:00:00.000Z')`));
  const backend = recordingBackend();
  const session = new OperatorSession(clock);
  session.begin({ operatorId: 'op-1', login: 'operator', fullName: 'x', iin: '880808399112', role: 'operator' } as never, 'token', new Date('2026-11-24T00:00:00.000Z'));
  const errors: unknown[] = [];
  const blobs = new EncryptedBlobStore(await mkdtemp(path.join(tmpdir(), 'psc-sender-')), new Uint8Array(32));
  const sender = new OutboxSender(db, blobs, backend, session, clock, { random: () => 0, maxIdleMs: 60_000, onUnexpectedError: (e) => errors.push(e) });
  const accept = (n: number) =>
    db.write((w) =>
      insertApplicationWithOutbox(w, {
        id: `app-${n}`, operatorId: 'op-1', snapshotId: 'snap-1', applicantDisplayName: 'x', representativeDisplayName: null, plannedResultDate: null,
        idempotencyKey: `key-${n}`, signatureBlob: null, payload: unsignedPayload(n, { kind: 'individual', iin: '850101399014' }, '2026-11-23T05:00:00.000Z'),
      }),
    );
  return { storage, db, backend, sender, accept, errors };
}

describe('OutboxSender: read, await durable, act', () => {
  it('does not send an application while its commit waits for the fsync, and sends it once the fsync returns', async () => {
    const { storage, backend, sender, accept } = await setup();
    storage.held = true;
    const accepted = accept(1); // committed in memory, fsync pending
    const sending = sender.send('app-1');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(backend.submitted).toEqual([]);
    storage.open();
    await accepted;
    expect(await sending).toBe('registered');
    expect(backend.submitted).toEqual(['key-1']);
  });

  it('never sends an application whose fsync failed, and halts for good', async () => {
    const { storage, db, backend, sender, accept, errors } = await setup();
    storage.held = true;
    storage.failing = true;
    const accepted = accept(2);
    const sending = sender.send('app-2');
    storage.open();
    await expect(accepted).rejects.toThrow(DatabaseDurabilityError);
    expect(await sending).toBe('retry-later');
    expect(backend.submitted).toEqual([]);
    expect(sender.haltedBy).toBeInstanceOf(DatabaseDurabilityError);
    expect(errors.filter((e) => e instanceof DatabaseDurabilityError)).toHaveLength(1);
    expect(db.access.kind).toBe('failed');
    sender.start();
    sender.kick();
    expect(await sender.send('app-2')).toBe('retry-later');
    expect(backend.submitted).toEqual([]);
  });
});
