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
