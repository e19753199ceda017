import { submitErrorMessage } from '../../i18n/contractErrorMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { applicantDisplayName, applicantIdentifier, selectApplicantCard } from '../applicant/applicantSelectors';
import { selectSelectedService, selectSelectedSubtype } from '../catalog/catalogSelectors';
import { describeDeadline, SUBTYPE_LABELS } from '../catalog/subtypeLabels';
import { selectDocuments } from '../documents/documentsSelectors';
import { PlannedResultDateRow } from './PlannedResultDateRow';
import { ReviewRepresentativeRow } from './ReviewRepresentativeRow';
import { selectCanSubmit, selectIsSubmitting, selectSubmission } from './submissionSelectors';

/** Step 4: everything the applicant is about to sign off on, the planned result date, and the one Submit button. */
export function ReviewStep() {
  const translator = useTranslator();
  const { t, language, formatBytes } = translator;
  const service = useWorkstation(selectSelectedService);
  const subtype = useWorkstation(selectSelectedSubtype);
  const card = useWorkstation(selectApplicantCard);
  const documents = useWorkstation(selectDocuments);
  const submission = useWorkstation(selectSubmission);
  const isSubmitting = useWorkstation(selectIsSubmitting);
  const canSubmit = useWorkstation(selectCanSubmit);
  const submitApplication = useWorkstation((state) => state.submitApplication);
  const run = useRunAction();
  if (!service || !subtype || !card) return null;

  const record = card.record;
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
          <dd>
            {applicantDisplayName(record)}
            <span className="summary__sub">
              {t(record.kind === 'individual' ? 'card.iin' : 'card.bin')} {applicantIdentifier(record)}
            </span>
          </dd>
        </div>
        <ReviewRepresentativeRow />
        <div className="summary__row">
          <dt>{t('review.documents')}</dt>
          <dd>
            <ul className="summary__documents">
              {documents.map((document) => (
                <li key={document.documentId}>
                  {document.fileName} <span className="muted">({formatBytes(document.sizeBytes)})</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <PlannedResultDateRow />
      </dl>
      {submission.kind === 'failed' && (
        <Notice tone="error" testId="submit-error">
          {t(submitErrorMessage(submission.error))}
        </Notice>
      )}
      <div className="step__actions">
        <button
          type="button"
          className="button button--primary button--large"
          data-testid="submit-application"
          autoFocus
          disabled={!canSubmit}
          onClick={() => run(submitApplication())}
        >
          {isSubmitting ? t('review.submitting') : t('review.submit')}
        </button>
      </div>
    </section>
  );
}
