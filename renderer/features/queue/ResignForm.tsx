import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ApplicationSummary } from '../../../core/contract';
import { queueActionFailureMessage } from '../../i18n/queueMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { KeyFilePicker } from '../signing/KeyFilePicker';
import { signingDateFormats } from '../signing/signingDateFormats';
import { selectHasChosenKey, selectSigningChoice } from '../signing/signingSelectors';
import { SigningMethodChoice } from '../signing/SigningMethodChoice';
import { RevocationLine } from '../signing/SigningNotices';
import { useSigningPrerequisites } from '../signing/useSigningPrerequisites';
import { selectQueueBusy, selectQueueFailure } from './queueSelectors';

/**
 * After the backend refused the signature: the operator signs the same payload again with their own
 * key (key file or NCALayer, the signing step's controls and the session's key) and it goes back in
 * the queue. The password is this form's state only: sent with one attempt, cleared after it, gone
 * when the form closes.
 */
export function ResignForm({ application, onClose }: { readonly application: ApplicationSummary; readonly onClose: (isDone: boolean) => void }) {
  const translator = useTranslator();
  const { t, render } = translator;
  const { applicationId } = application;
  const [keyPassword, setKeyPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const passwordId = useId();
  const choice = useWorkstation(selectSigningChoice);
  const hasKey = useWorkstation(selectHasChosenKey);
  const isBusy = useWorkstation((state) => selectQueueBusy(state, applicationId) === 'resign');
  const failure = useWorkstation((state) => selectQueueFailure(state, applicationId));
  const resignApplication = useWorkstation((state) => state.resignApplication);
  const run = useRunAction();
  const isKeyFile = choice === 'key-file';
  const canSign = !isBusy && (!isKeyFile || (hasKey && keyPassword !== ''));

  useSigningPrerequisites();

  function sign(event: FormEvent) {
    event.preventDefault();
    if (!canSign) return;
    const password = keyPassword;
    setKeyPassword('');
    run(
      resignApplication(applicationId, password).then((result) => {
        if (result?.ok) onClose(true);
        else if (isKeyFile) passwordRef.current?.focus();
      }),
    );
  }

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || isBusy) return;
    event.preventDefault();
    onClose(false);
  }

  return (
    <form className="signing queue-resign" data-testid="queue-resign-form" aria-labelledby={titleId} aria-busy={isBusy} onSubmit={sign} onKeyDown={closeOnEscape}>
      <h3 id={titleId} className="signing__title">
        {t('queue.resignTitle', { number: application.localNumber })}
      </h3>
      <p className="step__hint">{t('queue.resignHint')}</p>
      <SigningMethodChoice isDisabled={isBusy} onChosen={() => setKeyPassword('')} />
      {isKeyFile ? (
        <>
          <KeyFilePicker isDisabled={isBusy} autoFocus={!hasKey} onPicked={() => setKeyPassword('')} />
          <div className="field">
            <label className="field__label" htmlFor={passwordId}>
              {t('sign.password')}
            </label>
            <input
              ref={passwordRef}
              id={passwordId}
              className="field__input field__input--password"
              type="password"
              data-testid="queue-resign-password"
              autoComplete="off"
              spellCheck={false}
              autoFocus={hasKey}
              disabled={!hasKey || isBusy}
              value={keyPassword}
              onChange={(event) => setKeyPassword(event.target.value)}
            />
            <p className="field__hint">{t('sign.passwordHint')}</p>
          </div>
        </>
      ) : (
        <p className="field__hint" data-testid="sign-ncalayer-hint">
          {t('sign.ncalayerHint')}
        </p>
      )}
      <RevocationLine />
      {failure?.action === 'resign' && (
        <Notice tone="error" testId="queue-resign-problem">
          {render(queueActionFailureMessage(failure, signingDateFormats(translator)))}
        </Notice>
      )}
      {isBusy && (
        <p className="progress" role="status" data-testid="queue-resign-progress">
          {t('queue.resigning')}
        </p>
      )}
      <div className="step__actions step__actions--start">
        <button type="submit" className="button button--primary" data-testid="queue-resign-submit" autoFocus={!isKeyFile} disabled={!canSign}>
          {t('queue.resignSubmit')}
        </button>
        <button type="button" className="button" data-testid="queue-resign-cancel" disabled={isBusy} onClick={() => onClose(false)}>
          {t('queue.cancel')}
        </button>
      </div>
    </form>
  );
}
