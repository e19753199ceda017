import type { FormEvent } from 'react';
import { draftErrorMessage } from '../../i18n/documentErrorMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation, useWorkstationShallow } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { selectDraftProblem, selectDraftSlots } from '../draft/draftSelectors';
import { ScannerPanel } from '../scanning/ScannerPanel';
import { selectCanAdvance } from '../workflow/workflowSelectors';
import { selectActiveSlotId, selectPageProblem } from './documentsSelectors';
import { ImportFiles } from './ImportFiles';
import { PageFocusProvider } from './pageFocus';
import { SlotCard } from './SlotCard';

/** The required slots still without a page, by title: what keeps Next disabled. */
function MissingSlots() {
  const { t, language } = useTranslator();
  const missing = useWorkstationShallow((state) =>
    (state.draft?.slots ?? []).filter((slot) => state.draft?.missingRequiredSlots.includes(slot.slotId)).map((slot) => slot.title[language]),
  );
  if (missing.length === 0) return null;
  return (
    <p className="documents__missing" data-testid="documents-missing">
      {t('documents.missing', { slots: missing.join(', ') })}
    </p>
  );
}

/**
 * Step 3 (W4): for each document slot the operator marks whether it was presented on paper, scans
 * or imports its pages, and puts them in order; everything is kept by main page by page.
 */
export function DocumentsStep() {
  const { t, language } = useTranslator();
  const slots = useWorkstation(selectDraftSlots);
  const activeSlotId = useWorkstation(selectActiveSlotId);
  const pageProblem = useWorkstation(selectPageProblem);
  const draftProblem = useWorkstation(selectDraftProblem);
  const canAdvance = useWorkstation(selectCanAdvance);
  const advance = useWorkstation((state) => state.advance);
  const run = useRunAction();
  const activeTitle = slots.find((slot) => slot.slotId === activeSlotId)?.title[language] ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (canAdvance) run(advance());
  }

  return (
    <PageFocusProvider>
      <form className="step documents" onSubmit={submit}>
        <h2 className="step__title">{t('documents.title')}</h2>
        <p className="step__hint">{t('documents.hint')}</p>
        <div className="documents__layout">
          <ol className="slot-list" aria-label={t('documents.slotsLabel')}>
            {slots.map((slot) => (
              <SlotCard key={slot.slotId} slot={slot} slots={slots} isActive={slot.slotId === activeSlotId} />
            ))}
          </ol>
          <aside className="documents__tools">
            <ScannerPanel slotTitle={activeTitle} />
            <ImportFiles slotTitle={activeTitle} />
          </aside>
        </div>
        {pageProblem && (
          <Notice tone="error" testId="page-error">
            {t(draftErrorMessage(pageProblem))}
          </Notice>
        )}
        {draftProblem?.operation === 'refresh' && (
          <Notice tone="error" testId="draft-error">
            {t(draftErrorMessage(draftProblem.error))}
          </Notice>
        )}
        <MissingSlots />
        <div className="step__actions">
          <button type="submit" className="button button--primary" data-testid="documents-next" disabled={!canAdvance}>
            {t('action.next')}
          </button>
        </div>
      </form>
    </PageFocusProvider>
  );
}
