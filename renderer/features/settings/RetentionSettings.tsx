import { useState, type FormEvent } from 'react';
import { RETENTION_DAYS } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { selectSettingsActivity } from './settingsSelectors';
import { LockedNotice, SettingsOutcomeNotice } from './SettingsNotices';

/**
 * How long this workstation keeps an applicant's personal data and scans after the case is closed
 * (issue #8): whole days, 1–3650, the contract's limits. Main purges; this only sets the period.
 */
export function RetentionSettings({ days, locked, lockSource }: { readonly days: number; readonly locked: boolean; readonly lockSource: string | null }) {
  const { t, plural } = useTranslator();
  const activity = useWorkstation(selectSettingsActivity);
  const saveRetentionDays = useWorkstation((state) => state.saveRetentionDays);
  const run = useRunAction();
  const [value, setValue] = useState(String(days));
  const parsed = Number(value);
  const isValid = value.trim() !== '' && Number.isInteger(parsed) && parsed >= RETENTION_DAYS.min && parsed <= RETENTION_DAYS.max;

  function save(event: FormEvent) {
    event.preventDefault();
    if (!locked && isValid && parsed !== days) run(saveRetentionDays(parsed));
  }

  return (
    <section className="settings__section" aria-labelledby="settings-retention-title">
      <h3 id="settings-retention-title">{t('settings.retention.title')}</h3>
      {locked && <LockedNotice source={lockSource} testId="settings-retention-locked" />}
      <form className="override-form" onSubmit={save} noValidate>
        <label className="field">
          <span className="field__label">{t('settings.retention.label')}</span>
          <input
            className="field__input"
            data-testid="settings-retention-days"
            type="number"
            inputMode="numeric"
            min={RETENTION_DAYS.min}
            max={RETENTION_DAYS.max}
            step={1}
            readOnly={locked}
            aria-invalid={!isValid}
            aria-describedby="settings-retention-explain"
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button"
          data-testid="settings-retention-save"
          disabled={locked || !isValid || parsed === days || activity.kind !== 'idle'}
        >
          {t('settings.retention.save')}
        </button>
      </form>
      <p id="settings-retention-explain" className="field__hint" data-testid="settings-retention-explain">
        {plural('settings.retention.explain', isValid ? parsed : days)}
      </p>
      <SettingsOutcomeNotice setting="retention" />
    </section>
  );
}
