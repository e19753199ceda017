import { useEffect } from 'react';
import { settingsErrorMessage } from '../../i18n/contractErrorMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { CalendarOverridesEditor } from './CalendarOverridesEditor';
import { IdleLockSettings } from './IdleLockSettings';
import { selectSettingsLoad, selectSettingsOutcome } from './settingsSelectors';
import { ServiceVersionsSettings } from './ServiceVersionsSettings';

/**
 * The supervisor's screen (DESIGN.md §1): which regulation version of each activity operators are
 * offered, and the working-day calendar overrides. Loaded on demand (Workspace.tsx).
 */
export function SettingsScreen() {
  const { t } = useTranslator();
  const load = useWorkstation(selectSettingsLoad);
  const outcome = useWorkstation(selectSettingsOutcome);
  const loadSettings = useWorkstation((state) => state.loadSettings);
  const run = useRunAction();

  useEffect(() => {
    run(loadSettings());
  }, [run, loadSettings]);

  return (
    <section className="settings" data-testid="settings-screen" aria-labelledby="settings-title">
      <h2 id="settings-title" className="step__title">
        {t('settings.title')}
      </h2>
      {outcome?.kind === 'saved' && (
        <Notice tone="success" testId="settings-saved">
          {t('settings.saved')}
        </Notice>
      )}
      {outcome?.kind === 'failed' && (
        <Notice tone="error" testId="settings-error">
          {t(settingsErrorMessage(outcome.error))}
        </Notice>
      )}
      {load.kind === 'loaded' ? (
        <>
          <ServiceVersionsSettings versions={load.versions} settings={load.settings} />
          <CalendarOverridesEditor />
          <IdleLockSettings minutes={load.settings.idleLockMinutes} />
        </>
      ) : (
        <p role="status">{t('settings.loading')}</p>
      )}
    </section>
  );
}
