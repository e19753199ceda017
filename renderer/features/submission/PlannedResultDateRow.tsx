import { useEffect } from 'react';
import { deadlinePreviewErrorMessage } from '../../i18n/contractErrorMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { selectDeadlineKey, selectDeadlinePreview } from './deadlinePreviewSelectors';
import { plannedDateText } from './plannedDateText';

/** The planned result date if the application is accepted now, asked of main whenever the service or subtype changes. */
export function PlannedResultDateRow() {
  const translator = useTranslator();
  const { t } = translator;
  const load = useWorkstation(selectDeadlinePreview);
  const serviceId = useWorkstation((state) => selectDeadlineKey(state)?.serviceId ?? null);
  const subtype = useWorkstation((state) => selectDeadlineKey(state)?.subtype ?? null);
  const loadDeadlinePreview = useWorkstation((state) => state.loadDeadlinePreview);
  const run = useRunAction();

  useEffect(() => {
    if (serviceId !== null && subtype !== null) run(loadDeadlinePreview());
  }, [run, loadDeadlinePreview, serviceId, subtype]);

  let text: string;
  switch (load.kind) {
    case 'idle':
    case 'loading':
      text = t('plannedDate.loading');
      break;
    case 'failed':
      text = t(deadlinePreviewErrorMessage(load.error));
      break;
    case 'loaded':
      text = plannedDateText(load.preview, translator);
      break;
  }

  return (
    <div className="summary__row">
      <dt>{t('review.plannedResultDate')}</dt>
      <dd aria-live="polite">
        <span data-testid="planned-result-date">{text}</span>
        {load.kind === 'loaded' && <span className="summary__sub">{t('review.acceptedOn', { date: translator.formatDate(load.preview.acceptedOn) })}</span>}
      </dd>
    </div>
  );
}
