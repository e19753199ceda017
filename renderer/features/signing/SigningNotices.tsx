import { revocationListStaleMessage, signingProblemMessage } from '../../i18n/signingMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { selectKeyProblem, selectRevocation } from './signingSelectors';
import { signingDateFormats } from './signingDateFormats';

/** Why this key cannot sign (the last check or signing attempt), with what to do: shown next to the key. */
export function KeyProblem() {
  const translator = useTranslator();
  const problem = useWorkstation(selectKeyProblem);
  if (problem === null) return null;
  return (
    <Notice tone="error" testId="sign-problem">
      {translator.render(signingProblemMessage(problem, signingDateFormats(translator)))}
    </Notice>
  );
}

/** How current the revocation list is: a stale one stops signing, so the operator learns it before trying. */
export function RevocationLine() {
  const { t, render, formatDateTime } = useTranslator();
  const revocation = useWorkstation(selectRevocation);
  switch (revocation.kind) {
    case 'idle':
      return null;
    case 'loading':
      return (
        <p className="progress" role="status" data-testid="sign-revocation">
          {t('sign.revocation.loading')}
        </p>
      );
    case 'loaded': {
      const { status } = revocation;
      if (status.stale) {
        return (
          <Notice tone="warning" testId="sign-revocation">
            {render(revocationListStaleMessage(status.fetchedAt, { formatDateTime }))}
          </Notice>
        );
      }
      return status.fetchedAt === null ? null : (
        <p className="field__hint" data-testid="sign-revocation">
          {t('sign.revocation.fresh', { time: formatDateTime(status.fetchedAt) })}
        </p>
      );
    }
  }
}
