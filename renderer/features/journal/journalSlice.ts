import type { JournalCsv, JournalError, JournalExportKind, JournalFilter, JournalReport } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';
import { localToday } from '../../ui/localToday';
import { selectIsSupervisor } from '../session/sessionSelectors';

export type JournalReportLoad =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly report: JournalReport }
  | { readonly kind: 'failed'; readonly error: Exclude<JournalError, { kind: 'not-signed-in' }> };

export interface JournalReportState {
  /** Visits link to application numbers and statuses: wiped with the citizen data. */
  readonly journalReport: JournalReportLoad;
}

export interface JournalState extends JournalReportState {
  /** The filter being edited; applied (sent) only by loadJournalReport. Today by default. */
  readonly journalFilter: JournalFilter;
}

export interface JournalActions {
  /** Supervisors only; returns whether the supervisor journal opened (it loads today's report if none is loaded). */
  openSupervisorJournal(): boolean;
  editJournalFilter(patch: Partial<JournalFilter>): void;
  loadJournalReport(): Promise<Result<JournalReport, JournalError> | null>;
  /** The CSV of the filter as last edited (null when it is incomplete); the component hands it to the disk. */
  exportJournalCsv(kind: JournalExportKind): Promise<Result<JournalCsv, JournalError> | null>;
}

export type JournalSlice = JournalState & JournalActions;

export const journalReportInitialState: JournalReportState = { journalReport: { kind: 'idle' } };

export function todayFilter(today: string = localToday()): JournalFilter {
  return { from: today, to: today, operatorId: null, serviceId: null };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isFilterComplete(filter: JournalFilter): boolean {
  return ISO_DATE.test(filter.from) && ISO_DATE.test(filter.to) && filter.from <= filter.to;
}

export const createJournalSlice: SliceCreator<JournalSlice> = ({ set, get, api }) => ({
  ...journalReportInitialState,
  journalFilter: todayFilter(),

  openSupervisorJournal() {
    if (!selectIsSupervisor(get())) return false;
    set({ view: 'supervisor-journal' });
    if (get().journalReport.kind === 'idle') void get().loadJournalReport();
    return true;
  },

  editJournalFilter(patch) {
    set({ journalFilter: { ...get().journalFilter, ...patch } });
  },

  async loadJournalReport() {
    const before = get();
    // The date inputs allow an empty date or from after to; main's schema refuses both, so they are never sent.
    if (!isFilterComplete(before.journalFilter)) return null;
    set({ journalReport: { kind: 'loading' } });
    const result = await api.journal.report(before.journalFilter);
    if (get().citizenDataEpoch !== before.citizenDataEpoch) return result;
    if (result.ok) set({ journalReport: { kind: 'loaded', report: result.value } });
    else if (result.error.kind === 'not-signed-in') get().endExpiredSession();
    else set({ journalReport: { kind: 'failed', error: result.error } });
    return result;
  },

  async exportJournalCsv(kind) {
    if (!isFilterComplete(get().journalFilter)) return null;
    const result = await api.journal.exportCsv(get().journalFilter, kind);
    if (!result.ok && result.error.kind === 'not-signed-in') get().endExpiredSession();
    return result;
  },
});
