import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { selectDraftSlots } from '../draft/draftSelectors';

/** Each document slot with its page count and the "presented on paper" mark (W4), as they will be submitted. */
export function ReviewDocumentsRow() {
  const { t, plural, language } = useTranslator();
  const slots = useWorkstation(selectDraftSlots);
  return (
    <div className="summary__row">
      <dt>{t('review.documents')}</dt>
      <dd>
        <ul className="summary__documents">
          {slots.map((slot) => (
            <li key={slot.slotId} data-testid={`review-slot-${slot.slotId}`} className={slot.pages.length === 0 ? 'muted' : undefined}>
              {slot.title[language]} — {slot.pages.length === 0 ? t('review.noPages') : plural('documents.pages', slot.pages.length)}
              {' · '}
              {t(slot.presentedOnPaper ? 'review.presentedOnPaper' : 'review.notPresentedOnPaper')}
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}
