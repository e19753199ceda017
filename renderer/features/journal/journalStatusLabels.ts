import type { JournalVisit } from '../../../core/contract';
import type { MessageKey } from '../../i18n/messageCatalog';

export type JournalStatus = NonNullable<JournalVisit['status']>;

/** Every status a journal visit or count can carry: the provider's, and the workstation's own before and after. */
export const JOURNAL_STATUS_LABELS: Readonly<Record<JournalStatus, MessageKey>> = {
  accepted: 'visitJournal.status.accepted',
  'needs-attention': 'visitJournal.status.needsAttention',
  withdrawn: 'visitJournal.status.withdrawn',
  registered: 'visitJournal.status.registered',
  'under-review': 'visitJournal.status.underReview',
  issued: 'visitJournal.status.issued',
  refused: 'visitJournal.status.refused',
  'ready-for-handover': 'visitJournal.status.readyForHandover',
  'handed-over': 'visitJournal.status.handedOver',
};

export function journalStatusLabelOf(status: string): MessageKey | null {
  return Object.hasOwn(JOURNAL_STATUS_LABELS, status) ? JOURNAL_STATUS_LABELS[status as JournalStatus] : null;
}
