import type { RepresentativeCard } from '../../../core/contract';
import type { PowerOfAttorneyRecord } from '../../../core/backendApi/wire';
import type { RepresentativeRule } from '../../../core/workflow/workflowProfiles';
import { useTranslator } from '../../i18n/useTranslator';
import { CardRow } from '../../ui/CardRow';
import { applicantDisplayName } from '../applicant/applicantSelectors';

function principalOf(poa: PowerOfAttorneyRecord, identifierLabel: (kind: 'iin' | 'bin') => string): string {
  const principal = poa.principal;
  return principal.kind === 'individual'
    ? `${principal.fullName} (${identifierLabel('iin')} ${principal.iin})`
    : `${principal.name} (${identifierLabel('bin')} ${principal.bin})`;
}

function PowerOfAttorneyRows({ poa }: { readonly poa: PowerOfAttorneyRecord }) {
  const { t, formatDate } = useTranslator();
  return (
    <>
      <CardRow label={t('card.powerOfAttorney')}>{t('card.poaNumberValue', { number: poa.number })}</CardRow>
      <CardRow label={t('card.notary')}>{poa.notary}</CardRow>
      <CardRow label={t('card.poaValidity')}>
        {t('card.poaValidityValue', { issuedOn: formatDate(poa.issuedOn), validUntil: formatDate(poa.validUntil) })}
      </CardRow>
      <CardRow label={t('card.principal')}>{principalOf(poa, (kind) => t(kind === 'iin' ? 'card.iin' : 'card.bin'))}</CardRow>
    </>
  );
}

/** The representative as the registries answered, to compare with their ID card and the PoA in hand. */
export function RepresentativeCardView({
  card,
  rule,
  onRemove,
}: {
  readonly card: RepresentativeCard;
  readonly rule: Exclude<RepresentativeRule, 'not-regulated'>;
  readonly onRemove: () => void;
}) {
  const { t, formatDate } = useTranslator();
  const person = card.person;
  return (
    <section className="applicant-card representative-card" data-testid="representative-card" aria-label={t('card.representative')}>
      <dl className="applicant-card__rows">
        <CardRow label={t('card.fullName')}>{applicantDisplayName(person)}</CardRow>
        <CardRow label={t('card.iin')}>{person.iin}</CardRow>
        <CardRow label={t('card.birthDate')}>{formatDate(person.birthDate)}</CardRow>
        {card.powerOfAttorney ? (
          <PowerOfAttorneyRows poa={card.powerOfAttorney} />
        ) : (
          <CardRow label={t('card.powerOfAttorney')}>{t(rule === 'notarised-poa-checked' ? 'card.poaOther' : 'card.poaNotRegulated')}</CardRow>
        )}
      </dl>
      <button type="button" className="button button--quiet" data-testid="representative-remove" onClick={onRemove}>
        {t('representative.remove')}
      </button>
    </section>
  );
}
