import type { Migration } from './index';

/**
 * Flat status polling (issue 16): every registered application gets its `application_status` row
 * when it is registered (status NULL until the backend first answers, `next_check_at` = the
 * registration), so the poller finds what is due through the `next_check_at` index instead of
 * scanning every registered application on each pass — a pass now costs the same with 10 000
 * applications stored as with none. This backfills the rows of applications registered before.
 */
export const migration0013StatusDueRows: Migration = {
  version: 13,
  name: 'status-due-rows',
  up(db) {
    db.run(`INSERT INTO application_status(application_id, next_check_at)
      SELECT a.id, COALESCE(a.registered_at, a.accepted_at) FROM applications a
      WHERE a.state = 'registered' AND a.withdrawn_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM application_status s WHERE s.application_id = a.id)
        AND NOT EXISTS (SELECT 1 FROM hand_overs h WHERE h.application_id = a.id)`);
    // Handed over before hand-over cleared the schedule: never due again, so out of the index's way.
    db.run(`UPDATE application_status SET next_check_at = NULL
      WHERE next_check_at IS NOT NULL AND EXISTS (SELECT 1 FROM hand_overs h WHERE h.application_id = application_status.application_id)`);
  },
};
