import { useRef, useState } from 'react';
import { submitErrorMessage } from '../../i18n/contractErrorMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { SignSection } from '../signing/SignSection';
import { selectIsSigningReady, selectIsSigningRequired, selectSigningChoice } from '../signing/signingSelectors';
import { selectCanSubmit, selectIsSubmitting, selectSubmission } from './submissionSelectors';

/**
 * The operator's signature (where the regulation requires it) and the one Submit button. The key's
 * password is this component's state only: it goes to main with one attempt and is cleared at once,
 * and it is gone when the review step unmounts (another screen, logout, lock).
 */
export function SubmitPanel({ slotTitle }: { readonly slotTitle: (slotId: string) => string }) {
  const { t, render } = useTranslator();
  const [keyPassword, setKeyPassword] = useState('');
  const submission = useWorkstation(selectSubmission);
  const isSubmitting = useWorkstation(selectIsSubmitting);
  const canSubmit = useWorkstation(selectCanSubmit);
  const isSigningRequired = useWorkstation(selectIsSigningRequired);
  const signingChoice = useWorkstation(selectSigningChoice);
  const isSigningReady = useWorkstation((state) => selectIsSigningReady(state, keyPassword !== ''));
  const submitApplication = useWorkstation((state) => state.submitApplication);
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const run = useRunAction();
  const asksForKeyFile = isSigningRequired && signingChoice === 'key-file';
  const idleLabel = isSigningRequired ? 'review.signAndSubmit' : 'review.submit';
  const busyLabel = isSigningRequired ? 'review.signingAndSubmitting' : 'review.submitting';

  function submit() {
    const password = keyPassword;
    setKeyPassword('');
    run(
      submitApplication(password).then((result) => {
        if (result && !result.ok && asksForKeyFile) passwordRef.current?.focus();
      }),
    );
  }

  return (
    <>
      {isSigningRequired && (
        <SignSection
          keyPassword={keyPassword}
          onKeyPasswordChange={setKeyPassword}
          passwordRef={passwordRef}
          onKeyUsable={() => submitRef.current?.focus()}
        />
      )}
      {submission.kind === 'failed' && (
        <Notice tone="error" testId="submit-error">
          {render(submitErrorMessage(submission.error, slotTitle))}
        </Notice>
      )}
      {isSubmitting && isSigningRequired && (
        <p className="progress" role="status" data-testid="submit-progress">
          {t('review.signingAndSubmitting')}
        </p>
      )}
      <div className="step__actions">
        <button
          ref={submitRef}
          type="button"
          className="button button--primary button--large"
          data-testid="submit-application"
          autoFocus={!asksForKeyFile}
          disabled={!canSubmit || !isSigningReady}
          onClick={submit}
        >
          {t(isSubmitting ? busyLabel : idleLabel)}
        </button>
      </div>
    </>
  );
}
