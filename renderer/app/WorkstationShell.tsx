import { useEffect } from 'react';
import { useCommandShortcuts } from '../commands/useCommandShortcuts';
import { LoginScreen } from '../features/session/LoginScreen';
import { useIdleLock } from '../features/session/useIdleLock';
import { selectIsSignedIn, selectIsStarted } from '../features/session/sessionSelectors';
import { useTranslator } from '../i18n/useTranslator';
import { useWorkstation } from '../store/StoreProvider';
import { useRunAction } from '../ui/useRunAction';
import { StorageBanner } from '../features/storage/StorageBanner';
import { Workspace } from './Workspace';
import { NotConfiguredScreen } from '../features/installation/NotConfiguredScreen';
import { KeyStoreWarningBanner, TrainingBanner } from '../features/installation/TrainingBanner';

export function WorkstationShell() {
  const { t, language } = useTranslator();
  const isStarted = useWorkstation(selectIsStarted);
  const isSignedIn = useWorkstation(selectIsSignedIn);
  const startWorkstation = useWorkstation((state) => state.startWorkstation);
  const appInfo = useWorkstation((state) => state.appInfo);
  const run = useRunAction();
  useCommandShortcuts();
  useIdleLock();

  useEffect(() => {
    run(startWorkstation());
  }, [run, startWorkstation]);

  // lang drives hyphenation, screen-reader voice and font fallback for the Kazakh letters.
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);

  if (!isStarted) return <p className="splash">{t('app.starting')}</p>;
  if (appInfo?.backend.mode === 'not-configured') return <NotConfiguredScreen />;
  return (
    <>
      {appInfo?.trainingMode === true && <TrainingBanner />}
      {appInfo?.keyStoreWarning === true && <KeyStoreWarningBanner />}
      <StorageBanner />
      {isSignedIn ? <Workspace /> : <LoginScreen />}
    </>
  );
}
