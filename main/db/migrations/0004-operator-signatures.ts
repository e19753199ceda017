import type { Migration } from './index';

/**
 * The operator's EDS over an application: the detached CMS lives in the encrypted blob store
 * (DESIGN.md §3: signed payloads are blobs, the database stays small), the row names it by SHA-256.
 * Applications accepted before signing existed keep null and are sent unsigned, exactly as accepted.
 */
export const migration0004OperatorSignatures: Migration = {
  version: 4,
  name: 'operator-signatures',
  up(db) {
    db.run(`ALTER TABLE applications ADD COLUMN signature_blob TEXT`);
  },
};
