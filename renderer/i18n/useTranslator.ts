import { useMemo } from 'react';
import { selectLanguage } from '../features/preferences/preferencesSelectors';
import { useWorkstation } from '../store/StoreProvider';
import { createTranslator, type Translator } from './translator';

/** The translator for the interface language; components re-render when the operator switches. */
export function useTranslator(): Translator {
  const language = useWorkstation(selectLanguage);
  return useMemo(() => createTranslator(language), [language]);
}
