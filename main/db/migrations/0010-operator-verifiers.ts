import type { Migration } from './index';

/**
 * Operator accounts on this workstation (issue #8 item 2). Never a password:
 *
 * - `operator_verifiers`: one per login (normalised), written after each successful online login:
 *   the operator's profile as the backend stated it (the operator's own IIN included, as the
 *   signed-in profile carries it) and an scrypt verifier of the password with its parameters, so a
 *   later offline login through an outage can check the password. `online_login_at` dates it: the
 *   verifier expires a configured number of days after it.
 * - `login_lockouts`: failed attempts per login (online or offline) in the current window and the
 *   time a lockout ends; kept across restarts so closing the app does not reset the count.
 */
export const migration0010OperatorVerifiers: Migration = {
  version: 10,
  name: 'operator-verifiers',
  up(db) {
    db.run(`CREATE TABLE operator_verifiers (
      login TEXT PRIMARY KEY,
      profile_json TEXT NOT NULL,
      verifier_json TEXT NOT NULL,
      online_login_at TEXT NOT NULL)`);
    db.run(`CREATE TABLE login_lockouts (
      login TEXT PRIMARY KEY,
      failures INTEGER NOT NULL CHECK (failures >= 0),
      window_started_at TEXT NOT NULL,
      locked_until TEXT)`);
  },
};
