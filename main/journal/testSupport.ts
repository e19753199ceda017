/**
 * Test support for the journal and questionnaire services: a real sql.js database with every
 * migration, a settable clock, a session for an operator or a supervisor, the real catalog, and
 * applications inserted the way submission stores them. Imported by tests only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Operator } from '../../core/backendApi/wire';
import { catalogSchema, type Catalog } from '../../core/catalog/catalogSchema';
import { insertApplicationWithOutbox, markRegistered } from '../db/applications';
import { MIGRATIONS } from '../db/migrations';
import { SqlJsDatabase } from '../db/SqlJsDatabase';
import type { Clock } from '../ports/Clock';
import type { OperatorSession } from '../services/OperatorSession';

export const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');

export function loadTestCatalog(): Catalog {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'catalog', 'services.json');
  return catalogSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export class SettableClock implements Clock {
  constructor(private ms: number) {}
  now(): Date {
    return new Date(this.ms);
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export const operatorOf = (operatorId: string, fullName: string, role: Operator['role'] = 'operator'): Operator => ({
  operatorId, login: operatorId, fullName, iin: '880101300010', role, workplace: { kind: 'psc', name: 'Астана қ. №1 ХҚО' },
});

export function signIn(session: OperatorSession, operator: Operator): void {
  session.begin(operator, 'token-0123456789abcdef', new Date('2100-01-01T00:00:00Z'));
}

export interface TestApplication {
  readonly id: string;
  readonly serviceId: string;
  readonly operatorId: string;
  readonly acceptedAt: string;
  readonly applicantIin: string;
  readonly applicantName: string;
  readonly registrationNumber?: string;
}

let counter = 0;

/** Stores an application as submission does (with its outbox row), registered when a number is given. */
export async function insertTestApplication(db: SqlJsDatabase, app: TestApplication): Promise<void> {
  const n = ++counter;
  await db.write((w) => {
    w.run(`INSERT INTO registry_snapshots VALUES (?, ?, ?, ?, '{}', ?)`, [`snap-${app.id}`, app.operatorId, `answer-${n}`, app.acceptedAt, app.acceptedAt]);
    insertApplicationWithOutbox(w, {
      id: app.id, operatorId: app.operatorId, snapshotId: `snap-${app.id}`, applicantDisplayName: app.applicantName, representativeDisplayName: null,
      plannedResultDate: null, idempotencyKey: `key-${app.id}`, signatureBlob: null,
      payload: {
        serviceId: app.serviceId, subtype: 'issue', applicant: { kind: 'individual', iin: app.applicantIin }, registryAnswerId: `answer-${n}`, representative: null,
        documents: [{ sha256: 'a'.repeat(64), fileName: 'Өтініш.pdf', mediaType: 'application/pdf', sizeBytes: 10, pageCount: 1 }],
        localNumber: `WS-${app.acceptedAt.slice(0, 10).replaceAll('-', '')}-${String(n).padStart(4, '0')}`, workstationId: 'ws', acceptedAt: app.acceptedAt,
      },
    });
    if (app.registrationNumber) {
      markRegistered(w, app.id, { applicationId: `backend-${app.id}`, registrationNumber: app.registrationNumber, registeredAt: app.acceptedAt, status: 'registered' });
    }
  });
}

export async function openTestDatabase(file: string | null = null): Promise<SqlJsDatabase> {
  return SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
}
