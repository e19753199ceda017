import { useRef, type FormEvent } from 'react';
import { lookupErrorMessage } from '../../i18n/contractErrorMessages';
import { draftErrorMessage } from '../../i18n/documentErrorMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation, useWorkstationShallow } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { selectDraft, selectDraftActivity, selectDraftProblem, selectIsDraftApplicantKept } from '../draft/draftSelectors';
import { RepresentativeSection } from '../representative/RepresentativeSection';
import { selectIsRepresentativeStopped } from '../representative/representativeSelectors';
import { selectCanAdvance } from '../workflow/workflowSelectors';
import { ApplicantCardView, blockerMessage } from './ApplicantCardView';
import { ApplicantKindSwitch } from './ApplicantKindSwitch';
import { ApplicationStopped } from './ApplicationStopped';
import {
  selectAllowedApplicantKinds,
  selectApplicantBlocker,
  selectApplicantKind,
  selectApplicantLookup,
  selectIdentifierFeedback,
  selectIdentifierInput,
  selectIsApplicantAccepted,
  selectIsApplicationStopped,
} from './applicantSelectors';
import { IdentifierField } from './IdentifierField';
import { IdentifierHintLine } from './IdentifierHintLine';

/**
 * Step 2: IIN or BIN, lookup in the state registry and the answer (or why the application stops);
 * then, where the service's regulation provides for one, the representative and their PoA.
 */
export function ApplicantStep() {
  const { t } = useTranslator();
  const kinds = useWorkstationShallow(selectAllowedApplicantKinds);
  const kind = useWorkstation(selectApplicantKind);
  const input = useWorkstation(selectIdentifierInput);
  const feedback = useWorkstationShallow(selectIdentifierFeedback);
  const lookup = useWorkstation(selectApplicantLookup);
  const blocker = useWorkstation(selectApplicantBlocker);
  const isAccepted = useWorkstation(selectIsApplicantAccepted);
  const isStopped = useWorkstation((state) => selectIsApplicationStopped(state) || selectIsRepresentativeStopped(state));
  const canAdvance = useWorkstation(selectCanAdvance);
  const chooseApplicantKind = useWorkstation((state) => state.chooseApplicantKind);
  const editIdentifier = useWorkstation((state) => state.editIdentifier);
  const lookupApplicant = useWorkstation((state) => state.lookupApplicant);
  const confirmApplicant = useWorkstation((state) => state.confirmApplicant);
  const isKept = useWorkstation(selectIsDraftApplicantKept);
  const keptName = useWorkstation((state) => selectDraft(state)?.applicantDisplayName ?? null);
  const isRecording = useWorkstation((state) => selectDraftActivity(state).kind === 'recording-parties');
  const draftProblem = useWorkstation(selectDraftProblem);
  const run = useRunAction();
  const inputRef = useRef<HTMLInputElement>(null);

  const isBusy = lookup.kind === 'busy';

  // Enter looks the applicant up; once an acceptable answer is on screen, Enter moves on. An
  // applicant already found is not asked again: the representative may still need checking.
  function submit(event: FormEvent) {
    event.preventDefault();
    if (canAdvance) run(confirmApplicant());
    else if (!isBusy && !isAccepted && !isKept) run(lookupApplicant());
  }

  function chooseKind(next: Parameters<typeof chooseApplicantKind>[0]) {
    chooseApplicantKind(next);
    inputRef.current?.focus();
  }

  if (kind === null) return null;

  return (
    <div className="step">
      <form className="step__part" onSubmit={submit} aria-busy={isBusy}>
        <h2 className="step__title">{t('applicant.title')}</h2>
        <ApplicantKindSwitch kinds={kinds} current={kind} onChoose={chooseKind} />
        <IdentifierField
          inputId="applicant-identifier"
          testId="applicant-id"
          errorTestId="applicant-id-error"
          label={t(kind === 'individual' ? 'applicant.iin' : 'applicant.bin')}
          description={t(kind === 'individual' ? 'applicant.iinHint' : 'applicant.binHint')}
          value={input}
          feedback={feedback}
          inputRef={inputRef}
          autoFocus
          onChange={editIdentifier}
          hint={<IdentifierHintLine kind={kind} value={input} />}
          action={
            <button type="submit" className="button button--primary" data-testid="applicant-lookup" disabled={isBusy}>
              {t('applicant.lookup')}
            </button>
          }
        />
        {lookup.kind === 'busy' && (
          <p className="progress" role="status">
            {t('applicant.lookupBusy')}
          </p>
        )}
        {lookup.kind === 'failed' &&
          (lookup.error.kind === 'not-found' ? (
            <ApplicationStopped reason={t(lookupErrorMessage(lookup.error))} testId="lookup-error" />
          ) : (
            <Notice tone="error" testId="lookup-error">
              {t(lookupErrorMessage(lookup.error))}
            </Notice>
          ))}
        {lookup.kind === 'found' && <ApplicantCardView card={lookup.card} blocker={blocker} />}
        {blocker && <ApplicationStopped reason={t(blockerMessage(blocker))} testId="applicant-blocker" />}
        {isKept && (
          <Notice tone="info" testId="applicant-kept">
            {t('applicant.kept', { name: keptName ?? '—' })}
          </Notice>
        )}
      </form>
      {isAccepted && <RepresentativeSection />}
      {draftProblem?.operation === 'parties' && (
        <Notice tone="error" testId="parties-error">
          {t(draftErrorMessage(draftProblem.error))}
        </Notice>
      )}
      {!isStopped && (
        <div className="step__actions">
          <button type="button" className="button button--primary" data-testid="applicant-next" disabled={!canAdvance} onClick={() => run(confirmApplicant())}>
            {isRecording ? t('applicant.recording') : t('action.next')}
          </button>
        </div>
      )}
    </div>
  );
}
