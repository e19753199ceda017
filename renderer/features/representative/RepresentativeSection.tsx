import { useRef, type FormEvent } from 'react';
import type { RepresentativeRule } from '../../../core/workflow/workflowProfiles';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation, useWorkstationShallow } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { IdentifierField } from '../applicant/IdentifierField';
import { IdentifierHintLine } from '../applicant/IdentifierHintLine';
import { selectCanAdvance } from '../workflow/workflowSelectors';
import { PowerOfAttorneyFields } from './PowerOfAttorneyFields';
import { RepresentativeCardView } from './RepresentativeCardView';
import { RepresentativeProblem } from './RepresentativeProblem';
import {
  selectIsRepresented,
  selectRepresentativeIinFeedback,
  selectRepresentativeIinInput,
  selectRepresentativeLookup,
  selectRepresentativeRule,
} from './representativeSelectors';

/**
 * Who applies on the applicant's behalf (regulations.md §3, W2/W3), shown after the applicant card
 * when the service's regulation provides for a representative: [14] the representative's IIN and a
 * notarised PoA checked in БНАЖ (or a PoA certified otherwise, whose data are not entered); [12]
 * only the IIN, checked in the individuals registry.
 */
export function RepresentativeSection() {
  const { t } = useTranslator();
  const rule = useWorkstation(selectRepresentativeRule);
  const isRepresented = useWorkstation(selectIsRepresented);
  const setRepresented = useWorkstation((state) => state.setRepresented);
  const clearRepresentative = useWorkstation((state) => state.clearRepresentative);
  const toggleRef = useRef<HTMLInputElement>(null);
  if (rule === null || rule === 'not-regulated') return null;

  function remove() {
    clearRepresentative();
    toggleRef.current?.focus();
  }

  return (
    <section className="representative" aria-labelledby="representative-title">
      <h3 id="representative-title" className="representative__title">
        {t('representative.title')}
      </h3>
      <label className="checkbox">
        <input
          ref={toggleRef}
          type="checkbox"
          data-testid="representative-toggle"
          checked={isRepresented}
          onChange={(event) => setRepresented(event.target.checked)}
        />
        <span>{t('representative.toggle')}</span>
      </label>
      {isRepresented ? <RepresentativeForm rule={rule} onRemove={remove} /> : <p className="field__hint">{t('representative.inPerson')}</p>}
    </section>
  );
}

function RepresentativeForm({ rule, onRemove }: { readonly rule: Exclude<RepresentativeRule, 'not-regulated'>; readonly onRemove: () => void }) {
  const { t } = useTranslator();
  const input = useWorkstation(selectRepresentativeIinInput);
  const feedback = useWorkstationShallow(selectRepresentativeIinFeedback);
  const lookup = useWorkstation(selectRepresentativeLookup);
  const canAdvance = useWorkstation(selectCanAdvance);
  const editRepresentativeIin = useWorkstation((state) => state.editRepresentativeIin);
  const lookupRepresentative = useWorkstation((state) => state.lookupRepresentative);
  const confirmApplicant = useWorkstation((state) => state.confirmApplicant);
  const run = useRunAction();
  const poaNumberRef = useRef<HTMLInputElement>(null);
  const isBusy = lookup.kind === 'busy';

  // Enter checks the representative; once the check is on screen and nothing else is missing, Enter moves on.
  function submit(event: FormEvent) {
    event.preventDefault();
    if (canAdvance) run(confirmApplicant());
    else if (!isBusy) run(lookupRepresentative());
  }

  function correctPoaNumber() {
    poaNumberRef.current?.focus();
    poaNumberRef.current?.select();
  }

  return (
    <form className="representative__form" onSubmit={submit} aria-busy={isBusy}>
      <p className="step__hint">{t(rule === 'notarised-poa-checked' ? 'representative.rule2014' : 'representative.rule2012')}</p>
      <IdentifierField
        inputId="representative-identifier"
        testId="representative-iin"
        errorTestId="representative-iin-error"
        label={t('representative.iin')}
        description={t('representative.iinHint')}
        value={input}
        feedback={feedback}
        autoFocus
        onChange={editRepresentativeIin}
        hint={<IdentifierHintLine kind="individual" value={input} />}
      />
      {rule === 'notarised-poa-checked' && <PowerOfAttorneyFields numberRef={poaNumberRef} />}
      <div className="step__actions step__actions--start">
        <button type="submit" className="button button--primary" data-testid="representative-lookup" disabled={isBusy}>
          {t('representative.lookup')}
        </button>
      </div>
      {isBusy && (
        <p className="progress" role="status">
          {t('representative.lookupBusy')}
        </p>
      )}
      {lookup.kind === 'failed' && <RepresentativeProblem error={lookup.error} onCorrectPoaNumber={correctPoaNumber} onRemove={onRemove} />}
      {lookup.kind === 'found' && <RepresentativeCardView card={lookup.card} rule={rule} onRemove={onRemove} />}
    </form>
  );
}
