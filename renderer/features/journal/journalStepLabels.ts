import type { JournalStep } from '../../../core/contract';
import type { MessageKey } from '../../i18n/messageCatalog';

/** The journal's step names, shared by the header timer and the supervisor journal. */
export const JOURNAL_STEP_LABELS: Readonly<Record<JournalStep, MessageKey>> = {
  service: 'journalStep.service',
  applicant: 'journalStep.applicant',
  documents: 'journalStep.documents',
  review: 'journalStep.review',
  receipt: 'journalStep.receipt',
  find: 'journalStep.find',
  result: 'journalStep.result',
  handover: 'journalStep.handover',
  questionnaire: 'journalStep.questionnaire',
};
