import { describe, expect, it } from 'vitest';
import type { QueueActionFailure } from '../features/queue/queueSlice';
import { signingDateFormats } from '../features/signing/signingDateFormats';
import { queueActionFailureMessage } from './queueMessages';
import { createTranslator } from './translator';

const EVERY_FAILURE: readonly QueueActionFailure[] = [
  { action: 'retry', error: { kind: 'not-found' } },
  { action: 'withdraw', error: { kind: 'not-pending' } },
  { action: 'resign', error: { kind: 'not-signed-payload' } },
  { action: 'resign', error: { kind: 'signing-failed', problem: { kind: 'wrong-password' }, card: null } },
];

describe('queue messages', () => {
  it('give each failure of a queue action its own text in every language', () => {
    for (const language of ['kk', 'ru', 'en'] as const) {
      const translator = createTranslator(language);
      const texts = EVERY_FAILURE.map((failure) => translator.render(queueActionFailureMessage(failure, signingDateFormats(translator))));
      expect(new Set(texts).size).toBe(EVERY_FAILURE.length);
    }
  });

  it('word a refused re-signature as the signing step does', () => {
    const kk = createTranslator('kk');
    const expired: QueueActionFailure = { action: 'resign', error: { kind: 'signing-failed', problem: { kind: 'expired', notAfter: '2024-01-10T12:00:00.000Z' }, card: null } };
    expect(kk.render(queueActionFailureMessage(expired, signingDateFormats(kk)))).toBe('Сертификаттың мерзімі 10.01.2024 өтіп кеткен — қазір жарамды кілтіңізді пайдаланыңыз.');
  });
});
