import { useCallback, useState } from 'react';
import type { ResultDocument } from '../../../core/contract';
import type { Message } from '../../i18n/messageCatalog';
import { useWorkstation } from '../../store/StoreProvider';
import { resultErrorMessage, statusErrorMessage } from './statusErrorMessages';

export type StatusRowAction = 'refresh' | 'output';

export interface StatusRowActions {
  /** Which action is running (one at a time per application), for the button labels and disabling. */
  readonly busy: StatusRowAction | null;
  /** The last action's failure, in the operator's words; cleared when the next one starts. */
  readonly error: Message | null;
  /** Asks main for the provider's status now. */
  refresh(): Promise<void>;
  /** Fetches the result document and hands it to `output` (save on the status screen, print at the hand-over). */
  outputResult(): Promise<void>;
}

/**
 * The two actions the status screen and the hand-over card share for one application: refresh its
 * status, and fetch its result for `output`; each failure becomes the message shown next to the buttons.
 */
export function useStatusRowActions(applicationId: string, output: (document: ResultDocument) => void): StatusRowActions {
  const refreshApplicationStatus = useWorkstation((state) => state.refreshApplicationStatus);
  const fetchResultDocument = useWorkstation((state) => state.fetchResultDocument);
  const [busy, setBusy] = useState<StatusRowAction | null>(null);
  const [error, setError] = useState<Message | null>(null);

  const perform = useCallback(
    async (action: StatusRowAction) => {
      setBusy(action);
      setError(null);
      try {
        if (action === 'refresh') {
          const refreshed = await refreshApplicationStatus(applicationId);
          if (!refreshed.ok) setError(statusErrorMessage(refreshed.error));
          return;
        }
        const document = await fetchResultDocument(applicationId);
        if (!document.ok) setError(resultErrorMessage(document.error));
        else output(document.value);
      } finally {
        setBusy(null);
      }
    },
    [applicationId, refreshApplicationStatus, fetchResultDocument, output],
  );

  const refresh = useCallback(() => perform('refresh'), [perform]);
  const outputResult = useCallback(() => perform('output'), [perform]);
  return { busy, error, refresh, outputResult };
}
