import type { AttachedDocument } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { shortDigest, totalBytesOf } from './documentsSelectors';

/** The attached documents as a table; the full SHA-256 is in the tooltip of its short form. */
export function DocumentList({
  documents,
  isBusy,
  onRemove,
}: {
  readonly documents: readonly AttachedDocument[];
  readonly isBusy: boolean;
  readonly onRemove: (documentId: string) => void;
}) {
  const { t, plural, formatBytes } = useTranslator();
  if (documents.length === 0) return <p className="muted">{t('documents.none')}</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('documents.columnName')}</th>
          <th scope="col" className="numeric">
            {t('documents.columnSize')}
          </th>
          <th scope="col">{t('documents.columnDigest')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('documents.remove')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {documents.map((document) => (
          <tr key={document.documentId} data-testid="document-row">
            <td className="data-table__name">{document.fileName}</td>
            <td className="numeric">{formatBytes(document.sizeBytes)}</td>
            <td>
              <code title={document.sha256}>{shortDigest(document.sha256)}</code>
            </td>
            <td className="data-table__action">
              <button
                type="button"
                className="button button--small"
                data-testid="document-remove"
                aria-label={t('documents.removeLabel', { fileName: document.fileName })}
                disabled={isBusy}
                onClick={() => onRemove(document.documentId)}
              >
                {t('documents.remove')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4}>{plural('documents.total', documents.length, { size: formatBytes(totalBytesOf(documents)) })}</td>
        </tr>
      </tfoot>
    </table>
  );
}
