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

export function WorkstationShell() {
  const { t, language } = useTranslator();
  const isStarted = useWorkstation(selectIsStarted);
  const isSignedIn = useWorkstation(selectIsSignedIn);
  const startWorkstation = useWorkstation((state) => state.startWorkstation);
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
  return (
    <>
      <StorageBanner />
      {isSignedIn ? <Workspace /> : <LoginScreen />}
    </>
  );
}
