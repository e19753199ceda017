import type { Language } from '../../../core/contract';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { selectLanguage } from './preferencesSelectors';

/** Each language is named in itself, so an operator who cannot read the current one still finds theirs. */
const LANGUAGE_OPTIONS: readonly { readonly language: Language; readonly short: string; readonly name: string }[] = [
  { language: 'kk', short: 'ҚАЗ', name: 'Қазақша' },
  { language: 'ru', short: 'РУС', name: 'Русский' },
  { language: 'en', short: 'ENG', name: 'English' },
];

export function LanguageSwitch() {
  const { t } = useTranslator();
  const current = useWorkstation(selectLanguage);
  const changeLanguage = useWorkstation((state) => state.changeLanguage);
  const run = useRunAction();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGE_OPTIONS.map(({ language, short, name }) => (
        <button
          key={language}
          type="button"
          lang={language}
          title={name}
          aria-label={name}
          aria-pressed={language === current}
          data-testid={`language-${language}`}
          onClick={() => run(changeLanguage(language))}
        >
          {short}
        </button>
      ))}
    </div>
  );
}
