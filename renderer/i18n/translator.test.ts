import { describe, expect, it } from 'vitest';
import { createTranslator } from './translator';

describe('createTranslator', () => {
  it('fills parameters and leaves an unknown one visible', () => {
    const kk = createTranslator('kk');
    expect(kk.t('about.version', { version: '1.2.3' })).toBe('Нұсқа 1.2.3');
    expect(kk.t('about.version')).toBe('Нұсқа {version}');
  });

  it('chooses Russian plural forms for working days', () => {
    const ru = createTranslator('ru');
    expect(ru.plural('deadline.workingDays', 1)).toBe('Срок: 1 рабочий день');
    expect(ru.plural('deadline.workingDays', 2)).toBe('Срок: 2 рабочих дня');
    expect(ru.plural('deadline.workingDays', 15)).toBe('Срок: 15 рабочих дней');
    expect(ru.plural('deadline.workingDays', 21)).toBe('Срок: 21 рабочий день');
  });

  it('chooses English and Kazakh plural forms', () => {
    expect(createTranslator('en').plural('deadline.workingDays', 1)).toBe('Deadline: 1 working day');
    expect(createTranslator('en').plural('deadline.workingDays', 10)).toBe('Deadline: 10 working days');
    expect(createTranslator('kk').plural('deadline.workingDays', 2)).toBe('Мерзімі: 2 жұмыс күні');
  });

  it('prints dates as on ID documents and sizes with the local decimal sign', () => {
    const ru = createTranslator('ru');
    expect(ru.formatDate('1985-04-15')).toBe('15.04.1985');
    expect(ru.formatBytes(512)).toBe('512 Б');
    expect(ru.formatBytes(1536)).toBe('1,5 КБ');
    expect(createTranslator('en').formatBytes(3 * 1024 * 1024)).toBe('3 MB');
  });

  it('prints an instant in local time as DD.MM.YYYY HH:MM', () => {
    const instant = new Date(2025, 2, 4, 9, 5);
    expect(createTranslator('kk').formatDateTime(instant.toISOString())).toBe('04.03.2025 09:05');
  });

  it('prints a local time of day as HH:MM, or HH:MM:SS when asked', () => {
    const instant = new Date(2025, 2, 4, 7, 5, 9).toISOString();
    expect(createTranslator('ru').formatTime(instant)).toBe('07:05');
    expect(createTranslator('en').formatTime(instant, { seconds: true })).toBe('07:05:09');
    expect(createTranslator('en').formatTime('not a time')).toBe('not a time');
  });
});
