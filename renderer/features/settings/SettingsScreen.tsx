import { PrinterSettings } from '../printing/PrinterSettings';
import { useEffect } from 'react';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { BackendConnectionSettings } from './BackendConnectionSettings';
import { CalendarOverridesEditor } from './CalendarOverridesEditor';
import { IdleLockSettings } from './IdleLockSettings';
import { RetentionSettings } from './RetentionSettings';
import { selectSettingsLoad } from './settingsSelectors';
import { ServiceVersionsSettings } from './ServiceVersionsSettings';

/**
 * The supervisor's screen (DESIGN.md §1): which regulation version of each activity operators are
 * offered, the working-day calendar overrides, the idle lock, the retention period and the
 * licensing backend connection. Each section shows the outcome of its own save; what the
 * administrator's config file fixed is read-only. Loaded on demand (Workspace.tsx).
 */
export function SettingsScreen() {
  const { t } = useTranslator();
  const load = useWorkstation(selectSettingsLoad);
  const loadSettings = useWorkstation((state) => state.loadSettings);
  const run = useRunAction();

  useEffect(() => {
    run(loadSettings());
  }, [run, loadSettings]);

  if (load.kind !== 'loaded') {
    return (
      <section className="settings" data-testid="settings-screen" aria-labelledby="settings-title">
        <h2 id="settings-title" className="step__title">
          {t('settings.title')}
        </h2>
        <p role="status">{t('settings.loading')}</p>
      </section>
    );
  }
  const { settings, versions } = load;
  const { locked } = settings;
  return (
    <section className="settings" data-testid="settings-screen" aria-labelledby="settings-title">
      <h2 id="settings-title" className="step__title">
        {t('settings.title')}
      </h2>
      <ServiceVersionsSettings versions={versions} settings={settings} />
      <CalendarOverridesEditor />
      <IdleLockSettings minutes={settings.idleLockMinutes} locked={locked.idleLockMinutes} lockSource={locked.source} />
      <RetentionSettings days={settings.retentionDays} locked={locked.retentionDays} lockSource={locked.source} />
      <BackendConnectionSettings connection={settings.backendConnection} locked={locked.backendConnection} lockSource={locked.source} />
      <PrinterSettings />
    </section>
  );
}
