import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../core/contract';
import {
  attachErrorMessage,
  discardErrorMessage,
  loginErrorMessage,
  lookupErrorMessage,
  notSignedInMessage,
  submitErrorMessage,
} from './contractErrorMessages';
import { createTranslator } from './translator';

describe('contract error messages', () => {
  it('gives each kind of one method its own message', () => {
    const lookupKeys = (['invalid-identifier', 'not-found', 'registry-unavailable', 'not-signed-in'] as const).map((kind) =>
      lookupErrorMessage({ kind }),
    );
    expect(new Set(lookupKeys).size).toBe(lookupKeys.length);

    const submitKeys = (['unknown-service', 'unknown-applicant', 'applicant-not-eligible', 'unknown-document', 'not-signed-in'] as const).map(
      (kind) => submitErrorMessage({ kind }),
    );
    expect(new Set(submitKeys).size).toBe(submitKeys.length);

    expect(loginErrorMessage({ kind: 'invalid-credentials' })).not.toBe(loginErrorMessage({ kind: 'backend-unavailable' }));
  });

  it('names the file and the size limit when a file is refused', () => {
    const ru = createTranslator('ru');
    expect(ru.render(attachErrorMessage({ kind: 'too-large', maxBytes: MAX_ATTACHMENT_BYTES }, 'scan.tif'))).toBe(
      '«scan.tif» слишком большой: не более 25 МБ.',
    );
    expect(ru.render(attachErrorMessage({ kind: 'unsupported-type' }, 'notes.docx'))).toContain('«notes.docx»: этот тип файла не принимается');
    expect(ru.render(attachErrorMessage({ kind: 'empty-file' }, 'blank.pdf'))).toBe('«blank.pdf» — пустой файл.');
    expect(ru.render(discardErrorMessage({ kind: 'not-found' }, 'old.pdf'))).toBe('Документ «old.pdf» уже был удалён.');
  });

  it('tells the operator to sign in again when main answers not-signed-in', () => {
    expect(createTranslator('kk').t(notSignedInMessage({ kind: 'not-signed-in' }))).toBe(
      'Сеанс аяқталды. Жұмысты жалғастыру үшін қайта кіріңіз.',
    );
  });
});
