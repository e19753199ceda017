import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireSystemTool } from '../../test/support/requireSystemTool';
import { buildReceiptPdf, type ReceiptData, type ReceiptFonts } from './buildReceiptPdf';
import { citeRegulation } from './regulationActs';

let fonts: ReceiptFonts;
beforeAll(async () => {
  const read = async (name: string) => new Uint8Array(await readFile(path.join(process.cwd(), 'resources/fonts', name)));
  fonts = { regular: await read('DejaVuSans.ttf'), bold: await read('DejaVuSans-Bold.ttf') };
});

const SOURCE = { seedFile: '002_9149a4a58fa77cb3.txt', annex: '2-қосымша' };

function receiptData(language: 'kk' | 'ru', overrides: Partial<ReceiptData> = {}): ReceiptData {
  const kk = language === 'kk';
  return {
    language,
    applicationId: '3f2b9c4e-8a1d-4e6f-9b2a-5c7d8e9f0a1b',
    workplaceName: 'Астана қ. №1 ХҚО',
    workplaceKind: 'psc',
    operatorName: 'Операторов Нұрлан',
    service: {
      title: kk
        ? '«Казино қызметімен айналысу үшін лицензия беру, қайта ресімдеу, лицензияның телнұсқаларын беру»'
        : 'Выдача лицензии, переоформление, выдача дубликатов лицензии на занятие деятельностью казино',
      subtype: 'issue',
      provider: kk ? 'Қазақстан Республикасы Спорт және дене шынықтыру істері агенттігі' : 'Агентство Республики Казахстан по делам спорта и физической культуры',
      regulation: citeRegulation(SOURCE, language),
      workingDays: 15,
      acceptanceDayCounts: false,
    },
    applicant: { kind: 'legal-entity', identifier: '150340999016', name: '«Алтын Сарай» ЖШС' },
    representative: { iin: '900202499021', name: 'Сейітқали Әсел Ғабитқызы', powerOfAttorney: { kind: 'notarised', number: '2026-ҚН-000124' } },
    documents: [
      { title: kk ? 'Өтініш' : 'Заявление', pageCount: 2 },
      { title: kk ? 'Жеке басын куәландыратын құжат' : 'Документ, удостоверяющий личность', pageCount: 1 },
      { title: kk ? 'Сенімхат' : 'Доверенность', pageCount: 1 },
      { title: kk ? 'Лицензиялық алымның төленгенін растайтын құжат' : 'Документ об уплате лицензионного сбора', pageCount: 1 },
      { title: kk ? 'Біліктілік талаптарына сәйкестігін растайтын құжаттар' : 'Документы о соответствии квалификационным требованиям', pageCount: 7 },
    ],
    // 09:42 in Astana (UTC+5); planned date 15 working days later, acceptance day not counted.
    acceptedAt: '2026-11-23T04:42:10.000Z',
    plannedResultDate: '2026-12-14',
    registrationNumber: 'KZ26LIC00001234',
    localNumber: 'WS01-20261123-0001',
    ...overrides,
  };
}

async function writeTemp(bytes: Uint8Array, name: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-receipt-')), name);
  await writeFile(file, bytes);
  return file;
}

/** pdftotext output with runs of spaces and line breaks folded, so wrapped values still match. */
function textOf(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('buildReceiptPdf', () => {
  it.each(['kk', 'ru'] as const)('writes a valid A4 receipt in %s with the documents, both dates, the number and the applicant', async (language) => {
    requireSystemTool('qpdf', 'qpdf', ['--version']);
    requireSystemTool('pdftotext', 'poppler-utils', ['-v']);
    const data = receiptData(language);
    const file = await writeTemp(await buildReceiptPdf(data, fonts), `receipt-${language}.pdf`);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/);

    const text = textOf(file);
    expect(text).toContain(language === 'kk' ? 'Тізілімдеме' : 'Расписка');
    for (const document of data.documents) expect(text).toContain(document.title);
    expect(text).toContain('23.11.2026 09:42');
    expect(text).toContain('14.12.2026');
    expect(text).toContain(language === 'kk' ? '15 жұмыс күні' : '15 рабочих дней');
    expect(text).toContain(
      language === 'kk'
        ? 'ХҚО-ға жүгінген кезде құжаттарды қабылдау күні мемлекеттік қызметті көрсету мерзіміне кірмейді.'
        : 'При обращении в ЦОН день приёма документов не входит в срок оказания государственной услуги.',
    );
    expect(text).toContain('KZ26LIC00001234');
    expect(text).toContain('«Алтын Сарай» ЖШС');
    expect(text).toContain('150340999016');
    expect(text).toContain('Сейітқали Әсел Ғабитқызы');
    expect(text).toContain('2026-ҚН-000124');
    expect(text).toContain('Астана қ. №1 ХҚО');
    expect(text).toContain('Операторов Нұрлан');
    expect(text).toContain(language === 'kk' ? '4 наурыздағы № 73 бұйрығы, 2-қосымша' : 'от 4 марта 2014 года № 73, приложение 2');
  });

  it('states the local number and that the registration number follows, while the application waits in the queue', async () => {
    const file = await writeTemp(await buildReceiptPdf(receiptData('ru', { registrationNumber: null }), fonts), 'local.pdf');
    const text = textOf(file);
    expect(text).toContain('Локальный номер заявления');
    expect(text).toContain('WS01-20261123-0001');
    expect(text).toContain('Регистрационный номер будет присвоен после регистрации заявления');
    expect(text).not.toContain('KZ26LIC00001234');
  });

  it('says the regulation states no deadline rather than printing a date', async () => {
    const data = receiptData('kk', { plannedResultDate: null, service: { ...receiptData('kk').service, workingDays: null, acceptanceDayCounts: null } });
    const text = textOf(await writeTemp(await buildReceiptPdf(data, fonts), 'none.pdf'));
    expect(text).toContain('регламентте мерзім көрсетілмеген');
  });

  it('gives the same bytes for the same data', async () => {
    const data = receiptData('kk');
    const [a, b] = await Promise.all([buildReceiptPdf(data, fonts), buildReceiptPdf(data, fonts)]);
    expect(createHash('sha256').update(a).digest('hex')).toBe(createHash('sha256').update(b).digest('hex'));
  });

  it('continues a long document list on a second page', async () => {
    requireSystemTool('qpdf', 'qpdf', ['--version']);
    const documents = Array.from({ length: 40 }, (_, i) => ({ title: `Құжат ${i + 1}`, pageCount: i + 1 }));
    const file = await writeTemp(await buildReceiptPdf(receiptData('kk', { documents }), fonts), 'long.pdf');
    execFileSync('qpdf', ['--check', file]);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
    expect(textOf(file)).toContain('Құжат 40');
  });

  it('renders page 1 to test-results/screens/receipt-kk.png', async () => {
    requireSystemTool('pdftoppm', 'poppler-utils', ['-v']);
    const file = await writeTemp(await buildReceiptPdf(receiptData('kk'), fonts), 'receipt-kk.pdf');
    const screens = path.join(process.cwd(), 'test-results', 'screens');
    await mkdir(screens, { recursive: true });
    const prefix = path.join(path.dirname(file), 'page');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
    await rename(`${prefix}.png`, path.join(screens, 'receipt-kk.png'));
    const png = await readFile(path.join(screens, 'receipt-kk.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
