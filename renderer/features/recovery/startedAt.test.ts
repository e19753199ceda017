import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/translator';
import { formatStartedAt } from './startedAt';

describe('formatStartedAt', () => {
  const translator = createTranslator('kk');

  it('gives the time alone for an application started today, with the date otherwise', () => {
    const now = new Date(2025, 2, 4, 11, 30);
    expect(formatStartedAt(new Date(2025, 2, 4, 9, 5).toISOString(), now, translator)).toBe('09:05');
    expect(formatStartedAt(new Date(2025, 2, 3, 17, 45).toISOString(), now, translator)).toBe('03.03.2025 17:45');
  });

  it('leaves an unreadable time as it came', () => {
    expect(formatStartedAt('not a time', new Date(), translator)).toBe('not a time');
  });
});
