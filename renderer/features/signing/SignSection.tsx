import type { FormEvent, RefObject } from 'react';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { selectIsSubmitting } from '../submission/submissionSelectors';
import { CertificateCard } from './CertificateCard';
import { KeyFilePicker } from './KeyFilePicker';
import { selectCertificateCard, selectHasChosenKey, selectIsCheckingKey, selectKeyProblem, selectRefusedAgentCard, selectSigningChoice } from './signingSelectors';
import { SigningMethodChoice } from './SigningMethodChoice';
import { KeyProblem, RevocationLine } from './SigningNotices';
import { useSigningPrerequisites } from './useSigningPrerequisites';

export interface SignSectionProps {
  /** The key's password lives in the submit panel's state only: never in the store, never logged. */
  readonly keyPassword: string;
  readonly onKeyPasswordChange: (password: string) => void;
  readonly passwordRef: RefObject<HTMLInputElement | null>;
  /** The key checked out: the operator's next Enter is "Sign and submit". */
  readonly onKeyUsable: () => void;
}

/**
 * Diagram No. 2 step 6: the operator signs the completed request with their own EDS (DESIGN.md §5),
 * shown where the service's regulation requires it. The key file and the certificate card stay for
 * the session; the password is asked for every attempt.
 */
export function SignSection(props: SignSectionProps) {
  const { t } = useTranslator();
  const choice = useWorkstation(selectSigningChoice);
  const isSubmitting = useWorkstation(selectIsSubmitting);
  useSigningPrerequisites();

  return (
    <section className="signing" aria-labelledby="signing-title" data-testid="sign-section">
      <h3 id="signing-title" className="signing__title">
        {t('sign.title')}
      </h3>
      <p className="step__hint">{t('sign.hint')}</p>
      <SigningMethodChoice isDisabled={isSubmitting} onChosen={() => props.onKeyPasswordChange('')} />
      {choice === 'key-file' ? (
        <KeyFileSigning {...props} />
      ) : (
        <AgentSigning />
      )}
      <RevocationLine />
    </section>
  );
}

/** NCALayer asks for the key and its password itself; a refused key's card is shown with the reason. */
function AgentSigning() {
  const { t } = useTranslator();
  const refusedCard = useWorkstation(selectRefusedAgentCard);
  return (
    <>
      <p className="field__hint" data-testid="sign-ncalayer-hint">
        {t('sign.ncalayerHint')}
      </p>
      {refusedCard && <CertificateCard card={refusedCard} isUsable={false} />}
      <KeyProblem />
    </>
  );
}

function KeyFileSigning({ keyPassword, onKeyPasswordChange, passwordRef, onKeyUsable }: SignSectionProps) {
  const { t } = useTranslator();
  const hasKey = useWorkstation(selectHasChosenKey);
  const isChecking = useWorkstation(selectIsCheckingKey);
  const isSubmitting = useWorkstation(selectIsSubmitting);
  const card = useWorkstation(selectCertificateCard);
  const problem = useWorkstation(selectKeyProblem);
  const checkKey = useWorkstation((state) => state.checkKey);
  const loadRevocationStatus = useWorkstation((state) => state.loadRevocationStatus);
  const run = useRunAction();
  const canCheck = hasKey && keyPassword !== '' && !isChecking && !isSubmitting;

  // Enter in the password field checks the key (the form's only submit button).
  function check(event: FormEvent) {
    event.preventDefault();
    if (!canCheck) return;
    run(
      checkKey(keyPassword).then((result) => {
        if (result === null) return;
        if (!result.ok) {
          if (result.error.kind === 'wrong-password') {
            onKeyPasswordChange('');
            passwordRef.current?.focus();
          }
          return;
        }
        const found = result.value.problem;
        if (found === null) onKeyUsable();
        else if (found.kind === 'revocation-list-stale' || found.kind === 'revocation-unknown') return loadRevocationStatus();
      }),
    );
  }

  return (
    <form className="signing__key" onSubmit={check} aria-busy={isChecking}>
      <KeyFilePicker isDisabled={isSubmitting || isChecking} autoFocus={!hasKey} onPicked={() => onKeyPasswordChange('')} />
      <div className="field">
        <label className="field__label" htmlFor="sign-password">
          {t('sign.password')}
        </label>
        <div className="field__row">
          <input
            ref={passwordRef}
            id="sign-password"
            className="field__input field__input--password"
            type="password"
            data-testid="sign-password"
            autoComplete="off"
            spellCheck={false}
            autoFocus={hasKey}
            disabled={!hasKey || isSubmitting}
            aria-describedby="sign-password-hint"
            value={keyPassword}
            onChange={(event) => onKeyPasswordChange(event.target.value)}
          />
          <button type="submit" className="button" data-testid="sign-check-key" disabled={!canCheck}>
            {t('sign.checkKey')}
          </button>
        </div>
        <p id="sign-password-hint" className="field__hint">
          {t('sign.passwordHint')}
        </p>
      </div>
      {isChecking && (
        <p className="progress" role="status" data-testid="sign-check-progress">
          {t('sign.checking')}
        </p>
      )}
      {card && <CertificateCard card={card} isUsable={problem === null} />}
      <KeyProblem />
    </form>
  );
}
