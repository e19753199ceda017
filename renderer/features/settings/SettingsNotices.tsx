import { settingsErrorMessage } from '../../i18n/contractErrorMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { selectSettingsOutcome } from './settingsSelectors';
import type { SettingName } from './settingsSlice';

/** A setting the administrator's config file fixed: shown read-only, with where it was fixed. */
export function LockedNotice({ source, testId }: { readonly source: string | null; readonly testId: string }) {
  const { t } = useTranslator();
  return (
    <Notice tone="info" testId={testId}>
      {source ? t('settings.locked', { source }) : t('settings.lockedNoSource')}
    </Notice>
  );
}

/**
 * What the last save of `setting` did, shown in that setting's section. `showSaved` false leaves
 * the success to a notice of the section's own (the backend's "saved, restart to apply").
 */
export function SettingsOutcomeNotice({ setting, showSaved = true }: { readonly setting: SettingName; readonly showSaved?: boolean }) {
  const { t, render } = useTranslator();
  const outcome = useWorkstation(selectSettingsOutcome);
  if (outcome?.setting !== setting) return null;
  if (outcome.kind === 'saved' && !showSaved) return null;
  return outcome.kind === 'saved' ? (
    <Notice tone="success" testId="settings-saved">
      {t('settings.saved')}
    </Notice>
  ) : (
    <Notice tone="error" testId="settings-error">
      {render(settingsErrorMessage(outcome.error))}
    </Notice>
  );
}
