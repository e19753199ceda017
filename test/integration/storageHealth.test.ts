/**
 * The database's health in a real workstation (issue 16): a complete-but-damaged last journal
 * record — the acceptance of an application — is quarantined and reported at start in
 * `system.storage()` (the header), the diagnostics, the operational log and the audit log, naming
 * the local number that may be lost, and that number is never issued again; a full disk still
 * starts, read-only, and shows the queue.
 */
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendServer } from '../../backend/createBackendServer';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import type { WorkstationApi } from '../../core/contract/workstationApi';
import { HttpLicensingBackend } from '../../main/adapters/backend/HttpLicensingBackend';
import { loadCatalog } from '../../main/app';
import { listAuditRecords } from '../../main/audit/AuditLog';
import { createDbStorage } from '../../main/db/dbStorage';
import { MIGRATIONS } from '../../main/db/migrations';
import { databaseFiles, journalFiles, SqlJsDatabase } from '../../main/db/SqlJsDatabase';
import { PowerCutFs } from '../../main/db/testSupport/PowerCutFs';
import { SQL_WASM } from '../../main/db/testSupport/databaseFilesOnDisk';
import { noRecentLog } from '../../main/platform/log/Logger';
import { MemoryLogger } from '../../main/platform/log/MemoryLogger';
import { ControllableBackend } from '../support/controllableBackend';
import { completeDraft, demoSigning, REPO_ROOT, startTestWorkstation } from '../support/workstationHarness';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function backendServer() {
  const catalog = await loadCatalog(path.join(REPO_ROOT, 'resources'));
  const server = await createBackendServer({ port: 0, stateDir: null, serviceIds: new Set(catalog.services.map((s) => s.id)) });
  closers.push(() => server.close());
  return new ControllableBackend(new HttpLicensingBackend({ baseUrl: server.url, timeoutMs: 5_000 }));
}

