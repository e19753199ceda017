import type { ApplicationSubtype } from '../../../core/backendApi/wire';
import type { MessageKey } from '../../i18n/messageCatalog';
import type { Translator } from '../../i18n/translator';

export const SUBTYPE_LABELS: Readonly<Record<ApplicationSubtype, MessageKey>> = {
  issue: 'subtype.issue',
  reissue: 'subtype.reissue',
  duplicate: 'subtype.duplicate',
};

/** "Deadline: 15 working days", or that the regulation states none (never a guessed figure). */
export function describeDeadline(deadlineWorkingDays: number | null, translator: Pick<Translator, 't' | 'plural'>): string {
  return deadlineWorkingDays === null ? translator.t('deadline.notStated') : translator.plural('deadline.workingDays', deadlineWorkingDays);
}
