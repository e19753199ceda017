import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { applicantDisplayName, applicantIdentifier, selectApplicantCard } from '../applicant/applicantSelectors';
import { selectSelectedService, selectSelectedSubtype } from '../catalog/catalogSelectors';
import { describeDeadline, SUBTYPE_LABELS } from '../catalog/subtypeLabels';
import { selectDraft } from '../draft/draftSelectors';
import { PlannedResultDateRow } from './PlannedResultDateRow';
import { ReviewDocumentsRow } from './ReviewDocumentsRow';
import { ReviewRepresentativeRow } from './ReviewRepresentativeRow';
import { selectIsSubmitting } from './submissionSelectors';
import { SubmitPanel } from './SubmitPanel';

/** Step 4: everything the applicant is about to sign off on, the planned result date, the operator's signature and the one Submit button. */
export function ReviewStep() {
  const translator = useTranslator();
  const { t, language } = translator;
  const service = useWorkstation(selectSelectedService);
  const subtype = useWorkstation(selectSelectedSubtype);
  const card = useWorkstation(selectApplicantCard);
  const draft = useWorkstation(selectDraft);
  const isSubmitting = useWorkstation(selectIsSubmitting);
  if (!service || !subtype || !draft) return null;

  const record = card?.record ?? null;
  const slotTitle = (slotId: string) => draft.slots.find((slot) => slot.slotId === slotId)?.title[language] ?? slotId;
  const deadline = service.subtypes.find((candidate) => candidate.id === subtype)?.deadlineWorkingDays ?? null;

  return (
    <section className="step" aria-busy={isSubmitting}>
      <h2 className="step__title">{t('review.title')}</h2>
      <dl className="summary">
        <div className="summary__row">
          <dt>{t('review.service')}</dt>
          <dd>
            {service.title[language]}
            <span className="summary__sub">{t('service.provider', { provider: service.provider[language] })}</span>
          </dd>
        </div>
        <div className="summary__row">
          <dt>{t('review.subtype')}</dt>
          <dd>
            {t(SUBTYPE_LABELS[subtype])}
            <span className="summary__sub">{describeDeadline(deadline, translator)}</span>
          </dd>
        </div>
        <div className="summary__row">
          <dt>{t('review.applicant')}</dt>
          {record ? (
            <dd>
              {applicantDisplayName(record)}
              <span className="summary__sub">
                {t(record.kind === 'individual' ? 'card.iin' : 'card.bin')} {applicantIdentifier(record)}
              </span>
            </dd>
          ) : (
            <dd>
              {draft.applicantDisplayName ?? '—'}
              <span className="summary__sub">{t('review.keptFromDraft')}</span>
            </dd>
          )}
        </div>
        <ReviewRepresentativeRow />
        <ReviewDocumentsRow />
        <PlannedResultDateRow />
      </dl>
      <SubmitPanel slotTitle={slotTitle} />
    </section>
  );
}
