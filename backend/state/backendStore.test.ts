import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationSubmission } from '../../core/backendApi/wire';
import { BackendStore, type NewRegistration } from './backendStore';
import { StateFile } from './stateFile';
import { persistedStateSchema } from './stateRecords';

const SUBMISSION: ApplicationSubmission = {
  serviceId: '001-test',
  subtype: 'issue',
  applicant: { kind: 'individual', iin: '850101399014' },
  registryAnswerId: 'answer-1',
  representative: null,
  documents: [{ sha256: 'a'.repeat(64), fileName: 'a.pdf', mediaType: 'application/pdf', sizeBytes: 10 }],
  localNumber: 'L-1',
  workstationId: 'ws',
  acceptedAt: '2026-03-02T10:00:00+05:00',
  operatorSignature: null,
};

function newRegistration(key: string, year = 2026): NewRegistration {
  return {
    year,
    build: (sequence) => ({
      applicationId: `app-${key}`,
      registrationNumber: `N-${year}-${sequence}`,
      registeredAt: '2026-03-02T05:00:00.000Z',
      status: 'registered',
      submission: SUBMISSION,
      operatorId: 'op-1',
    }),
    idempotency: { key, fingerprint: 'f'.repeat(64), recordedAt: '2026-03-02T05:00:00.000Z' },
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'psc-backend-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('BackendStore', () => {
  it('numbers concurrent registrations without gaps or duplicates, per year', async () => {
    const store = await BackendStore.open(new StateFile(dir));
    const made = await Promise.all(['a', 'b', 'c', 'd'].map((k) => store.register(newRegistration(k))));
    expect(made.map((r) => r.registrationNumber).sort()).toEqual(['N-2026-1', 'N-2026-2', 'N-2026-3', 'N-2026-4']);
    expect((await store.register(newRegistration('e', 2027))).registrationNumber).toBe('N-2027-1');
    expect(store.registrationCount).toBe(5);
  });

  it('keeps registrations, idempotency records, sequences, blobs and answers across a reopen', async () => {
    const first = await BackendStore.open(new StateFile(dir));
    await first.register(newRegistration('a'));
    await first.recordBlob({ sha256: 'b'.repeat(64), sizeBytes: 3, storedAt: '2026-03-02T05:00:00.000Z' });
    await first.recordRegistryAnswer({ answerId: 'ans', kind: 'individual', identifier: '850101399014', answeredAt: '2026-03-02T05:00:00.000Z' });
    await first.recordNotaryAnswer({ answerId: 'poa-ans', number: '2026-НТ-000123', answeredAt: '2026-03-02T05:00:00.000Z' });

    const second = await BackendStore.open(new StateFile(dir));
    expect(second.notaryAnswer('poa-ans')?.number).toBe('2026-НТ-000123');
    expect(second.notaryAnswer('ans')).toBeUndefined(); // registry and notary answers are separate
    expect(second.idempotencyRecord('a')?.applicationId).toBe('app-a');
    expect(second.registration('app-a')?.registrationNumber).toBe('N-2026-1');
    expect(second.blob('b'.repeat(64))?.sizeBytes).toBe(3);
    expect(second.registryAnswer('ans')?.identifier).toBe('850101399014');
    expect((await second.register(newRegistration('b'))).registrationNumber).toBe('N-2026-2');
  });

  it('writes a state file that validates and leaves no temp files behind', async () => {
    const store = await BackendStore.open(new StateFile(dir));
    await store.register(newRegistration('a'));
    const saved = persistedStateSchema.parse(JSON.parse(await readFile(path.join(dir, 'state.json'), 'utf8')));
    expect(saved.registrations).toHaveLength(1);
    expect(saved.sequences).toEqual([{ year: 2026, last: 1 }]);
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('refuses a second registration under a recorded key and leaves the state unchanged', async () => {
    const store = BackendStore.inMemory();
    await store.register(newRegistration('a'));
    await expect(store.register(newRegistration('a'))).rejects.toThrow(/already has a registration/);
    expect(store.registrationCount).toBe(1);
    expect((await store.register(newRegistration('b'))).registrationNumber).toBe('N-2026-2');
  });

  it('reports whether a blob was new', async () => {
    const store = BackendStore.inMemory();
    const entry = { sha256: 'c'.repeat(64), sizeBytes: 1, storedAt: '2026-03-02T05:00:00.000Z' };
    expect(await store.recordBlob(entry)).toBe('created');
    expect(await store.recordBlob(entry)).toBe('existing');
  });

  it('opens a state file written before notary answers and representatives existed', async () => {
    const { representative: _absent, ...oldSubmission } = SUBMISSION;
    const registration = { ...newRegistration('old').build(1), submission: oldSubmission };
    const old = {
      version: 1,
      sequences: [{ year: 2026, last: 1 }],
      registrations: [registration],
      idempotency: [{ key: 'old', fingerprint: 'f'.repeat(64), applicationId: 'app-old', recordedAt: '2026-03-02T05:00:00.000Z' }],
      blobs: [],
      registryAnswers: [],
    };
    await writeFile(path.join(dir, 'state.json'), JSON.stringify(old));
    const store = await BackendStore.open(new StateFile(dir));
    expect(store.registration('app-old')?.submission.representative).toBeNull();
    await store.recordNotaryAnswer({ answerId: 'n', number: 'NT-1', answeredAt: '2026-03-02T05:00:00.000Z' });
    const saved = JSON.parse(await readFile(path.join(dir, 'state.json'), 'utf8')) as Record<string, unknown>;
    expect(saved.notaryAnswers).toEqual([{ answerId: 'n', number: 'NT-1', answeredAt: '2026-03-02T05:00:00.000Z' }]);
    expect(persistedStateSchema.parse(saved).registrations[0]?.submission.representative).toBeNull();
  });

  it('stops on a corrupt state file instead of starting empty', async () => {
    await writeFile(path.join(dir, 'state.json'), '{"version":1,"registrations":');
    await expect(BackendStore.open(new StateFile(dir))).rejects.toThrow(/not a valid backend state/);
  });

  it('removes temp files abandoned by a crash mid-write', async () => {
    await writeFile(path.join(dir, '.state.json.abc123.tmp'), 'partial');
    await BackendStore.open(new StateFile(dir));
    expect(await readdir(dir)).toEqual([]);
  });
});
