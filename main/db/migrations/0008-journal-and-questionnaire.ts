import type { Migration } from './index';

/**
 * The journal of counter visits with their step marks, and the quality questionnaire answers
 * (issue #7 items 4 and 5). Metadata only: numbers, steps, times and operators — never an
 * applicant's IIN or name (the visit reaches those only through its application, at report time).
 *
 * - `journal_visits`: one applicant at the counter; `application_id` is linked once the
 *   application exists (after submission, or when found for hand-over) and never changes after;
 *   `service_id` is the service chosen before there was an application (the timer's norms).
 * - `journal_step_marks`: each step reached, in order (`seq`); main's clock stamps `at`.
 * - `questionnaire_answers`: one per application (the primary key makes a second one impossible),
 *   with the operator at the counter.
 */
export const migration0008JournalAndQuestionnaire: Migration = {
  version: 8,
  name: 'journal-and-questionnaire',
  up(db) {
    db.run(`CREATE TABLE journal_visits (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('acceptance', 'handover')),
      operator_id TEXT NOT NULL,
      operator_name TEXT NOT NULL,
      application_id TEXT REFERENCES applications(id),
      service_id TEXT,
      started_at TEXT NOT NULL,
      ended_at TEXT)`);
    db.run(`CREATE INDEX journal_visits_by_start ON journal_visits(started_at)`);
    db.run(`CREATE TABLE journal_step_marks (
      visit_id TEXT NOT NULL REFERENCES journal_visits(id),
      seq INTEGER NOT NULL,
      step TEXT NOT NULL CHECK (step IN ('service', 'applicant', 'documents', 'review', 'receipt', 'find', 'result', 'handover', 'questionnaire')),
      at TEXT NOT NULL,
      PRIMARY KEY (visit_id, seq))`);
    db.run(`CREATE TABLE questionnaire_answers (
      application_id TEXT PRIMARY KEY REFERENCES applications(id),
      quality INTEGER NOT NULL CHECK (quality IN (0, 1, 2)),
      accessibility INTEGER NOT NULL CHECK (accessibility IN (0, 1, 2)),
      answered_at TEXT NOT NULL,
      operator_id TEXT NOT NULL,
      operator_name TEXT NOT NULL)`);
    db.run(`CREATE INDEX questionnaire_answers_by_time ON questionnaire_answers(answered_at)`);
  },
};
