import { useState, type DragEvent } from 'react';
import type { DraftSlotView } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { selectIsDocumentBusy } from './documentsSelectors';
import { allowPageDrop, droppedPageId } from './pageDrag';
import { appendTo } from './pageMoves';
import { PageTile } from './PageTile';

function SlotStatus({ slot }: { readonly slot: DraftSlotView }) {
  const { t } = useTranslator();
  const hasPages = slot.pages.length > 0;
  const kind = hasPages ? 'complete' : slot.required ? 'missing' : 'optional';
  return (
    <span className={`slot__status slot__status--${kind}`} data-testid={`slot-status-${slot.slotId}`}>
      {hasPages ? <span aria-label={t('documents.status.complete')}>✓</span> : t(slot.required ? 'documents.status.missing' : 'documents.status.optional')}
    </span>
  );
}

/**
 * One document the applicant presents (W4): its "presented on paper" mark and its pages. Clicking
 * it makes it the slot scans and imports go to; a page dropped on it (outside its pages) goes last.
 */
export function SlotCard({ slot, slots, isActive }: { readonly slot: DraftSlotView; readonly slots: readonly DraftSlotView[]; readonly isActive: boolean }) {
  const { t, plural, language } = useTranslator();
  const isBusy = useWorkstation(selectIsDocumentBusy);
  const chooseSlot = useWorkstation((state) => state.chooseSlot);
  const setPresentedOnPaper = useWorkstation((state) => state.setPresentedOnPaper);
  const movePage = useWorkstation((state) => state.movePage);
  const run = useRunAction();
  const [isDropTarget, setDropTarget] = useState(false);
  // The tick shows at once; main's answer (or its refusal) replaces it when it comes.
  const [pendingPresented, setPendingPresented] = useState<boolean | null>(null);
  const title = slot.title[language];
  const className = ['slot', isActive ? 'slot--active' : '', isDropTarget ? 'slot--drop-target' : '', slot.required && slot.pages.length === 0 ? 'slot--missing' : '']
    .filter(Boolean)
    .join(' ');

  function togglePresented(presented: boolean) {
    setPendingPresented(presented);
    run(setPresentedOnPaper(slot.slotId, presented).finally(() => setPendingPresented(null)));
  }

  function onDragOver(event: DragEvent) {
    if (allowPageDrop(event)) setDropTarget(true);
  }

  function onDrop(event: DragEvent) {
    setDropTarget(false);
    const pageId = droppedPageId(event);
    if (pageId !== null) run(movePage(pageId, appendTo(slot, pageId)));
  }

  return (
    <li className={className} data-testid={`slot-${slot.slotId}`} onClick={() => chooseSlot(slot.slotId)} onDragOver={onDragOver} onDragLeave={() => setDropTarget(false)} onDrop={onDrop}>
      <div className="slot__header">
        <button type="button" className="slot__title" data-testid={`slot-select-${slot.slotId}`} aria-pressed={isActive} title={t('documents.selectSlot')}>
          {title}
        </button>
        {slot.required && <span className="badge badge--required">{t('documents.required')}</span>}
        <span className="slot__count">{plural('documents.pages', slot.pages.length)}</span>
        <SlotStatus slot={slot} />
        {isActive && (
          <span className="badge badge--active" data-testid="slot-active">
            {t('documents.activeSlot')}
          </span>
        )}
      </div>
      <label className="checkbox slot__presented">
        <input
          type="checkbox"
          data-testid={`slot-presented-${slot.slotId}`}
          checked={pendingPresented ?? slot.presentedOnPaper}
          disabled={isBusy}
          onChange={(event) => togglePresented(event.target.checked)}
        />
        {t('documents.presented')}
      </label>
      {slot.pages.length === 0 ? (
        <p className="slot__empty">{t('documents.noPages')}</p>
      ) : (
        <ol className="page-strip" aria-label={t('documents.pagesOf', { slot: title })}>
          {slot.pages.map((page, index) => (
            <PageTile key={page.pageId} page={page} index={index} slot={slot} slots={slots} />
          ))}
        </ol>
      )}
    </li>
  );
}
