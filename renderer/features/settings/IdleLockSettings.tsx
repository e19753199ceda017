import { useState, type FormEvent } from 'react';
import { IDLE_LOCK_MINUTES } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { selectSettingsActivity } from './settingsSelectors';
import { LockedNotice, SettingsOutcomeNotice } from './SettingsNotices';

/** The idle auto-lock timeout (issue #8): whole minutes, 1–60; the input's limits match the contract's. */
export function IdleLockSettings({ minutes, locked, lockSource }: { readonly minutes: number; readonly locked: boolean; readonly lockSource: string | null }) {
  const { t } = useTranslator();
  const activity = useWorkstation(selectSettingsActivity);
  const saveIdleLockMinutes = useWorkstation((state) => state.saveIdleLockMinutes);
  const run = useRunAction();
  const [value, setValue] = useState(String(minutes));
  const parsed = Number(value);
  const isValid = value.trim() !== '' && Number.isInteger(parsed) && parsed >= IDLE_LOCK_MINUTES.min && parsed <= IDLE_LOCK_MINUTES.max;

  function save(event: FormEvent) {
    event.preventDefault();
    if (!locked && isValid && parsed !== minutes) run(saveIdleLockMinutes(parsed));
  }

  return (
    <section className="settings__section" aria-labelledby="settings-idle-lock-title">
      <h3 id="settings-idle-lock-title">{t('settings.idleLock.title')}</h3>
      {locked && <LockedNotice source={lockSource} testId="settings-idle-lock-locked" />}
      <form className="override-form" onSubmit={save} noValidate>
        <label className="field">
          <span className="field__label">{t('settings.idleLock.label')}</span>
          <input
            className="field__input"
            data-testid="idle-lock-minutes"
            type="number"
            inputMode="numeric"
            min={IDLE_LOCK_MINUTES.min}
            max={IDLE_LOCK_MINUTES.max}
            step={1}
            readOnly={locked}
            aria-invalid={!isValid}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button"
          data-testid="idle-lock-save"
          disabled={locked || !isValid || parsed === minutes || activity.kind !== 'idle'}
        >
          {t('settings.idleLock.save')}
        </button>
      </form>
      <SettingsOutcomeNotice setting="idle-lock" />
    </section>
  );
}
