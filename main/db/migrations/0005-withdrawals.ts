import type { Migration } from './index';

/**
 * An operator can take an application out of the queue for good (issue #6: "withdraw"). A column
 * rather than a new state value: the state CHECK constraint of 0001 would need a table rebuild, and
 * a withdrawn application keeps the state it had (accepted or needs-attention) for the record.
 */
export const migration0005Withdrawals: Migration = {
  version: 5,
  name: 'withdrawals',
  up(db) {
    db.run(`ALTER TABLE applications ADD COLUMN withdrawn_at TEXT`);
  },
};
