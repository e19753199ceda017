// A registered application in a real in-memory sql.js database, a fake backend for the two status
// endpoints, a real encrypted blob store in a temp dir, a settable clock and a signed-in operator.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { unsignedPayload } from '../../db/testSupport/unsignedPayload';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ApplicationStatus, ApplicationStatusView, Operator } from '../../../core/backendApi/wire';
import type { Result } from '../../../core/result';
import type { UnsignedSubmission } from '../../../core/signing/signedPayload';
import type { BackendFailure } from '../../../core/submission/backendFailure';
import { EncryptedBlobStore, sha256Hex } from '../../blobs/EncryptedBlobStore';
import { insertApplicationWithOutbox, markRegistered } from '../../db/applications';
import { MIGRATIONS } from '../../db/migrations';
import { SqlJsDatabase } from '../../db/SqlJsDatabase';
import type { LicensingBackend } from '../../ports/LicensingBackend';
import { OperatorSession } from '../../services/OperatorSession';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');

export const T0 = new Date('2026-11-23T06:00:00.000Z');

export const OPERATOR: Operator = {
  operatorId: 'op-1', login: 'op-1', fullName: 'ҚАСЫМОВА Әйгерім', iin: '880101300017', role: 'operator', workplace: { kind: 'psc', name: 'ХҚО' },
};

export const RESULT_PDF = new TextEncoder().encode('%PDF-1.7\n% licence KZ26LAA00000123\n%%EOF\n');

type StatusBackend = Pick<LicensingBackend, 'applicationStatus' | 'fetchResult'>;

/** Answers from queues (the last one repeats); records every call. */
export class FakeStatusBackend implements StatusBackend {
  statusAnswers: Result<ApplicationStatusView, BackendFailure>[] = [];
  resultAnswers: Result<Uint8Array, BackendFailure>[] = [];
  readonly statusCalls: { token: string; id: string }[] = [];
  readonly resultCalls: string[] = [];
  /** While set, applicationStatus waits for it (tests of concurrent checks). */
  gate: Promise<void> | null = null;

  async applicationStatus(token: string, id: string): Promise<Result<ApplicationStatusView, BackendFailure>> {
    this.statusCalls.push({ token, id });
    if (this.gate) await this.gate;
    const answer = this.statusAnswers.length > 1 ? this.statusAnswers.shift()! : this.statusAnswers[0];
    return answer ?? { ok: false, error: { kind: 'network' } };
  }

  async fetchResult(_token: string, id: string): Promise<Result<Uint8Array, BackendFailure>> {
    this.resultCalls.push(id);
    const answer = this.resultAnswers.length > 1 ? this.resultAnswers.shift()! : this.resultAnswers[0];
    return answer ?? { ok: false, error: { kind: 'network' } };
  }
}

const STEPS: readonly ApplicationStatus[] = ['registered', 'under-review', 'issued', 'ready-for-handover'];

/** The view the backend gives at `status` on the way to an issued licence (registered → … → ready-for-handover). */
export function viewAt(backendId: string, status: ApplicationStatus, registrationNumber = 'KZ26LAA00000123'): ApplicationStatusView {
  const upTo = status === 'refused' ? ['registered', 'under-review', 'refused'] as const : STEPS.slice(0, STEPS.indexOf(status) + 1);
  const decided = status === 'issued' || status === 'ready-for-handover' || status === 'refused';
  return {
    applicationId: backendId,
    registrationNumber,
    registeredAt: T0.toISOString(),
    status,
    history: upTo.map((s, i) => ({ status: s, at: new Date(T0.getTime() + i * 86_400_000).toISOString() })),
    decision: !decided
      ? null
      : status === 'refused'
        ? { outcome: 'refused', reason: { kk: 'Құжаттар толық емес', ru: 'Неполный пакет документов' }, decidedAt: T0.toISOString() }
        : { outcome: 'issued', document: 'licence', licenceNumber: '26000123', decidedAt: T0.toISOString() },
    result: status === 'ready-for-handover' ? { sha256: sha256Hex(RESULT_PDF), sizeBytes: RESULT_PDF.byteLength, fileName: 'licence-KZ26LAA00000123.pdf' } : null,
  };
}

export interface AddedApplication {
  readonly id: string;
  readonly backendId: string;
  readonly localNumber: string;
}

export async function statusFixture() {
  const db = await SqlJsDatabase.open({ file: null, wasmPath, migrations: MIGRATIONS });
  await db.write((w) => w.run(`INSERT INTO registry_snapshots VALUES ('snap-1', 'op-1', 'answer-1', ?, '{}', ?)`, [T0.toISOString(), T0.toISOString()]));
  const clock = { at: T0, now() { return this.at; }, advance(ms: number) { this.at = new Date(this.at.getTime() + ms); } };
  const session = new OperatorSession(clock);
  session.begin(OPERATOR, 'token-1', new Date(T0.getTime() + 365 * 86_400_000));
  const blobs = new EncryptedBlobStore(await mkdtemp(path.join(tmpdir(), 'psc-status-')), randomBytes(32));
  const backend = new FakeStatusBackend();
  let count = 0;

  /** An application accepted here; registered with the backend unless `registered` is false. */
  async function addApplication(options: { registered?: boolean; applicant?: UnsignedSubmission['applicant']; registrationNumber?: string } = {}): Promise<AddedApplication> {
    const n = ++count;
    const id = `00000000-0000-4000-8000-00000000000${n}`;
    const backendId = `b0000000-0000-4000-8000-00000000000${n}`;
    // Accepted (and registered) in the hour before T0, in order.
    const p = unsignedPayload(n, options.applicant ?? { kind: 'legal-entity', bin: '150340999016' }, new Date(T0.getTime() - 3_600_000 + n * 60_000).toISOString(), 'ABC123');
    await db.write((w) => {
      insertApplicationWithOutbox(w, {
        id, operatorId: 'op-1', snapshotId: 'snap-1', applicantDisplayName: 'ТОО «ТЕСТ»', representativeDisplayName: null,
        plannedResultDate: '2026-12-14', idempotencyKey: `key-${n}`, signatureBlob: null, payload: p,
      });
      if (options.registered !== false) {
        markRegistered(w, id, { applicationId: backendId, registrationNumber: options.registrationNumber ?? `KZ26LAA0000012${n}`, registeredAt: p.acceptedAt, status: 'registered' });
      }
    });
    return { id, backendId, localNumber: p.localNumber };
  }

  return { db, clock, session, blobs, backend, addApplication };
}
