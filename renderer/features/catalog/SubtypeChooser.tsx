import type { ApplicationSubtype } from '../../../core/backendApi/wire';
import type { ServiceSummary } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { describeDeadline, SUBTYPE_LABELS } from './subtypeLabels';

/** Issue / re-issue / duplicate of the chosen service, each with its deadline in working days. */
export function SubtypeChooser({
  service,
  selected,
  shouldFocus,
  onSelect,
}: {
  readonly service: ServiceSummary;
  readonly selected: ApplicationSubtype | null;
  /** True right after the operator picked the service, so the keyboard continues here. */
  readonly shouldFocus: boolean;
  readonly onSelect: (subtype: ApplicationSubtype) => void;
}) {
  const translator = useTranslator();
  return (
    <fieldset className="subtypes">
      <legend className="subtypes__legend">{translator.t('service.subtypeTitle')}</legend>
      <div className="subtypes__options">
        {service.subtypes.map((subtype, index) => (
          <button
            key={subtype.id}
            type="button"
            className="subtype-option"
            data-testid={`subtype-${subtype.id}`}
            aria-pressed={subtype.id === selected}
            autoFocus={shouldFocus && index === 0}
            title={subtype.deadlineQuoteKk ?? undefined}
            onClick={() => onSelect(subtype.id)}
          >
            <span className="subtype-option__label">{translator.t(SUBTYPE_LABELS[subtype.id])}</span>
            <span className="subtype-option__deadline">{describeDeadline(subtype.deadlineWorkingDays, translator)}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}
