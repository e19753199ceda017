import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';

/** Version and backend in use: the first thing support asks for on the phone. */
export function AboutLine() {
  const { t } = useTranslator();
  const appInfo = useWorkstation((state) => state.appInfo);
  if (!appInfo) return null;
  const backend =
    appInfo.backend.mode === 'embedded' ? t('about.backend.embedded') : t('about.backend.configured', { url: appInfo.backend.url });
  return (
    <p className="about-line">
      {t('about.version', { version: appInfo.version })} · {backend}
    </p>
  );
}
