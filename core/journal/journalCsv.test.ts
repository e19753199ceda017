import { describe, expect, it } from 'vitest';
import type { JournalVisit } from '../contract/journal';
import { journalCsvFileName, kzLocalDateTime, questionnaireCsv, visitsCsv } from './journalCsv';

const visit: JournalVisit = {
  visitId: 'v-1', kind: 'acceptance', operatorId: 'op-1', operatorName: '=Оператор', serviceId: '000-a1-casino-2012', applicationId: 'app-1',
  localNumber: 'WS-20261120-0001', registrationNumber: null, status: 'accepted', startedAt: '2026-11-19T19:30:00.000Z',
  totalSeconds: 70, budgetMinutes: 15, overBudget: false,
  steps: [
    { step: 'service', startedAt: '2026-11-19T19:30:00.000Z', seconds: 40, norm: { minSeconds: 30, maxSeconds: 30 }, overNorm: true },
    { step: 'receipt', startedAt: '2026-11-19T19:30:40.000Z', seconds: 30, norm: null, overNorm: false },
  ],
};

describe('visitsCsv', () => {
  it('has a localized header and one row per visit step in Kazakhstan time', () => {
    const csv = visitsCsv([visit], 'en');
    expect(csv.startsWith('\uFEFFDate;Visit;Kind;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, two steps, trailing empty
    expect(lines[1]).toBe("2026-11-20;v-1;acceptance;op-1;'=Оператор;000-a1-casino-2012;WS-20261120-0001;;accepted;service;2026-11-20 00:30:00;40;30;30;1;70;15;0");
    expect(lines[2]).toContain(';receipt;2026-11-20 00:30:40;30;;;0;');
    expect(visitsCsv([], 'kk')).toMatch(/^\uFEFFКүн;Келу;/);
    expect(visitsCsv([], 'ru')).toMatch(/^\uFEFFДата;Визит;/);
  });
});

describe('questionnaireCsv', () => {
  it('writes one row per answer', () => {
    const csv = questionnaireCsv([{ answeredAt: '2026-11-20T05:00:00.000Z', serviceId: '001-security-2012', localNumber: 'L-1', registrationNumber: 'R-1', operatorId: 'op', operatorName: 'A', quality: 2, accessibility: 0 }], 'en');
    expect(csv.slice(1).split('\r\n')[1]).toBe('2026-11-20;2026-11-20 10:00:00;001-security-2012;L-1;R-1;op;A;2;0');
  });
});

describe('journal csv helpers', () => {
  it('formats Kazakhstan local time and names the file after the range', () => {
    expect(kzLocalDateTime('2026-11-20T18:59:59.000Z')).toBe('2026-11-20 23:59:59');
    expect(kzLocalDateTime('nope')).toBe('');
    expect(journalCsvFileName('visits', '2026-11-20', '2026-11-20')).toBe('journal-visits-2026-11-20.csv');
    expect(journalCsvFileName('questionnaire', '2026-11-20', '2026-11-22')).toBe('journal-questionnaire-2026-11-20_2026-11-22.csv');
  });
});
