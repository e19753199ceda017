import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/translator';
import { describeIdentifierHint, formatIdentifierHint } from './identifierHints';

const TODAY = '2025-03-04';
const en = createTranslator('en');
const hintText = (kind: 'individual' | 'legal-entity', input: string, language: 'kk' | 'ru' | 'en' = 'en') => {
  const hint = describeIdentifierHint(kind, input, TODAY);
  return hint && formatIdentifierHint(hint, createTranslator(language));
};

describe('identifier hints (what the digits suggest, never a check)', () => {
  it('reads birth date and sex from an IIN', () => {
    expect(describeIdentifierHint('individual', '850415312343', TODAY)).toEqual({ kind: 'person', birthDate: '1985-04-15', sex: 'male' });
    expect(hintText('individual', '850415312343')).toBe('Hint from the number: born 15.04.1985, male');
    expect(hintText('individual', '120730612702')).toBe('Hint from the number: born 30.07.2012, female');
    expect(hintText('individual', '850415312343', 'kk')).toBe('Нөмір бойынша болжам: туған күні 15.04.1985, ер адам');
    expect(hintText('individual', '850415312343', 'ru')).toBe('Подсказка по номеру: дата рождения 15.04.1985, мужчина');
  });

  it('reads entity type, unit and registration month from a BIN', () => {
    expect(hintText('legal-entity', '150840123461')).toBe('Hint from the number: resident legal entity, head office, registered 08.2015');
    expect(hintText('legal-entity', '180241123459')).toBe('Hint from the number: resident legal entity, branch, registered 02.2018');
    expect(hintText('legal-entity', '150840123461', 'kk')).toBe('Нөмір бойынша болжам: резидент заңды тұлға, бас бөлімше, тіркелген 08.2015');
  });

  it('says so when the number looks like the other kind', () => {
    expect(hintText('individual', '150840123461')).toBe('Hint from the number: this looks like a BIN, not an IIN.');
    expect(hintText('legal-entity', '850415312343')).toBe('Hint from the number: this looks like an IIN, not a BIN.');
  });

  it('suggests nothing for a number that is incomplete or fails the checksum', () => {
    expect(describeIdentifierHint('individual', '8504153123', TODAY)).toBeNull();
    expect(describeIdentifierHint('individual', '850415312344', TODAY)).toBeNull();
    expect(describeIdentifierHint('legal-entity', '', TODAY)).toBeNull();
  });

  it('leaves out what the digits do not say', () => {
    expect(formatIdentifierHint({ kind: 'person', birthDate: null, sex: 'female' }, en)).toBe('Hint from the number: female');
    expect(formatIdentifierHint({ kind: 'entity', entityType: null, unitType: 'representative-office', registeredYearMonth: null }, en)).toBe(
      'Hint from the number: representative office',
    );
  });
});
