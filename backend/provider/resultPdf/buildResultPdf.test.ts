import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireSystemTool } from '../../../test/support/requireSystemTool';
import { buildResultPdf, resultFileName } from './buildResultPdf';
import type { ResultDocumentData } from './resultData';
import { loadResultFonts, type ResultFonts } from './resultFonts';

let fonts: ResultFonts;
beforeAll(async () => {
  fonts = await loadResultFonts(path.join(process.cwd(), 'resources', 'fonts'));
});

const CASINO = {
  title: {
    kk: '«Казино қызметімен айналысу үшін лицензия беру, қайта ресімдеу, лицензияның телнұсқаларын беру»',
    ru: 'Выдача лицензии, переоформление, выдача дубликатов лицензии на занятие деятельностью казино',
  },
  provider: { kk: 'Қазақстан Республикасы Спорт және дене шынықтыру істері агенттігі', ru: 'Агентство Республики Казахстан по делам спорта и физической культуры' },
};
// Decided 2026-03-02 23:30 in Astana (UTC+5): the Kazakhstan date is the 2nd, though UTC says the same day here.
const DECIDED_AT = '2026-03-02T18:30:00.000Z';

function data(decision: ResultDocumentData['decision'], overrides: Partial<ResultDocumentData> = {}): ResultDocumentData {
  return {
    applicationId: '3f2b9c4e-8a1d-4e6f-9b2a-5c7d8e9f0a1b',
    registrationNumber: 'LIC-2026-000007',
    registeredAt: '2026-03-01T19:10:00.000Z',
    decision,
    licensee: { kind: 'individual', identifier: '850101399014', name: 'ТЕСТОВ Асан Ерланұлы' },
    service: CASINO,
    ...overrides,
  };
}

const issued = (document: 'licence' | 'reissued-licence' | 'duplicate', licenceNumber: string) =>
  ({ outcome: 'issued', document, licenceNumber, decidedAt: DECIDED_AT }) as const;
const REASON = {
  kk: 'Өтініш беруші біліктілік талаптарына сәйкес келмейді: білікті мамандардың болуын растайтын құжаттар ұсынылмаған.',
  ru: 'Заявитель не соответствует квалификационным требованиям: не представлены документы о наличии квалифицированных специалистов.',
};

/** Writes the PDF, checks it with qpdf, and returns pdftotext's text with whitespace folded. */
async function checkedText(bytes: Uint8Array, name: string): Promise<string> {
  requireSystemTool('qpdf', 'qpdf', ['--version']);
  requireSystemTool('pdftotext', 'poppler-utils', ['-v']);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-result-')), name);
  await writeFile(file, bytes);
  expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('buildResultPdf', () => {
  it('writes a bilingual licence with its number, date of issue, licensee, activity and licensor', async () => {
    const text = await checkedText(await buildResultPdf(data(issued('licence', 'KZ26LAA00000007')), fonts), 'licence.pdf');
    expect(text).toContain('ЛИЦЕНЗИЯ / ЛИЦЕНЗИЯ');
    expect(text).toContain('№ KZ26LAA00000007');
    expect(text).toContain('Берілген күні / Дата выдачи: 02.03.2026');
    expect(text).toContain('ТЕСТОВ Асан Ерланұлы');
    expect(text).toContain('ЖСН / ИИН: 850101399014');
    expect(text).toContain(CASINO.title.kk);
    expect(text).toContain(CASINO.title.ru);
    expect(text).toContain(CASINO.provider.kk);
    expect(text).toContain(CASINO.provider.ru);
    expect(text).toContain('№ LIC-2026-000007, 02.03.2026 ж.');
    expect(text).not.toContain('Телнұсқа');
    expect(text).not.toContain('қайта ресімделген');
  });

  it('marks a re-issued licence as re-issued in both languages', async () => {
    const text = await checkedText(await buildResultPdf(data(issued('reissued-licence', 'KZ26LAA00000008')), fonts), 'reissued.pdf');
    expect(text).toContain('ЛИЦЕНЗИЯ / ЛИЦЕНЗИЯ');
    expect(text).toContain('қайта ресімделген / переоформленная');
    expect(text).toContain('№ KZ26LAA00000008');
    expect(text).not.toContain('Телнұсқа');
  });

  it('marks a duplicate «Телнұсқа» / «Дубликат» in the upper right corner, under its new number', async () => {
    const bytes = await buildResultPdf(data(issued('duplicate', 'KZ26LAA00000009'), { licensee: { kind: 'legal-entity', identifier: '150340999016', name: 'ТОО «ТЕСТОВАЯ КОМПАНИЯ АЛЬФА»' } }), fonts);
    const text = await checkedText(bytes, 'duplicate.pdf');
    expect(text).toContain('Телнұсқа');
    expect(text).toContain('Дубликат');
    expect(text).toContain('№ KZ26LAA00000009');
    expect(text).toContain('БСН / БИН: 150340999016');
    expect(text).toContain('ТОО «ТЕСТОВАЯ КОМПАНИЯ АЛЬФА»');
    // Upper right: the mark's bounding box sits in the top-right quarter of the page.
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-result-')), 'dup.pdf');
    await writeFile(file, bytes);
    const bbox = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>Телнұсқа<\/word>/.exec(bbox);
    expect(word).not.toBeNull();
    expect(Number(word?.[1])).toBeGreaterThan(595.28 / 2);
    expect(Number(word?.[2])).toBeLessThan(841.89 / 4);
  });

  it('writes a reasoned refusal letter with the application number and the reason in Kazakh and Russian', async () => {
    const text = await checkedText(await buildResultPdf(data({ outcome: 'refused', reason: REASON, decidedAt: DECIDED_AT }), fonts), 'refusal.pdf');
    expect(text).toContain('Мемлекеттік қызмет көрсетуден дәлелді бас тарту');
    expect(text).toContain('Мотивированный отказ в оказании государственной услуги');
    expect(text).toContain('LIC-2026-000007');
    expect(text).toContain(REASON.kk);
    expect(text).toContain(REASON.ru);
    expect(text).toContain('ТЕСТОВ Асан Ерланұлы');
    expect(text).not.toContain('ЛИЦЕНЗИЯ / ЛИЦЕНЗИЯ');
  });

  it('gives the same bytes for the same data, dated by the decision', async () => {
    const decision = issued('duplicate', 'KZ26LAA00000009');
    const [a, b] = await Promise.all([buildResultPdf(data(decision), fonts), buildResultPdf(data(decision), fonts)]);
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(sha(a)).toBe(sha(b));
    const later = await buildResultPdf(data({ ...decision, decidedAt: '2026-03-03T05:00:00.000Z' }), fonts);
    expect(sha(later)).not.toBe(sha(a));
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-result-')), 'meta.pdf');
    await writeFile(file, a);
    expect(execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' })).toMatch(/CreationDate:\s+2026-03-02T18:30:00/);
  });

  it('names the file after the document and number, in ASCII', () => {
    expect(resultFileName(data(issued('licence', 'KZ26LAA00000007')))).toBe('licence-KZ26LAA00000007.pdf');
    expect(resultFileName(data(issued('duplicate', 'KZ26LAA00000009')))).toBe('duplicate-KZ26LAA00000009.pdf');
    expect(resultFileName(data({ outcome: 'refused', reason: REASON, decidedAt: DECIDED_AT }))).toBe('refusal-LIC-2026-000007.pdf');
  });

  it('rejects, naming the file, when a font is missing', async () => {
    await expect(loadResultFonts('/nonexistent/fonts')).rejects.toThrow(/DejaVuSans\.ttf is unreadable \(ENOENT\)/);
  });
});
