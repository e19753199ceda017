import { useState } from 'react';
import type { DraftView } from '../../../core/contract';
import { draftErrorMessage } from '../../i18n/documentErrorMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { selectServiceById } from '../catalog/catalogSelectors';
import { SUBTYPE_LABELS } from '../catalog/subtypeLabels';
import { pageCountOf } from '../draft/draftSelectors';
import { selectOpenDrafts, selectRecoveryProblem } from './recoverySelectors';
import { formatStartedAt } from './startedAt';

function UnfinishedApplication({ draft, isBusy, onAct }: { readonly draft: DraftView; readonly isBusy: boolean; readonly onAct: (work: Promise<unknown>) => void }) {
  const translator = useTranslator();
  const { t, plural, language } = translator;
  const service = useWorkstation((state) => selectServiceById(state, draft.serviceId));
  const continueDraft = useWorkstation((state) => state.continueDraft);
  const discardOpenDraft = useWorkstation((state) => state.discardOpenDraft);
  const summary = t('recovery.found', {
    service: service?.title[language] ?? draft.serviceId,
    subtype: t(SUBTYPE_LABELS[draft.subtype]),
    applicant: draft.applicantDisplayName ?? t('recovery.noApplicant'),
    pages: plural('recovery.pages', pageCountOf(draft)),
    time: formatStartedAt(draft.createdAt, new Date(), translator),
  });
  return (
    <li className="recovery__item" data-testid="recovery-item">
      <p className="recovery__summary">{summary}</p>
      {!service && <p className="field__hint">{t('recovery.notOffered')}</p>}
      <div className="recovery__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="recovery-continue"
          disabled={isBusy || !service}
          onClick={() => onAct(continueDraft(draft.draftId))}
        >
          {t('recovery.continue')}
        </button>
        <button type="button" className="button" data-testid="recovery-discard" disabled={isBusy} onClick={() => onAct(discardOpenDraft(draft.draftId))}>
          {t('recovery.discard')}
        </button>
      </div>
    </li>
  );
}

/**
 * DESIGN.md §3 scan recovery: the operator's unfinished applications, with everything scanned,
 * offered back after a crash, a power cut, a reload or a logout in the middle of one.
 */
export function RecoveryPanel() {
  const { t } = useTranslator();
  const drafts = useWorkstation(selectOpenDrafts);
  const problem = useWorkstation(selectRecoveryProblem);
  const run = useRunAction();
  const [isBusy, setBusy] = useState(false);

  function act(work: Promise<unknown>) {
    setBusy(true);
    run(work.finally(() => setBusy(false)));
  }

  return (
    <section className="recovery" data-testid="recovery-panel" aria-labelledby="recovery-title">
      <h2 className="recovery__title" id="recovery-title">
        {t('recovery.title')}
      </h2>
      <p className="step__hint">{t('recovery.hint')}</p>
      <ul className="recovery__list">
        {drafts.map((draft) => (
          <UnfinishedApplication key={draft.draftId} draft={draft} isBusy={isBusy} onAct={act} />
        ))}
      </ul>
      {problem && (
        <Notice tone="error" testId="recovery-error">
          {t(draftErrorMessage(problem))}
        </Notice>
      )}
    </section>
  );
}
