import { useEffect } from 'react';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { resultErrorMessage } from './statusErrorMessages';

/**
 * The result document (licence, re-issued licence, duplicate or refusal) shown in the app: an
 * iframe on the PDF's blob: URL, so the operator reads it with the applicant without leaving the
 * screen. Escape or the close button closes it and revokes the URL.
 */
export function ResultViewer() {
  const { t, render } = useTranslator();
  const viewer = useWorkstation((state) => state.resultViewer);
  const closeResult = useWorkstation((state) => state.closeResult);
  const isShown = viewer.kind !== 'closed';

  useEffect(() => {
    if (!isShown) return undefined;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.key !== 'Escape') return;
      event.preventDefault();
      closeResult();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [isShown, closeResult]);

  if (viewer.kind === 'closed') return null;
  const closeButton = (
    <button type="button" className="button" data-testid="status-result-close" aria-keyshortcuts="Escape" autoFocus onClick={closeResult}>
      {t('status.viewer.close')} (Esc)
    </button>
  );
  switch (viewer.kind) {
    case 'loading':
      return (
        <section className="result-viewer">
          <p role="status" data-testid="status-result-loading">
            {t('status.loadingResult')}
          </p>
        </section>
      );
    case 'failed':
      return (
        <section className="result-viewer">
          <Notice tone="error" testId="status-result-error">
            {render(resultErrorMessage(viewer.error))}
          </Notice>
          <div className="result-viewer__actions">{closeButton}</div>
        </section>
      );
    case 'open':
      return (
        <section className="result-viewer" data-testid="status-result-viewer" aria-label={t('status.viewer.title', { fileName: viewer.fileName })}>
          <div className="result-viewer__header">
            <h3 className="result-viewer__title">{t('status.viewer.title', { fileName: viewer.fileName })}</h3>
            {closeButton}
          </div>
          <iframe className="result-viewer__frame" data-testid="status-result-frame" src={viewer.url} title={viewer.fileName} />
        </section>
      );
  }
}
