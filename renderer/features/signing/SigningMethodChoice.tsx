import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { selectSigningChoice } from './signingSelectors';
import type { SigningChoice } from './signingSlice';

const CHOICES: readonly { readonly choice: SigningChoice; readonly testId: string }[] = [
  { choice: 'key-file', testId: 'sign-method-key-file' },
  { choice: 'ncalayer', testId: 'sign-method-ncalayer' },
];

/** A key file (the default: most counters sign with a .p12 on a USB stick) or NCALayer for GOST keys and tokens. */
export function SigningMethodChoice({ isDisabled, onChosen }: { readonly isDisabled: boolean; readonly onChosen: () => void }) {
  const { t } = useTranslator();
  const current = useWorkstation(selectSigningChoice);
  const chooseSigningMethod = useWorkstation((state) => state.chooseSigningMethod);

  return (
    <fieldset className="signing__methods">
      <legend className="field__label">{t('sign.method')}</legend>
      {CHOICES.map(({ choice, testId }) => (
        <label key={choice} className="radio">
          <input
            type="radio"
            name="signing-method"
            data-testid={testId}
            checked={current === choice}
            disabled={isDisabled}
            onChange={() => {
              onChosen();
              chooseSigningMethod(choice);
            }}
          />
          <span>{t(choice === 'key-file' ? 'sign.method.keyFile' : 'sign.method.ncalayer')}</span>
        </label>
      ))}
    </fieldset>
  );
}
