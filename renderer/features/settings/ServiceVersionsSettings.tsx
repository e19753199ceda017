import { useMemo } from 'react';
import type { ServiceSummary, SupervisorSettings } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { selectSettingsActivity, versionChoicesOf } from './settingsSelectors';
import { SettingsOutcomeNotice } from './SettingsNotices';

/** (a) For each activity regulated by more than one act, the version operators are offered. */
export function ServiceVersionsSettings({ versions, settings }: { readonly versions: readonly ServiceSummary[]; readonly settings: SupervisorSettings }) {
  const { t, language } = useTranslator();
  const activity = useWorkstation(selectSettingsActivity);
  const chooseServiceVersion = useWorkstation((state) => state.chooseServiceVersion);
  const run = useRunAction();
  const choices = useMemo(() => versionChoicesOf(versions, settings.currentServiceVersions), [versions, settings.currentServiceVersions]);
  const isSaving = activity.kind !== 'idle';

  return (
    <section className="settings__section" aria-labelledby="settings-versions-title">
      <h3 id="settings-versions-title">{t('settings.versions.title')}</h3>
      <p className="step__hint">{t('settings.versions.hint')}</p>
      {choices.length === 0 && <p className="muted">{t('settings.versions.none')}</p>}
      {choices.map((choice) => {
        const current = choice.versions.find((version) => version.id === choice.currentId) ?? choice.versions[0];
        const shownId = activity.kind === 'saving-version' && activity.activityId === choice.activityId ? activity.serviceId : choice.currentId;
        return (
          <fieldset key={choice.activityId} className="settings__versions">
            <legend className="settings__legend">{current?.title[language]}</legend>
            {choice.versions.map((version) => (
              <label key={version.id} className="radio">
                <input
                  type="radio"
                  name={`version-${choice.activityId}`}
                  data-testid={`settings-version-${choice.activityId}-${version.id}`}
                  checked={version.id === shownId}
                  disabled={isSaving}
                  onChange={() => run(chooseServiceVersion(choice.activityId, version.id))}
                />
                <span>
                  {version.source.annex
                    ? t('service.sourceWithAnnex', { year: version.year, seedFile: version.source.seedFile, annex: version.source.annex })
                    : t('service.source', { year: version.year, seedFile: version.source.seedFile })}
                </span>
              </label>
            ))}
          </fieldset>
        );
      })}
      <SettingsOutcomeNotice setting="service-version" />
    </section>
  );
}
