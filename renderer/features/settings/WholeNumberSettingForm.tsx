import { useState, type FormEvent } from 'react';
import { useWorkstation } from '../../store/StoreProvider';
import { selectSettingsActivity } from './settingsSelectors';

export interface WholeNumberLimits {
  readonly min: number;
  readonly max: number;
}

/** What the supervisor has typed for a whole-number setting, judged against the contract's limits. */
export interface WholeNumberDraft {
  readonly value: string;
  readonly setValue: (value: string) => void;
  readonly parsed: number;
  readonly isValid: boolean;
  /** Valid and different from the setting in force: there is something to save. */
  readonly isChanged: boolean;
}

export function useWholeNumberDraft(current: number, limits: WholeNumberLimits): WholeNumberDraft {
  const [value, setValue] = useState(String(current));
  const parsed = Number(value);
  const isValid = value.trim() !== '' && Number.isInteger(parsed) && parsed >= limits.min && parsed <= limits.max;
  return { value, setValue, parsed, isValid, isChanged: isValid && parsed !== current };
}

/**
 * The number input and its Save button shared by the idle lock and retention settings: the input's
 * limits are the contract's, read-only while the administrator locks the setting, and Save only
 * when there is a valid change and no other settings action is running.
 */
export function WholeNumberSettingForm(props: {
  readonly draft: WholeNumberDraft;
  readonly limits: WholeNumberLimits;
  readonly locked: boolean;
  readonly label: string;
  readonly saveLabel: string;
  readonly inputTestId: string;
  readonly saveTestId: string;
  readonly describedBy?: string;
  readonly onSave: (value: number) => void;
}) {
  const { draft, limits, locked } = props;
  const activity = useWorkstation(selectSettingsActivity);

  function save(event: FormEvent) {
    event.preventDefault();
    if (!locked && draft.isChanged) props.onSave(draft.parsed);
  }

  return (
    <form className="override-form" onSubmit={save} noValidate>
      <label className="field">
        <span className="field__label">{props.label}</span>
        <input
          className="field__input"
          data-testid={props.inputTestId}
          type="number"
          inputMode="numeric"
          min={limits.min}
          max={limits.max}
          step={1}
          readOnly={locked}
          aria-invalid={!draft.isValid}
          aria-describedby={props.describedBy}
          value={draft.value}
          onChange={(event) => draft.setValue(event.target.value)}
        />
      </label>
      <button type="submit" className="button" data-testid={props.saveTestId} disabled={locked || !draft.isChanged || activity.kind !== 'idle'}>
        {props.saveLabel}
      </button>
    </form>
  );
}
