import { describe, expect, it } from 'vitest';
import type { SigningProblem } from '../../core/contract';
import { PROBLEM_CODES } from '../../core/backendApi/wire';
import { signingDateFormats } from '../features/signing/signingDateFormats';
import { backendProblemMessage, isExplainedProblemCode, keyFilePickErrorMessage, signingProblemMessage } from './signingMessages';
import { createTranslator } from './translator';

const EVERY_PROBLEM: readonly SigningProblem[] = [
  { kind: 'wrong-password' },
  { kind: 'not-a-key-file' },
  { kind: 'no-private-key' },
  { kind: 'key-file-unavailable' },
  { kind: 'untrusted-issuer' },
  { kind: 'not-yet-valid', notBefore: '2025-06-01T12:00:00.000Z' },
  { kind: 'expired', notAfter: '2024-01-10T12:00:00.000Z' },
  { kind: 'revoked' },
  { kind: 'revocation-unknown' },
  { kind: 'revocation-list-stale', fetchedAt: '2025-02-20T09:00:00.000Z' },
  { kind: 'revocation-list-stale', fetchedAt: null },
  { kind: 'not-a-signing-key' },
  { kind: 'iin-mismatch', certificateIin: '780223304561' },
  { kind: 'iin-mismatch', certificateIin: null },
  { kind: 'agent-unavailable' },
  { kind: 'agent-cancelled' },
  { kind: 'agent-error' },
  { kind: 'unsupported-algorithm', algorithm: '1.2.398.3.10.1.1.2.3.9' },
  { kind: 'issuer-not-valid' },
  { kind: 'chain-loop' },
  // Every group of NCALayer's invalid answers (signature-invalid reasons sharing a text are one group).
  { kind: 'signature-invalid', reason: 'malformed' },
  { kind: 'signature-invalid', reason: 'too-large' },
  { kind: 'signature-invalid', reason: 'not-detached' },
  { kind: 'signature-invalid', reason: 'unsupported-algorithm' },
  { kind: 'signature-invalid', reason: 'algorithm-mismatch' },
  { kind: 'signature-invalid', reason: 'digest-mismatch' },
  { kind: 'signature-invalid', reason: 'bad-signature' },
];

type ProblemCode = (typeof PROBLEM_CODES)[keyof typeof PROBLEM_CODES];
const SIGNATURE_CODES: readonly ProblemCode[] = [
  'signature-required',
  'signature-invalid',
  'certificate-untrusted',
  'certificate-not-valid',
  'certificate-revoked',
  'certificate-status-unknown',
  'unsupported-algorithm',
  'not-a-signing-key',
  'signer-not-operator',
  'document-digest-mismatch',
];

