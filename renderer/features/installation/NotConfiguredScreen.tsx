import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { LanguageSwitch } from '../preferences/LanguageSwitch';

/**
 * An installed workstation with no backend and no training mode (issue 15 item 3): nothing was
 * started, no login is offered, and the operator is told to call the administrator, who sets the
 * backend URL (or training mode) in the named file.
 */
export function NotConfiguredScreen() {
  const { t } = useTranslator();
  const appInfo = useWorkstation((state) => state.appInfo);
  return (
    <main className="not-configured" data-testid="not-configured-screen" aria-labelledby="not-configured-title">
      <h1 id="not-configured-title">{t('installation.notConfigured.title')}</h1>
      <p>{t('installation.notConfigured.body')}</p>
      <p className="muted">{t('installation.notConfigured.adminFile', { file: appInfo?.adminConfigFile ?? '' })}</p>
      <LanguageSwitch />
    </main>
  );
}
