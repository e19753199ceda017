import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { UnsignedSubmission } from '../../core/signing/signedPayload';
import { insertApplicationWithOutbox, listDueOutbox } from './applications';
import { MIGRATIONS } from './migrations';
import { SqlJsDatabase } from './SqlJsDatabase';
import { unsignedPayload } from './testSupport/unsignedPayload';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');

describe('listDueOutbox', () => {
  it('lists what is due, in due order, each with its applicant for the per-applicant lanes', async () => {
    const db = await SqlJsDatabase.open({ file: null, wasmPath, migrations: MIGRATIONS });
    await db.write((w) => {
      w.run(`INSERT INTO registry_snapshots VALUES ('snap-1', 'op-1', 'answer-1', '2026-11-23T05:00:00.000Z', '{}', '2026-11-23T05:00:00.000Z')`);
      const applicants: UnsignedSubmission['applicant'][] = [
        { kind: 'legal-entity', bin: '150340999016' },
        { kind: 'individual', iin: '850101399014' },
        { kind: 'legal-entity', bin: '150340999016' },
      ];
      applicants.forEach((applicant, i) =>
        insertApplicationWithOutbox(w, {
          id: `app-${i}`, operatorId: 'op-1', snapshotId: 'snap-1', applicantDisplayName: 'x', representativeDisplayName: null,
          plannedResultDate: null, idempotencyKey: `key-${i}`, signatureBlob: null,
          payload: unsignedPayload(i, applicant, `2026-11-23T05:0${i}:00.000Z`),
        }),
      );
    });
    expect(db.read((r) => listDueOutbox(r, '2026-11-23T05:01:30.000Z'))).toEqual([
      { applicationId: 'app-0', attempts: 0, nextAttemptAt: '2026-11-23T05:00:00.000Z', applicantKey: 'bin:150340999016' },
      { applicationId: 'app-1', attempts: 0, nextAttemptAt: '2026-11-23T05:01:00.000Z', applicantKey: 'iin:850101399014' },
    ]);
    expect(db.read((r) => listDueOutbox(r, '2026-11-23T06:00:00.000Z')).map((e) => e.applicantKey)).toEqual([
      'bin:150340999016', 'iin:850101399014', 'bin:150340999016',
    ]);
  });
});