describe('signing messages', () => {
  it.each(['kk', 'ru', 'en'] as const)('give every signing problem its own text in %s', (language) => {
    const translator = createTranslator(language);
    const texts = EVERY_PROBLEM.map((problem) => translator.render(signingProblemMessage(problem, signingDateFormats(translator))));
    expect(new Set(texts).size).toBe(texts.length);
    for (const text of texts) expect(text).not.toMatch(/\{\w+\}/);
  });

  it('say what happened and what to do, with the dates and the other person’s IIN', () => {
    const en = createTranslator('en');
    const text = (problem: SigningProblem) => en.render(signingProblemMessage(problem, signingDateFormats(en)));
    expect(text({ kind: 'expired', notAfter: '2024-01-10T12:00:00.000Z' })).toBe('The certificate expired on 10.01.2024 — use your current key.');
    expect(text({ kind: 'iin-mismatch', certificateIin: '780223304561' })).toBe(
      'This key belongs to another person (IIN 780223304561) — you can sign only with your own key.',
    );
    expect(text({ kind: 'wrong-password' })).toBe('Wrong password for this key file. Type the password again.');
    expect(text({ kind: 'unsupported-algorithm', algorithm: '1.2.398.3.10.1.1.2.3.9' })).toContain('(1.2.398.3.10.1.1.2.3.9)');
    expect(text({ kind: 'signature-invalid', reason: 'digest-mismatch' })).toBe('NCALayer signed other data than this application. Nothing was sent. Do not sign through it; call support.');
    expect(text({ kind: 'revocation-list-stale', fetchedAt: '2025-02-20T09:00:00.000Z' })).toMatch(
      /^The revocation list is out of date \(last updated 20\.02\.2025 \d{2}:00\); connect to the network and try again\.$/,
    );
  });

  it('read a certificate date as the local date of the instant', () => {
    // 23:30 UTC on the 9th is already the 10th in Astana (UTC+5); the test clock's zone decides which.
    const instant = '2024-01-09T23:30:00.000Z';
    const local = new Date(instant);
    const expected = `${String(local.getDate()).padStart(2, '0')}.${String(local.getMonth() + 1).padStart(2, '0')}.${local.getFullYear()}`;
    expect(signingDateFormats(createTranslator('kk')).formatInstantDate(instant)).toBe(expected);
  });

  it('are real Kazakh by default', () => {
    const kk = createTranslator('kk');
    const text = (problem: SigningProblem) => kk.render(signingProblemMessage(problem, signingDateFormats(kk)));
    expect(text({ kind: 'expired', notAfter: '2024-01-10T12:00:00.000Z' })).toBe(
      'Сертификаттың мерзімі 10.01.2024 өтіп кеткен — қазір жарамды кілтіңізді пайдаланыңыз.',
    );
    expect(text({ kind: 'wrong-password' })).toBe('Бұл кілт файлының құпиясөзі қате. Құпиясөзді қайта енгізіңіз.');
    expect([kk.t('sign.keyFile'), kk.t('sign.password'), kk.t('review.signAndSubmit'), kk.t('sign.card.owner')]).toEqual([
      'Кілт файлы',
      'Құпиясөз',
      'Қол қою және жіберу',
      'Сертификат иесі',
    ]);
    expect([kk.t('sign.card.iin'), kk.t('sign.card.validity'), kk.t('sign.card.issuer')]).toEqual(['ЖСН', 'Жарамдылық мерзімі', 'Беруші']);
    expect(kk.t('sign.card.organizationValue', { organization: 'ХҚО', bin: '160440007161' })).toBe('ХҚО, БСН 160440007161');
  });

  it('explain a refused key file by its size', () => {
    const ru = createTranslator('ru');
    expect(ru.render(keyFilePickErrorMessage({ kind: 'too-large', fileName: 'скан.pdf', sizeBytes: 3 * 1024 * 1024, maxBytes: 65_536 }, ru.formatBytes))).toBe(
      '«скан.pdf» не может быть файлом ключа: его размер 3 МБ, а файл ключа не больше 64 КБ. Выберите файл ключа.',
    );
  });

  it('give each refusal of a signed application by the backend its own text in every language', () => {
    for (const language of ['kk', 'ru', 'en'] as const) {
      const translator = createTranslator(language);
      const texts = SIGNATURE_CODES.map((code) => translator.render(backendProblemMessage(code)));
      expect(new Set(texts).size).toBe(SIGNATURE_CODES.length);
      expect(texts.some((text) => text.includes('code'))).toBe(false);
    }
    expect(SIGNATURE_CODES.every(isExplainedProblemCode)).toBe(true);
  });

  it('give every problem code of the wire its own text in every language, with what to do next', () => {
    const codes = Object.values(PROBLEM_CODES);
    expect(codes.every(isExplainedProblemCode)).toBe(true);
    for (const language of ['kk', 'ru', 'en'] as const) {
      const translator = createTranslator(language);
      const texts = codes.map((code) => translator.render(backendProblemMessage(code)));
      expect(new Set(texts).size).toBe(codes.length);
    }
    expect(createTranslator('kk').render(backendProblemMessage('validation-failed'))).toBe(
      'Жүйе өтініш деректерін тексеруден өткізбеді. Өтінішті қайтарып алып, деректерді тексеріп, қайта қабылдаңыз.',
    );
  });

  it('quote a code without a text of its own', () => {
    const en = createTranslator('en');
    expect(isExplainedProblemCode('quota-exceeded')).toBe(false);
    expect(en.render(backendProblemMessage('quota-exceeded'))).toBe('The system did not accept the application (code: quota-exceeded). Open the applications journal.');
    expect(en.render(backendProblemMessage(null))).toBe('The system did not accept the application (code: —). Open the applications journal.');
    expect(isExplainedProblemCode('toString')).toBe(false);
  });
});
