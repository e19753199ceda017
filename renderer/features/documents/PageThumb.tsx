import { useEffect, useRef, type DragEvent, type KeyboardEvent } from 'react';
import type { DraftPageView } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { selectThumbnail } from './documentsSelectors';
import { startPageDrag } from './pageDrag';
import { usePageFocus } from './pageFocus';

/**
 * The picture of a page: the thumbnail main made, a PDF mark for a page kept as PDF (it has no
 * thumbnail), or a placeholder while loading. Focusable and draggable: Alt+↑/↓ and drag move it.
 */
export function PageThumb({
  page,
  label,
  onMove,
}: {
  readonly page: DraftPageView;
  readonly label: string;
  readonly onMove: (direction: -1 | 1) => void;
}) {
  const { t } = useTranslator();
  const thumbnail = useWorkstation((state) => selectThumbnail(state, page.pageId));
  const { request } = usePageFocus();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (request?.pageId === page.pageId) ref.current?.focus();
  }, [request, page.pageId]);

  function onKeyDown(event: KeyboardEvent) {
    if (!event.altKey || event.ctrlKey || event.shiftKey || event.metaKey) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    onMove(event.key === 'ArrowUp' ? -1 : 1);
  }

  return (
    <div
      ref={ref}
      className={`page-thumb page-thumb--${page.kind}`}
      data-testid="page-thumb"
      data-page-id={page.pageId}
      tabIndex={0}
      role="img"
      aria-label={label}
      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
      title={label}
      draggable
      onDragStart={(event: DragEvent) => startPageDrag(event, page.pageId)}
      onKeyDown={onKeyDown}
    >
      {page.kind === 'pdf' ? (
        <span className="page-thumb__pdf" aria-hidden="true">
          PDF
        </span>
      ) : thumbnail ? (
        <img className="page-thumb__image" src={thumbnail} alt="" draggable={false} />
      ) : (
        <span className="page-thumb__placeholder" aria-hidden="true">
          {thumbnail === null ? t('documents.thumbUnavailable') : '…'}
        </span>
      )}
    </div>
  );
}
