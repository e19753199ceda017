import { RETENTION_DAYS } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { LockedNotice, SettingsOutcomeNotice } from './SettingsNotices';
import { useWholeNumberDraft, WholeNumberSettingForm } from './WholeNumberSettingForm';

/**
 * How long this workstation keeps an applicant's personal data and scans after the case is closed
 * (issue #8): whole days, 1–3650, the contract's limits. Main purges; this only sets the period.
 */
export function RetentionSettings({ days, locked, lockSource }: { readonly days: number; readonly locked: boolean; readonly lockSource: string | null }) {
  const { t, plural } = useTranslator();
  const saveRetentionDays = useWorkstation((state) => state.saveRetentionDays);
  const run = useRunAction();
  const draft = useWholeNumberDraft(days, RETENTION_DAYS);

  return (
    <section className="settings__section" aria-labelledby="settings-retention-title">
      <h3 id="settings-retention-title">{t('settings.retention.title')}</h3>
      {locked && <LockedNotice source={lockSource} testId="settings-retention-locked" />}
      <WholeNumberSettingForm
        draft={draft}
        limits={RETENTION_DAYS}
        locked={locked}
        label={t('settings.retention.label')}
        saveLabel={t('settings.retention.save')}
        inputTestId="settings-retention-days"
        saveTestId="settings-retention-save"
        describedBy="settings-retention-explain"
        onSave={(value) => run(saveRetentionDays(value))}
      />
      <p id="settings-retention-explain" className="field__hint" data-testid="settings-retention-explain">
        {plural('settings.retention.explain', draft.isValid ? draft.parsed : days)}
      </p>
      <SettingsOutcomeNotice setting="retention" />
    </section>
  );
}