/** Signs in, looks the company up while online, then accepts `count` applications during an outage. */
async function acceptOffline(api: WorkstationApi, backend: ControllableBackend, count: number): Promise<string[]> {
  expect((await api.session.login(DEMO_CREDENTIALS.operator)).ok).toBe(true);
  const card = await api.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany });
  if (!card.ok) throw new Error('lookup failed');
  const drafts: string[] = [];
  for (let i = 0; i < count; i++) drafts.push(await completeDraft(api, { serviceId: '002-a2-casino-2014', subtype: 'issue', applicantSnapshotId: card.value.snapshotId, representativeSnapshotId: null }));
  backend.offline = true;
  const numbers: string[] = [];
  for (const draftId of drafts) {
    const accepted = await api.submissions.submitDraft(draftId, demoSigning());
    if (!accepted.ok || accepted.value.state !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(accepted)}`);
    numbers.push(accepted.value.localNumber);
  }
  return numbers;
}

/**
 * The journal as a power cut after a lying fsync leaves it: everything up to the end of the record
 * that accepted `localNumber`, that record complete but with one byte flipped, nothing after it.
 */
async function damageAcceptanceRecord(databaseFile: string, localNumber: string): Promise<void> {
  for (const journal of journalFiles(databaseFile)) {
    const bytes = new Uint8Array(await readFile(journal));
    const text = Buffer.from(bytes).toString('latin1');
    const at = text.indexOf(`INSERT INTO applications`);
    const numberAt = text.indexOf(localNumber, at);
    if (at < 0 || numberAt < 0) continue;
    const start = text.lastIndexOf('\n#', at) + 1;
    const end = text.indexOf('\n#', numberAt);
    const record = bytes.slice(0, end < 0 ? bytes.byteLength : end + 1);
    record[numberAt - 40]! ^= 0x01;
    expect(start).toBeLessThan(numberAt);
    await writeFile(journal, record);
    return;
  }
  throw new Error(`no journal record accepts ${localNumber}`);
}

describe('storage health at start', () => {
  it('quarantines and reports a damaged last record, names the application that may be lost, and never issues its number again', async () => {
    const backend = await backendServer();
    const first = await startTestWorkstation({ backend, random: () => 0, sendBudgetMs: 500 });
    closers.push(() => first.close());
    const [kept, lost] = await acceptOffline(first.api, backend, 2);
    // What a power cut leaves: the data directory as it is now, the workstation never closed.
    const copy = await mkdtemp(path.join(tmpdir(), 'psc-storage-'));
    await cp(first.dataDir, copy, { recursive: true });
    const databaseFile = path.join(copy, 'workstation.sqlite');
    await damageAcceptanceRecord(databaseFile, lost!);

    const logger = new MemoryLogger();
    const log = { logger, recent: noRecentLog, dir: 'logs' };
    const second = await startTestWorkstation({ backend, random: () => 0, sendBudgetMs: 500, log }, copy);
    const storage = await second.api.system.storage();
    expect(storage.ok && storage.value.state).toEqual({ kind: 'ok' });
    const damage = storage.ok ? storage.value.damage : [];
    expect(damage).toHaveLength(1);
    expect(damage[0]).toMatchObject({ reason: 'checksum mismatch', possiblyLostLocalNumbers: [lost] });
    expect((await readdir(copy)).filter((name) => name.includes('.quarantine-'))).toEqual([damage[0]!.quarantineFile]);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'error', event: 'storage.damage', fields: expect.objectContaining({ possiblyLostLocalNumbers: lost }) }));

    expect((await second.api.session.login(DEMO_CREDENTIALS.operator)).ok).toBe(true);
    const diagnostics = await second.api.diagnostics.report();
    expect(diagnostics.ok && diagnostics.value.text).toContain(`applications that may be lost: ${lost}`);
    const list = await second.api.submissions.list();
    expect(list.ok && list.value.map((a) => a.localNumber)).toEqual([kept]);
    // The next application takes a number after every one the damaged bytes may have held.
    backend.offline = false;
    const [next] = await acceptOffline(second.api, backend, 1);
    expect(Number(next!.split('-')[2])).toBeGreaterThan(Number(lost!.split('-')[2]));
    await second.close();

    const reopened = await SqlJsDatabase.open({ file: databaseFile, wasmPath: SQL_WASM, migrations: MIGRATIONS });
    const audit = reopened.read((r) => listAuditRecords(r)).filter((record) => record.action === 'storage-damage');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ reason: 'checksum mismatch', possiblyLostLocalNumbers: lost });
    await reopened.close();
  }, 60_000);

  it('starts read-only on a full disk: shows the queue, says why, and changes nothing', async () => {
    const backend = await backendServer();
    const first = await startTestWorkstation({ backend, random: () => 0, sendBudgetMs: 500 });
    const numbers = await acceptOffline(first.api, backend, 2);
    await first.close();
    const databaseFile = path.join(first.dataDir, 'workstation.sqlite');
    const files = new Map(await Promise.all(databaseFiles(databaseFile).map(async (f) => [f, new Uint8Array(await readFile(f))] as const)));
    const fullDisk = PowerCutFs.withFiles(files, { capacityBytes: 0 });

    backend.offline = false;
    const logger = new MemoryLogger();
    const log = { logger, recent: noRecentLog, dir: 'logs' };
    const second = await startTestWorkstation({ backend, random: () => 0, sendBudgetMs: 500, log, dbStorage: createDbStorage(fullDisk) }, first.dataDir);
    closers.push(() => second.close());
    const storage = await second.api.system.storage();
    expect(storage.ok && storage.value.state).toEqual({ kind: 'read-only', reason: 'disk-full' });
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'error', event: 'storage.read-only', fields: expect.objectContaining({ reason: 'disk-full' }) }));
    expect((await second.api.session.login(DEMO_CREDENTIALS.operator)).ok).toBe(true);
    const status = await second.api.queue.status();
    expect(status.ok && status.value.counts).toMatchObject({ accepted: 2, registered: 0 });
    const list = await second.api.submissions.list();
    expect(list.ok && list.value.map((a) => a.localNumber).sort()).toEqual([...numbers].sort());
    // Nothing was written: not even the probe's temp file or a sent application's registration.
    expect(fullDisk.visibleFiles()).toEqual(files);
    expect(backend.submitCalls).toBe(0);
  }, 60_000);
});
