import type { ApplicantCard } from '../../../core/contract';
import type { LegalEntityRecord, PersonRecord } from '../../../core/backendApi/wire';
import { assertNever } from '../../../core/result';
import type { MessageKey } from '../../i18n/messageCatalog';
import { useTranslator } from '../../i18n/useTranslator';
import { CardRow as Row } from '../../ui/CardRow';
import { applicantDisplayName, type ApplicantBlocker } from './applicantSelectors';

const PERSON_STATUS: Readonly<Record<PersonRecord['status'], MessageKey>> = {
  active: 'status.person.active',
  deceased: 'status.person.deceased',
};

const ENTITY_STATUS: Readonly<Record<LegalEntityRecord['status'], MessageKey>> = {
  active: 'status.entity.active',
  liquidated: 'status.entity.liquidated',
  suspended: 'status.entity.suspended',
};

export function blockerMessage(blocker: ApplicantBlocker): MessageKey {
  switch (blocker) {
    case 'deceased':
      return 'blocker.deceased';
    case 'entity-not-active':
      return 'blocker.entityNotActive';
    case 'kind-not-allowed':
      return 'blocker.kindNotAllowed';
    default:
      return assertNever(blocker);
  }
}

function PersonRows({ record }: { readonly record: PersonRecord }) {
  const { t, formatDate } = useTranslator();
  return (
    <>
      <Row label={t('card.fullName')}>{applicantDisplayName(record)}</Row>
      <Row label={t('card.iin')}>{record.iin}</Row>
      <Row label={t('card.birthDate')}>{formatDate(record.birthDate)}</Row>
      <Row label={t('card.status')}>
        <span className={`badge badge--${record.status === 'active' ? 'ok' : 'bad'}`}>{t(PERSON_STATUS[record.status])}</span>
      </Row>
      <Row label={t('card.address')}>{record.address}</Row>
      {record.entrepreneur && (
        <Row label={t('card.entrepreneur')}>
          {t('card.entrepreneurValue', { tradeName: record.entrepreneur.tradeName, date: formatDate(record.entrepreneur.registeredAt) })}
        </Row>
      )}
    </>
  );
}

function LegalEntityRows({ record }: { readonly record: LegalEntityRecord }) {
  const { t, formatDate } = useTranslator();
  return (
    <>
      <Row label={t('card.name')}>{record.name}</Row>
      <Row label={t('card.bin')}>{record.bin}</Row>
      <Row label={t('card.status')}>
        <span className={`badge badge--${record.status === 'active' ? 'ok' : 'bad'}`}>{t(ENTITY_STATUS[record.status])}</span>
      </Row>
      <Row label={t('card.registeredAt')}>{formatDate(record.registeredAt)}</Row>
      <Row label={t('card.address')}>{record.address}</Row>
      <Row label={t('card.head')}>
        {record.head.fullName} ({t('card.iin')} {record.head.iin})
      </Row>
    </>
  );
}

/** The registry's answer as the operator compares it with the ID document in front of them. */
export function ApplicantCardView({ card, blocker }: { readonly card: ApplicantCard; readonly blocker: ApplicantBlocker | null }) {
  const { t, formatDateTime } = useTranslator();
  const record = card.record;
  return (
    <section className={`applicant-card${blocker ? ' applicant-card--blocked' : ''}`} data-testid="applicant-card">
      <dl className="applicant-card__rows">
        {record.kind === 'individual' ? <PersonRows record={record} /> : <LegalEntityRows record={record} />}
      </dl>
      <p className="applicant-card__answered">{t('card.answeredAt', { time: formatDateTime(card.answeredAt) })}</p>
    </section>
  );
}
