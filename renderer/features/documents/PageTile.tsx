import type { DragEvent } from 'react';
import type { DraftPageView, DraftSlotView } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { selectIsDocumentBusy, selectPageFileName } from './documentsSelectors';
import { allowPageDrop, droppedPageId } from './pageDrag';
import { usePageFocus } from './pageFocus';
import { appendTo, dropOntoPage } from './pageMoves';
import { PageThumb } from './PageThumb';

/** One page in a slot's strip: its picture, where it came from, the blank-page flag, and rotate / delete / move. */
export function PageTile({
  page,
  index,
  slot,
  slots,
}: {
  readonly page: DraftPageView;
  readonly index: number;
  readonly slot: DraftSlotView;
  readonly slots: readonly DraftSlotView[];
}) {
  const { t, language } = useTranslator();
  const fileName = useWorkstation((state) => selectPageFileName(state, page.pageId));
  const isBusy = useWorkstation(selectIsDocumentBusy);
  const movePage = useWorkstation((state) => state.movePage);
  const movePageBy = useWorkstation((state) => state.movePageBy);
  const rotatePage = useWorkstation((state) => state.rotatePage);
  const deletePage = useWorkstation((state) => state.deletePage);
  const { focusPage } = usePageFocus();
  const run = useRunAction();
  const number = index + 1;
  const slotTitle = slot.title[language];
  const caption = fileName ?? t(page.source === 'scanner' ? 'documents.source.scanner' : 'documents.source.import');

  function moveBy(direction: -1 | 1) {
    if (isBusy) return;
    run(movePageBy(page.pageId, direction).then(() => focusPage(page.pageId)));
  }

  function onDrop(event: DragEvent) {
    const draggedId = droppedPageId(event);
    const place = draggedId === null ? null : dropOntoPage(slots, draggedId, page.pageId);
    if (draggedId !== null && place) run(movePage(draggedId, place));
  }

  function moveToSlot(slotId: string) {
    const target = slots.find((candidate) => candidate.slotId === slotId);
    if (target) run(movePage(page.pageId, appendTo(target, page.pageId)));
  }

  return (
    <li className={`page${page.blank ? ' page--blank' : ''}`} data-testid="document-row" onDragOver={allowPageDrop} onDrop={onDrop}>
      <PageThumb page={page} label={t('documents.pageLabel', { number, slot: slotTitle })} onMove={moveBy} />
      <span className="page__caption">
        <span className="page__number">{number}</span> {caption}
      </span>
      {page.blank && (
        <div className="page__blank" data-testid="page-blank">
          <span>{t('documents.blank')}</span>
          <button type="button" className="button button--small" data-testid="page-blank-remove" disabled={isBusy} onClick={() => run(deletePage(page.pageId))}>
            {t('documents.removeBlank')}
          </button>
        </div>
      )}
      <div className="page__tools">
        <button
          type="button"
          className="button button--small"
          data-testid="page-rotate"
          aria-label={t('documents.rotateLabel', { number })}
          title={page.kind === 'pdf' ? t('documents.rotatePdf') : t('documents.rotate')}
          disabled={isBusy || page.kind === 'pdf'}
          onClick={() => run(rotatePage(page.pageId))}
        >
          ↻
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="page-delete"
          aria-label={t('documents.deleteLabel', { number })}
          title={t('documents.delete')}
          disabled={isBusy}
          onClick={() => run(deletePage(page.pageId))}
        >
          ✕
        </button>
        <select
          className="page__move"
          data-testid="page-move-slot"
          aria-label={t('documents.moveToLabel', { number })}
          value=""
          disabled={isBusy}
          onChange={(event) => moveToSlot(event.target.value)}
        >
          <option value="">{t('documents.moveTo')}</option>
          {slots
            .filter((candidate) => candidate.slotId !== slot.slotId)
            .map((candidate) => (
              <option key={candidate.slotId} value={candidate.slotId}>
                {candidate.title[language]}
              </option>
            ))}
        </select>
      </div>
    </li>
  );
}
