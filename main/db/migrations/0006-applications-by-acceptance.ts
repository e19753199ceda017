import type { Migration } from './index';

/**
 * The journal and the queue panel list applications newest first on every status poll; without an
 * index that is a full sort of the table (≈80 ms at 10k applications, on the thread serving the UI).
 */
export const migration0006ApplicationsByAcceptance: Migration = {
  version: 6,
  name: 'applications-by-acceptance',
  up(db) {
    db.run(`CREATE INDEX applications_by_accepted_at ON applications(accepted_at)`);
    db.run(`CREATE INDEX applications_waiting ON applications(state, withdrawn_at)`);
  },
};
