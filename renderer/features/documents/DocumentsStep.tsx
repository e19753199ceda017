import type { ChangeEvent, FormEvent } from 'react';
import { MAX_ATTACHMENT_BYTES } from '../../../core/contract/limits';
import { attachErrorMessage, discardErrorMessage } from '../../i18n/contractErrorMessages';
import type { Message } from '../../i18n/messageCatalog';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { selectCanAdvance } from '../workflow/workflowSelectors';
import { DocumentList } from './DocumentList';
import type { DocumentProblem, FileSource } from './documentsSlice';
import { selectDocumentActivity, selectDocumentProblem, selectDocuments } from './documentsSelectors';
import { readFileAsBase64 } from './readFileAsBase64';

/** What the picker offers; main decides the real type from the bytes, never from the name. */
const ACCEPTED_FILE_TYPES = '.pdf,.jpg,.jpeg,.png,.tif,.tiff';

function toFileSource(file: File): FileSource {
  return { name: file.name, sizeBytes: file.size, readBase64: () => readFileAsBase64(file) };
}

function problemMessage(problem: DocumentProblem): Message {
  return problem.operation === 'attach'
    ? attachErrorMessage(problem.error, problem.fileName)
    : discardErrorMessage(problem.error, problem.fileName);
}

/** Step 3: attach the scans of the paper documents the applicant brought. */
export function DocumentsStep() {
  const { t, render } = useTranslator();
  const documents = useWorkstation(selectDocuments);
  const activity = useWorkstation(selectDocumentActivity);
  const problem = useWorkstation(selectDocumentProblem);
  const canAdvance = useWorkstation(selectCanAdvance);
  const attachDocument = useWorkstation((state) => state.attachDocument);
  const discardDocument = useWorkstation((state) => state.discardDocument);
  const goToStep = useWorkstation((state) => state.goToStep);
  const run = useRunAction();
  const isBusy = activity.kind !== 'idle';

  async function attachAll(files: readonly File[]) {
    for (const file of files) await attachDocument(toFileSource(file));
  }

  function onFilesPicked(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.currentTarget.files ?? []);
    // Cleared so that picking the same file again (after removing it) fires a change.
    event.currentTarget.value = '';
    run(attachAll(files));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (canAdvance) goToStep('review');
  }

  return (
    <form className="step" onSubmit={submit} aria-busy={isBusy}>
      <h2 className="step__title">{t('documents.title')}</h2>
      <p className="step__hint">{t('documents.hint', { maxMb: MAX_ATTACHMENT_BYTES / (1024 * 1024) })}</p>
      <label className="file-picker">
        <input
          className="file-picker__input"
          type="file"
          data-testid="document-file-input"
          accept={ACCEPTED_FILE_TYPES}
          multiple
          autoFocus
          disabled={isBusy}
          onChange={onFilesPicked}
        />
        <span className="button file-picker__button">{t('documents.choose')}</span>
      </label>
      {activity.kind === 'attaching' && (
        <p className="progress" role="status">
          {t('documents.attaching', { fileName: activity.fileName })}
        </p>
      )}
      {problem && (
        <Notice tone="error" testId="document-error">
          {render(problemMessage(problem))}
        </Notice>
      )}
      <DocumentList documents={documents} isBusy={isBusy} onRemove={(documentId) => run(discardDocument(documentId))} />
      <div className="step__actions">
        <button type="submit" className="button button--primary" data-testid="documents-next" disabled={!canAdvance || isBusy}>
          {t('action.next')}
        </button>
      </div>
    </form>
  );
}
