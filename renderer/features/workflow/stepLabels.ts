import type { MessageKey } from '../../i18n/messageCatalog';
import type { ApplicationStep } from './applicationSteps';

export const STEP_LABELS: Readonly<Record<ApplicationStep, MessageKey>> = {
  service: 'step.service',
  applicant: 'step.applicant',
  documents: 'step.documents',
  review: 'step.review',
};
