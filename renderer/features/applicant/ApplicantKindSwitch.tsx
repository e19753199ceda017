import type { ApplicantKind } from '../../../core/catalog/catalogSchema';
import type { MessageKey } from '../../i18n/messageCatalog';
import { useTranslator } from '../../i18n/useTranslator';

const KIND_LABELS: Readonly<Record<ApplicantKind, MessageKey>> = {
  individual: 'applicant.kind.individual',
  'legal-entity': 'applicant.kind.legalEntity',
};

/** Only the kinds the service's regulation allows are offered. */
export function ApplicantKindSwitch({
  kinds,
  current,
  onChoose,
}: {
  readonly kinds: readonly ApplicantKind[];
  readonly current: ApplicantKind | null;
  readonly onChoose: (kind: ApplicantKind) => void;
}) {
  const { t } = useTranslator();
  return (
    <div className="segmented" role="group" aria-label={t('applicant.kindLabel')}>
      {kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          className="segmented__option"
          data-testid={`applicant-kind-${kind}`}
          aria-pressed={kind === current}
          onClick={() => onChoose(kind)}
        >
          {t(KIND_LABELS[kind])}
        </button>
      ))}
    </div>
  );
}
