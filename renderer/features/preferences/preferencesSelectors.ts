import type { Language } from '../../../core/contract';
import type { WorkstationState } from '../../store/storeTypes';

export const selectLanguage = (state: WorkstationState): Language => state.language;
