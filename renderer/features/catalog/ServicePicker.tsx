import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ApplicationSubtype } from '../../../core/backendApi/wire';
import { draftErrorMessage } from '../../i18n/documentErrorMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation, useWorkstationShallow } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { pageCountOf, selectDraftActivity, selectDraftProblem, selectIsDraftForChosenService } from '../draft/draftSelectors';
import { selectCanAdvance } from '../workflow/workflowSelectors';
import {
  selectIsCatalogLoading,
  selectOfferedServices,
  selectSelectedService,
  selectSelectedSubtype,
  selectServiceQuery,
  selectVisibleServices,
} from './catalogSelectors';
import { ServiceOption } from './ServiceOption';
import { SubtypeChooser } from './SubtypeChooser';

/**
 * Step 1: find the service by any word of its title, then pick issue / re-issue / duplicate. Main
 * lists only the version of each activity marked current in settings.
 */
export function ServicePicker() {
  const { t, plural } = useTranslator();
  const query = useWorkstation(selectServiceQuery);
  const services = useWorkstationShallow(selectVisibleServices);
  const offeredCount = useWorkstation((state) => selectOfferedServices(state).length);
  const isLoading = useWorkstation(selectIsCatalogLoading);
  const selected = useWorkstation(selectSelectedService);
  const subtype = useWorkstation(selectSelectedSubtype);
  const canAdvance = useWorkstation(selectCanAdvance);
  const setServiceQuery = useWorkstation((state) => state.setServiceQuery);
  const selectService = useWorkstation((state) => state.selectService);
  const selectSubtype = useWorkstation((state) => state.selectSubtype);
  const advance = useWorkstation((state) => state.advance);
  const isStarting = useWorkstation((state) => selectDraftActivity(state).kind === 'starting');
  const draftProblem = useWorkstation(selectDraftProblem);
  // Another service or subtype than the draft's opens a new draft: its pages would be discarded.
  const pagesToDiscard = useWorkstation((state) => (state.draft && !selectIsDraftForChosenService(state) ? pageCountOf(state.draft) : 0));
  const run = useRunAction();

  const [focusTarget, setFocusTarget] = useState<'subtypes' | 'next' | null>(null);
  const nextRef = useRef<HTMLButtonElement>(null);

  // The Next button becomes enabled only after the store update, so focus moves in an effect.
  useEffect(() => {
    if (focusTarget === 'next' && canAdvance) nextRef.current?.focus();
  }, [focusTarget, canAdvance]);

  function pickService(serviceId: string) {
    selectService(serviceId);
    setFocusTarget('subtypes');
  }

  function pickSubtype(chosen: ApplicationSubtype) {
    selectSubtype(chosen);
    setFocusTarget('next');
  }

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || canAdvance) return;
    // Enter in the search box takes the best (first) match, like any search field.
    event.preventDefault();
    const first = services[0];
    if (first) pickService(first.id);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (canAdvance) run(advance());
  }

  return (
    <form className="step" onSubmit={submit}>
      <h2 className="step__title">{t('service.title')}</h2>
      <p className="step__hint">{t('service.currentVersionsNote')}</p>
      <label className="field">
        <span className="field__label">{t('service.search')}</span>
        <input
          className="field__input"
          type="search"
          data-testid="service-search"
          autoFocus
          autoComplete="off"
          placeholder={t('service.searchPlaceholder')}
          value={query}
          onChange={(event) => setServiceQuery(event.target.value)}
          onKeyDown={onSearchKeyDown}
        />
      </label>
      {isLoading ? (
        <p role="status">{t('service.loading')}</p>
      ) : offeredCount === 0 ? (
        <p className="muted">{t('service.noneOffered')}</p>
      ) : services.length === 0 ? (
        <p className="muted">{t('service.noMatch')}</p>
      ) : (
        <ul className="service-list">
          {services.map((service) => (
            <li key={service.id}>
              <ServiceOption service={service} isSelected={service.id === selected?.id} onSelect={pickService} />
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <SubtypeChooser
          key={selected.id}
          service={selected}
          selected={subtype}
          shouldFocus={focusTarget === 'subtypes'}
          onSelect={pickSubtype}
        />
      )}
      {pagesToDiscard > 0 && (
        <Notice tone="warning" testId="service-change-warning">
          {plural('service.changeDiscardsPages', pagesToDiscard)}
        </Notice>
      )}
      {draftProblem?.operation === 'start' && (
        <Notice tone="error" testId="draft-error">
          {t(draftErrorMessage(draftProblem.error))}
        </Notice>
      )}
      <div className="step__actions">
        <button ref={nextRef} type="submit" className="button button--primary" data-testid="service-next" disabled={!canAdvance}>
          {isStarting ? t('service.opening') : t('action.next')}
        </button>
      </div>
    </form>
  );
}
