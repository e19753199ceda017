import { useTranslator } from '../../i18n/useTranslator';

/**
 * Training mode's permanent banner (issue 15 item 3): on every screen, before and after login, in
 * both of the regulations' languages whatever the interface language, so no screenshot or photo of a
 * training workstation can pass for a real one.
 */
export function TrainingBanner() {
  const { t } = useTranslator();
  return (
    <div className="training-banner" role="status" data-testid="training-banner">
      <strong>ОҚУ РЕЖИМІ / УЧЕБНЫЙ РЕЖИМ</strong> <span>{t('installation.training.banner')}</span>
    </div>
  );
}

/** The blob key is not protected by the OS key store (issue 15 item 7): stays until the administrator fixes it. */
export function KeyStoreWarningBanner() {
  const { t } = useTranslator();
  return (
    <div className="training-banner training-banner--key" role="alert" data-testid="key-store-warning">
      {t('installation.keyStoreWarning')}
    </div>
  );
}
