import { IDLE_LOCK_MINUTES } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { LockedNotice, SettingsOutcomeNotice } from './SettingsNotices';
import { useWholeNumberDraft, WholeNumberSettingForm } from './WholeNumberSettingForm';

/** The idle auto-lock timeout (issue #8): whole minutes, 1–60; the input's limits match the contract's. */
export function IdleLockSettings({ minutes, locked, lockSource }: { readonly minutes: number; readonly locked: boolean; readonly lockSource: string | null }) {
  const { t } = useTranslator();
  const saveIdleLockMinutes = useWorkstation((state) => state.saveIdleLockMinutes);
  const run = useRunAction();
  const draft = useWholeNumberDraft(minutes, IDLE_LOCK_MINUTES);

  return (
    <section className="settings__section" aria-labelledby="settings-idle-lock-title">
      <h3 id="settings-idle-lock-title">{t('settings.idleLock.title')}</h3>
      {locked && <LockedNotice source={lockSource} testId="settings-idle-lock-locked" />}
      <WholeNumberSettingForm
        draft={draft}
        limits={IDLE_LOCK_MINUTES}
        locked={locked}
        label={t('settings.idleLock.label')}
        saveLabel={t('settings.idleLock.save')}
        inputTestId="idle-lock-minutes"
        saveTestId="idle-lock-save"
        onSave={(value) => run(saveIdleLockMinutes(value))}
      />
      <SettingsOutcomeNotice setting="idle-lock" />
    </section>
  );
}
