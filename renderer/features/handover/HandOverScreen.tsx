import { useEffect } from 'react';
import type { ApplicationSummary } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { selectServiceTitle } from '../applications/applicationsSelectors';
import { PurgedNote } from '../retention/PurgedNote';
import { ResultViewer } from '../status/ResultViewer';
import { StatusLabel } from '../status/StatusLabel';
import { requestNumberOf } from '../status/statusLabels';
import { HandOverCard } from './HandOverCard';
import { selectHandOverChosen, selectHandOverResults } from './handoverSelectors';

function FoundRow({ application, isChosen }: { readonly application: ApplicationSummary; readonly isChosen: boolean }) {
  const { language } = useTranslator();
  const serviceTitle = useWorkstation((state) => selectServiceTitle(state, application.serviceId, language));
  const chooseForHandOver = useWorkstation((state) => state.chooseForHandOver);
  return (
    <li className={`handover-results__row${isChosen ? ' handover-results__row--chosen' : ''}`} data-testid="handover-result-row">
      <button type="button" className="button button--quiet handover-results__choose" aria-pressed={isChosen} onClick={() => chooseForHandOver(application.applicationId)}>
        <span className="data-table__number">{requestNumberOf(application)}</span>
        {application.purgedAt !== null ? <PurgedNote purgedAt={application.purgedAt} /> : <span>{application.applicant.displayName}</span>}
        <span>{serviceTitle}</span>
      </button>
      <StatusLabel application={application} />
    </li>
  );
}

/**
 * Hand-over of results (Diagram No. 2 step 9, regulations.md W9): the applicant brings the receipt;
 * the operator scans its QR code (the scanner types the application id and Enter) or types a number
 * or IIN/BIN, checks the result with the applicant, prints it and records the hand-over.
 */
export function HandOverScreen() {
  const { t } = useTranslator();
  const query = useWorkstation((state) => state.handOverQuery);
  const search = useWorkstation((state) => state.handOverSearch);
  const results = useWorkstation(selectHandOverResults);
  const chosen = useWorkstation(selectHandOverChosen);
  const editHandOverQuery = useWorkstation((state) => state.editHandOverQuery);
  const findForHandOver = useWorkstation((state) => state.findForHandOver);
  const closeResult = useWorkstation((state) => state.closeResult);
  const run = useRunAction();
  // Leaving the screen closes the viewer, which revokes the result's blob URL.
  useEffect(() => () => closeResult(), [closeResult]);

  const isSearching = search.kind === 'searching';
  return (
    <section className="journal handover">
      <h2 className="step__title">{t('handover.title')}</h2>
      <form
        className="handover__search"
        onSubmit={(event) => {
          event.preventDefault();
          run(findForHandOver());
        }}
      >
        <label className="field">
          <span className="field__label">{t('handover.queryLabel')}</span>
          <input
            className="field__input"
            data-testid="handover-query"
            value={query}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            onChange={(event) => editHandOverQuery(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--primary" data-testid="handover-find" disabled={isSearching || query.trim() === ''}>
          {isSearching ? t('handover.finding') : t('handover.find')}
        </button>
      </form>
      {isSearching && <p role="status">{t('handover.finding')}</p>}
      {search.kind === 'found' && results.length === 0 && (
        <p className="muted" role="status" data-testid="handover-none-found">
          {t('handover.noneFound', { query: search.query })}
        </p>
      )}
      {results.length > 1 && <p className="muted">{t('handover.foundCount', { count: results.length })}</p>}
      {results.length > 0 && (
        <ul className="handover-results">
          {results.map((application) => (
            <FoundRow key={application.applicationId} application={application} isChosen={application.applicationId === chosen?.applicationId} />
          ))}
        </ul>
      )}
      {chosen !== null && <HandOverCard key={chosen.applicationId} application={chosen} />}
      <ResultViewer />
    </section>
  );
}
