import { describe, expect, it } from 'vitest';
import type { ScanFailureKind } from '../../core/contract';
import { MAX_ATTACHMENT_BYTES } from '../../core/contract/limits';
import type { ImportProblem } from '../features/documents/documentsSlice';
import type { ScanProblem } from '../features/scanning/scanningSlice';
import { draftErrorMessage, importErrorMessage, scanFailureMessage, scanProblemMessage, type DraftOperationError } from './documentErrorMessages';
import { createTranslator } from './translator';

const SCAN_FAILURES: readonly ScanFailureKind[] = [
  'device-not-found',
  'device-busy',
  'paper-jam',
  'feeder-empty',
  'cover-open',
  'io-error',
  'access-denied',
  'scanner-software-missing',
  'unsupported-setting',
  'unknown',
];

describe('document and scanner messages', () => {
  it('gives every scanner failure its own text in each language', () => {
    for (const language of ['kk', 'ru', 'en'] as const) {
      const texts = SCAN_FAILURES.map((failure) => createTranslator(language).t(scanFailureMessage(failure)));
      expect(new Set(texts).size).toBe(SCAN_FAILURES.length);
    }
  });

  it('tells the operator after a jam to remove the sheet, and that earlier pages are kept', () => {
    expect(createTranslator('en').t(scanFailureMessage('paper-jam'))).toBe(
      'Paper jam. Open the feeder and remove the jammed sheet; the pages scanned before it are kept. Put the remaining sheets back and scan again.',
    );
    expect(createTranslator('kk').t(scanFailureMessage('paper-jam'))).toContain('кептелген парақты алыңыз');
    expect(createTranslator('ru').t(scanFailureMessage('paper-jam'))).toContain('извлеките замятый лист');
  });

  it('gives each import error its own text, naming the file and the size limit', () => {
    const ru = createTranslator('ru');
    const errors: ImportProblem[] = [
      { kind: 'empty-file' },
      { kind: 'too-large', maxBytes: MAX_ATTACHMENT_BYTES },
      { kind: 'unsupported-type' },
      { kind: 'corrupt-file' },
      { kind: 'too-many-pixels', page: 2, widthPx: 50_000, heightPx: 50_000, maxPixels: 40_000_000 },
      { kind: 'too-many-pages', pages: 620, maxPages: 500 },
      { kind: 'import-cancelled' },
      { kind: 'unreadable-file' },
      { kind: 'draft-not-found' },
      { kind: 'unknown-slot' },
      { kind: 'page-not-found' },
      { kind: 'not-signed-in' },
    ];
    const texts = errors.map((error) => ru.render(importErrorMessage(error, 'scan.tif')));
    expect(new Set(texts).size).toBe(errors.length);
    expect(texts[1]).toBe('«scan.tif» слишком большой: не более 25 МБ.');
    expect(texts[3]).toContain('«scan.tif» повреждён');
    // Bytes, pixels and pages are different limits with different remedies.
    expect(texts[4]).toBe('Страница 2 файла «scan.tif» — изображение 50000 × 50000 пикселей: обработать можно не более 40 мегапикселей. Отсканируйте бумажный документ с разрешением 300 dpi.');
    expect(texts[5]).toContain('620 страниц: допускается не более 500');
  });

  it('gives each draft and scan-start error its own text', () => {
    const draftErrors: DraftOperationError[] = [
      { kind: 'not-signed-in' },
      { kind: 'draft-not-found' },
      { kind: 'unknown-slot' },
      { kind: 'page-not-found' },
      { kind: 'unknown-service' },
      { kind: 'unknown-applicant' },
      { kind: 'unknown-representative' },
      { kind: 'not-rotatable' },
    ];
    const keys = draftErrors.map(draftErrorMessage);
    expect(new Set(keys).size).toBe(keys.length);
    const problems: ScanProblem[] = [{ kind: 'draft-not-found' }, { kind: 'unknown-slot' }, { kind: 'page-not-found' }, { kind: 'scan-in-progress' }, { kind: 'job-not-found' }];
    expect(new Set(problems.map(scanProblemMessage)).size).toBe(problems.length);
  });
});
