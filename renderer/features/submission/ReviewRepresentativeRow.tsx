import type { RepresentativeRule } from '../../../core/workflow/workflowProfiles';
import type { MessageKey } from '../../i18n/messageCatalog';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { applicantDisplayName } from '../applicant/applicantSelectors';
import { selectIsDraftApplicantKept } from '../draft/draftSelectors';
import { selectRepresentativeCard, selectRepresentativeRule } from '../representative/representativeSelectors';

/** How the representative's authority was established, in the regulation's terms. */
function authorityKey(hasNotarisedPoa: boolean, rule: RepresentativeRule | null): MessageKey {
  if (hasNotarisedPoa) return 'review.representativeNotarised';
  return rule === 'notarised-poa-checked' ? 'review.representativeOther' : 'review.representativeRegistryOnly';
}

/**
 * The representative the application is taken from, if any; nothing when the applicant applies in
 * person. A continued draft keeps main's record of the check, not the registry card.
 */
export function ReviewRepresentativeRow() {
  const { t } = useTranslator();
  const card = useWorkstation(selectRepresentativeCard);
  const rule = useWorkstation(selectRepresentativeRule);
  const isKeptInDraft = useWorkstation((state) => selectIsDraftApplicantKept(state) && state.draft?.representativeSnapshotId != null);
  if (isKeptInDraft) {
    return (
      <div className="summary__row" data-testid="review-representative">
        <dt>{t('review.representative')}</dt>
        <dd>{t('review.keptFromDraft')}</dd>
      </div>
    );
  }
  if (!card) return null;
  const poa = card.powerOfAttorney;
  return (
    <div className="summary__row" data-testid="review-representative">
      <dt>{t('review.representative')}</dt>
      <dd>
        {applicantDisplayName(card.person)}
        <span className="summary__sub">
          {t('card.iin')} {card.person.iin} · {t(authorityKey(poa !== null, rule), { number: poa?.number ?? '' })}
        </span>
      </dd>
    </div>
  );
}
