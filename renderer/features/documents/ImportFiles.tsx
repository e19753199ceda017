import type { ChangeEvent } from 'react';
import { MAX_ATTACHMENT_BYTES } from '../../../core/contract/limits';
import { importErrorMessage } from '../../i18n/documentErrorMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { selectIsScanning } from '../scanning/scanningSelectors';
import { selectDocumentActivity, selectImportFailures } from './documentsSelectors';
import type { FileSource } from './documentsSlice';
import { readFileAsBase64 } from './readFileAsBase64';

/** What the picker offers; main decides the real type from the bytes, never from the name. */
export const ACCEPTED_FILE_TYPES = '.pdf,.jpg,.jpeg,.png,.tif,.tiff';

function toFileSource(file: File): FileSource {
  return { name: file.name, sizeBytes: file.size, readBase64: () => readFileAsBase64(file) };
}

/** Files scanned elsewhere (a network MFP, a USB stick) go into the active slot, page by page. */
export function ImportFiles({ slotTitle }: { readonly slotTitle: string | null }) {
  const { t, render } = useTranslator();
  const activity = useWorkstation(selectDocumentActivity);
  const failures = useWorkstation(selectImportFailures);
  const isScanning = useWorkstation(selectIsScanning);
  const importFiles = useWorkstation((state) => state.importFiles);
  const cancelImport = useWorkstation((state) => state.cancelImport);
  const run = useRunAction();
  // One acquisition at a time: pages of a file and of a running batch would interleave in the operator's eyes.
  const isDisabled = activity.kind !== 'idle' || isScanning || slotTitle === null;

  function onFilesPicked(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.currentTarget.files ?? []).map(toFileSource);
    // Cleared so that picking the same file again (after deleting its pages) fires a change.
    event.currentTarget.value = '';
    run(importFiles(files));
  }

  return (
    <section className="import-files" aria-labelledby="import-files-title">
      <h3 className="tools__title" id="import-files-title">
        {t('import.title')}
      </h3>
      <label className="file-picker">
        <input
          className="file-picker__input"
          type="file"
          data-testid="import-file-input"
          accept={ACCEPTED_FILE_TYPES}
          multiple
          disabled={isDisabled}
          onChange={onFilesPicked}
        />
        <span className="button file-picker__button">{t('import.button')}</span>
      </label>
      {/* Alias of the input above for the end-to-end tests written before the scanner (test/e2e/thinFlow.spec.ts). */}
      <input
        className="visually-hidden"
        type="file"
        data-testid="document-file-input"
        accept={ACCEPTED_FILE_TYPES}
        multiple
        tabIndex={-1}
        aria-hidden="true"
        disabled={isDisabled}
        onChange={onFilesPicked}
      />
      <p className="field__hint">{t('import.hint', { maxMb: MAX_ATTACHMENT_BYTES / (1024 * 1024), slot: slotTitle ?? '—' })}</p>
      {activity.kind === 'importing' && (
        <div className="progress import-progress" role="status" data-testid="import-progress">
          {activity.pageCount === null ? (
            <progress value={activity.fileIndex} max={activity.fileCount} />
          ) : (
            <progress value={activity.pagesDone} max={activity.pageCount} data-testid="import-page-progress" />
          )}
          <span data-testid="import-progress-text">
            {activity.pageCount !== null && activity.pageCount > 1
              ? t('import.progressPages', { fileName: activity.fileName, page: Math.min(activity.pagesDone + 1, activity.pageCount), pages: activity.pageCount })
              : t('import.progress', { fileName: activity.fileName, current: activity.fileIndex + 1, total: activity.fileCount })}
          </span>
          <button type="button" className="button" data-testid="import-cancel" disabled={activity.isCancelling} onClick={() => run(cancelImport())}>
            {t('import.cancel')}
          </button>
        </div>
      )}
      {failures.length > 0 && (
        <Notice tone="error" testId="import-error">
          {failures.map((failure, index) => (
            <p key={`${failure.fileName}-${index}`}>{render(importErrorMessage(failure.error, failure.fileName))}</p>
          ))}
        </Notice>
      )}
    </section>
  );
}
