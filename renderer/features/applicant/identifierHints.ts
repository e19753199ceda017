/**
 * What the digits of a typed IIN/BIN suggest (core/identifiers/kzIdentifierHints.ts): shown under
 * the field as a hint, never a check. The registry's answer is the only authority (an IIN need not
 * match the birth date since 2013), so a hint never blocks anything.
 */
import type { ApplicantKind } from '../../../core/catalog/catalogSchema';
import { binHints, classifyKzIdentifier, iinHints, type BinEntityType, type BinUnitType } from '../../../core/identifiers/kzIdentifierHints';
import type { MessageKey } from '../../i18n/messageCatalog';
import type { Translator } from '../../i18n/translator';

export type IdentifierHint =
  | { readonly kind: 'person'; readonly birthDate: string | null; readonly sex: 'male' | 'female' | null }
  | { readonly kind: 'entity'; readonly entityType: BinEntityType | null; readonly unitType: BinUnitType | null; readonly registeredYearMonth: string | null }
  /** The number has the structure of the other kind: an IIN typed as a BIN or the reverse. */
  | { readonly kind: 'looks-like'; readonly other: ApplicantKind };

/** The hint for a checksum-valid number of the expected kind; null when the digits suggest nothing. */
export function describeIdentifierHint(expected: ApplicantKind, input: string, today: string): IdentifierHint | null {
  const guess = classifyKzIdentifier(input);
  if (expected === 'individual' && guess === 'likely-bin') return { kind: 'looks-like', other: 'legal-entity' };
  if (expected === 'legal-entity' && guess === 'likely-iin') return { kind: 'looks-like', other: 'individual' };
  if (expected === 'individual') {
    const hints = iinHints(input);
    if (!hints.ok || (hints.value.birthDate === null && hints.value.sex === null)) return null;
    return { kind: 'person', birthDate: hints.value.birthDate, sex: hints.value.sex };
  }
  const hints = binHints(input, today);
  if (!hints.ok) return null;
  const { entityType, unitType, registeredYearMonth } = hints.value;
  if (entityType === null && unitType === null && registeredYearMonth === null) return null;
  return { kind: 'entity', entityType, unitType, registeredYearMonth };
}

const ENTITY_TYPE: Readonly<Record<BinEntityType, MessageKey>> = {
  'resident-legal-entity': 'hint.entity.resident',
  'non-resident-legal-entity': 'hint.entity.nonResident',
  'ie-joint-entrepreneurship': 'hint.entity.ieJoint',
};

const UNIT_TYPE: Readonly<Record<BinUnitType, MessageKey>> = {
  head: 'hint.unit.head',
  branch: 'hint.unit.branch',
  'representative-office': 'hint.unit.representativeOffice',
  'peasant-farm-joint': 'hint.unit.peasantFarm',
};

/** 'YYYY-MM' as MM.YYYY, like the dates on the documents. */
function formatYearMonth(yearMonth: string): string {
  return `${yearMonth.slice(5, 7)}.${yearMonth.slice(0, 4)}`;
}

function detailsOf(hint: IdentifierHint & { readonly kind: 'person' | 'entity' }, translator: Pick<Translator, 't' | 'formatDate'>): string[] {
  const { t } = translator;
  if (hint.kind === 'person') {
    return [
      hint.birthDate === null ? null : t('hint.born', { date: translator.formatDate(hint.birthDate) }),
      hint.sex === null ? null : t(hint.sex === 'male' ? 'hint.male' : 'hint.female'),
    ].filter((part): part is string => part !== null);
  }
  return [
    hint.entityType === null ? null : t(ENTITY_TYPE[hint.entityType]),
    hint.unitType === null ? null : t(UNIT_TYPE[hint.unitType]),
    hint.registeredYearMonth === null ? null : t('hint.registered', { date: formatYearMonth(hint.registeredYearMonth) }),
  ].filter((part): part is string => part !== null);
}

/** "Hint from the number: born 15.04.1985, male" in the interface language. */
export function formatIdentifierHint(hint: IdentifierHint, translator: Pick<Translator, 't' | 'formatDate'>): string {
  if (hint.kind === 'looks-like') return translator.t(hint.other === 'legal-entity' ? 'hint.looksLikeBin' : 'hint.looksLikeIin');
  return translator.t('hint.fromNumber', { details: detailsOf(hint, translator).join(', ') });
}
