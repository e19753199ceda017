import type { ActiveBackendConnection as ActiveConnection } from '../../../core/contract';
import { assertNever } from '../../../core/result';
import type { MessageKey } from '../../i18n/messageCatalog';
import { useTranslator } from '../../i18n/useTranslator';
import { CardRow } from '../../ui/CardRow';
import { Notice } from '../../ui/Notice';

function transportLabel(transport: ActiveConnection['transport']): MessageKey {
  switch (transport) {
    case 'https-system-trust':
      return 'settings.backend.transport.httpsSystemTrust';
    case 'https-custom-ca':
      return 'settings.backend.transport.httpsCustomCa';
    case 'http':
      return 'settings.backend.transport.http';
    default:
      return assertNever(transport);
  }
}

/** What this running workstation talks to now; a saved change shows here only after a restart. */
export function ActiveBackendConnection({ active }: { readonly active: ActiveConnection }) {
  const { t, formatNumber } = useTranslator();
  return (
    <div data-testid="settings-backend-active">
      <h4>{t('settings.backend.active')}</h4>
      <dl className="applicant-card__rows">
        <CardRow label={t('settings.backend.address')} testId="settings-backend-active-url">
          <code>{active.url}</code>
        </CardRow>
        <CardRow label={t('settings.backend.kind')} testId="settings-backend-active-kind">
          {t(active.mode === 'embedded' ? 'settings.backend.kind.embedded' : 'settings.backend.kind.configured')}
        </CardRow>
        <CardRow label={t('settings.backend.transport')} testId="settings-backend-active-transport">
          {t(transportLabel(active.transport))}
        </CardRow>
        {active.pinCount > 0 && (
          <CardRow label={t('settings.backend.pinCount')} testId="settings-backend-active-pins">
            {formatNumber(active.pinCount)}
          </CardRow>
        )}
      </dl>
      {active.transport === 'http' && (
        <Notice tone="warning" testId="settings-backend-http-warning">
          {t('settings.backend.httpWarning')}
        </Notice>
      )}
    </div>
  );
}
