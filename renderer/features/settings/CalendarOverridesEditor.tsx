import { useState, type FormEvent } from 'react';
import type { TransferKind } from '../../../core/calendar/calendarSchema';
import { assertNever } from '../../../core/result';
import type { Message } from '../../i18n/messageCatalog';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { Notice } from '../../ui/Notice';
import { useRunAction } from '../../ui/useRunAction';
import { parseOverrideInput, type OverrideInputError } from './overrideInput';
import { selectCalendarOverrides, selectHasUnsavedOverrides, selectSettingsActivity } from './settingsSelectors';
import { SettingsOutcomeNotice } from './SettingsNotices';

const KIND_LABELS = { 'day-off': 'settings.overrides.kind.dayOff', 'working-day': 'settings.overrides.kind.workingDay' } as const;

function overrideErrorMessage(error: OverrideInputError, formatDate: (iso: string) => string): Message {
  switch (error.kind) {
    case 'date-required':
      return { key: 'error.override.dateRequired' };
    case 'invalid-date':
      return { key: 'error.override.invalidDate', params: { value: error.value } };
    case 'note-required':
      return { key: 'error.override.noteRequired' };
    case 'duplicate-date':
      return { key: 'error.override.duplicateDate', params: { date: formatDate(error.date) } };
    case 'too-many':
      return { key: 'error.override.tooMany', params: { max: error.max } };
    default:
      return assertNever(error);
  }
}

/**
 * (b) Government day-off transfers (e.g. the 2026 decrees) as overrides that win over the built-in
 * calendar: edited as a draft, then saved in one go.
 */
export function CalendarOverridesEditor() {
  const { t, render, formatDate } = useTranslator();
  const overrides = useWorkstation(selectCalendarOverrides);
  const hasUnsaved = useWorkstation(selectHasUnsavedOverrides);
  const activity = useWorkstation(selectSettingsActivity);
  const addCalendarOverride = useWorkstation((state) => state.addCalendarOverride);
  const removeCalendarOverride = useWorkstation((state) => state.removeCalendarOverride);
  const saveCalendarOverrides = useWorkstation((state) => state.saveCalendarOverrides);
  const run = useRunAction();
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<TransferKind>('day-off');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<OverrideInputError | null>(null);
  const isSaving = activity.kind === 'saving-overrides';

  function add(event: FormEvent) {
    event.preventDefault();
    const parsed = parseOverrideInput({ date, kind, note }, overrides);
    if (!parsed.ok) {
      setProblem(parsed.error);
      return;
    }
    addCalendarOverride(parsed.value);
    setProblem(null);
    setDate('');
    setNote('');
  }

  return (
    <section className="settings__section" aria-labelledby="settings-overrides-title">
      <h3 id="settings-overrides-title">{t('settings.overrides.title')}</h3>
      <p className="step__hint">{t('settings.overrides.hint')}</p>
      {overrides.length === 0 ? (
        <p className="muted">{t('settings.overrides.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.overrides.date')}</th>
              <th scope="col">{t('settings.overrides.kind')}</th>
              <th scope="col">{t('settings.overrides.note')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('settings.overrides.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overrides.map((override) => (
              <tr key={override.date} data-testid="override-row">
                <td className="data-table__number">{formatDate(override.date)}</td>
                <td>{t(KIND_LABELS[override.kind])}</td>
                <td>{override.note}</td>
                <td className="data-table__action">
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="override-remove"
                    aria-label={t('settings.overrides.removeLabel', { date: formatDate(override.date) })}
                    disabled={isSaving}
                    onClick={() => removeCalendarOverride(override.date)}
                  >
                    {t('settings.overrides.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="override-form" onSubmit={add} noValidate>
        <label className="field">
          <span className="field__label">{t('settings.overrides.date')}</span>
          <input className="field__input" type="date" data-testid="override-date" value={date} onChange={(event) => setDate(event.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('settings.overrides.kind')}</span>
          <select className="field__input" data-testid="override-kind" value={kind} onChange={(event) => setKind(event.target.value === 'working-day' ? 'working-day' : 'day-off')}>
            <option value="day-off">{t(KIND_LABELS['day-off'])}</option>
            <option value="working-day">{t(KIND_LABELS['working-day'])}</option>
          </select>
        </label>
        <label className="field override-form__note">
          <span className="field__label">{t('settings.overrides.note')}</span>
          <input
            className="field__input"
            data-testid="override-note"
            required
            maxLength={300}
            placeholder={t('settings.overrides.notePlaceholder')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        <button type="submit" className="button" data-testid="override-add" disabled={isSaving}>
          {t('settings.overrides.add')}
        </button>
      </form>
      {problem && (
        <Notice tone="error" testId="override-error">
          {render(overrideErrorMessage(problem, formatDate))}
        </Notice>
      )}
      <div className="step__actions step__actions--start">
        <button
          type="button"
          className="button button--primary"
          data-testid="overrides-save"
          disabled={!hasUnsaved || isSaving}
          onClick={() => run(saveCalendarOverrides())}
        >
          {isSaving ? t('settings.overrides.saving') : t('settings.overrides.save')}
        </button>
        {hasUnsaved && <span className="muted">{t('settings.overrides.unsaved')}</span>}
      </div>
      <SettingsOutcomeNotice setting="calendar-overrides" />
    </section>
  );
}
