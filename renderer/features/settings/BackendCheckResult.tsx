import { backendConnectionCheckErrorMessage } from '../../i18n/contractErrorMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { CardRow } from '../../ui/CardRow';
import { Notice } from '../../ui/Notice';
import type { BackendCheckState } from './settingsSlice';

/**
 * What a connection check found: the latency and the server's certificate (so the supervisor can
 * confirm it and take its pin), or why the connection failed, in plain words.
 */
export function BackendCheckResult({
  check,
  hasPin,
  onUsePin,
}: {
  readonly check: BackendCheckState;
  /** Whether the form's pins already hold `pin`. */
  readonly hasPin: (pin: string) => boolean;
  readonly onUsePin: (pin: string) => void;
}) {
  const { t, render, formatDate, formatNumber } = useTranslator();
  if (check.kind === 'idle') return null;
  if (check.kind === 'checking') {
    return (
      <p role="status" className="progress" data-testid="settings-backend-checking">
        {t('settings.backend.checking')}
      </p>
    );
  }
  if (check.kind === 'failed') {
    return (
      <Notice tone="error" testId="settings-backend-check-error">
        {render(backendConnectionCheckErrorMessage(check.error))}
      </Notice>
    );
  }
  const { latencyMs, certificate } = check.check;
  return (
    <Notice tone="success" testId="settings-backend-check-result">
      <p className="notice__title" data-testid="settings-backend-check-latency">
        {t('settings.backend.checkOk', { ms: formatNumber(latencyMs) })}
      </p>
      {certificate === null ? (
        <p data-testid="settings-backend-check-plain">{t('settings.backend.checkPlain')}</p>
      ) : (
        <>
          <h4>{t('settings.backend.cert')}</h4>
          <dl className="applicant-card__rows">
            <CardRow label={t('settings.backend.cert.subject')} testId="settings-backend-cert-subject">
              {certificate.subject}
            </CardRow>
            <CardRow label={t('settings.backend.cert.issuer')} testId="settings-backend-cert-issuer">
              {certificate.issuer}
            </CardRow>
            <CardRow label={t('settings.backend.validTo')} testId="settings-backend-cert-valid-to">
              {formatDate(certificate.validTo)}
            </CardRow>
            <CardRow label={t('settings.backend.cert.pin')} testId="settings-backend-cert-pin">
              <code>{certificate.pin}</code>
            </CardRow>
          </dl>
          <div className="notice__actions">
            <button
              type="button"
              className="button button--small"
              data-testid="settings-backend-use-pin"
              disabled={hasPin(certificate.pin)}
              onClick={() => onUsePin(certificate.pin)}
            >
              {t('settings.backend.cert.usePin')}
            </button>
          </div>
        </>
      )}
    </Notice>
  );
}
