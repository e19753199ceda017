import { describe, expect, it } from 'vitest';
import type { BackendConnectionCheckError, RepresentativeError, SubmitDraftError } from '../../core/contract';
import type { PowerOfAttorneyProblem } from '../../core/registry/powerOfAttorney';
import {
  backendConnectionCheckErrorMessage,
  deadlinePreviewErrorMessage,
  loginErrorMessage,
  lookupErrorMessage,
  notSignedInMessage,
  powerOfAttorneyProblemMessage,
  representativeErrorMessage,
  settingsErrorMessage,
  submitErrorMessage,
} from './contractErrorMessages';
import { createTranslator } from './translator';

describe('contract error messages', () => {
  it('gives each kind of one method its own message', () => {
    const lookupKeys = (['invalid-identifier', 'not-found', 'registry-unavailable', 'not-signed-in'] as const).map((kind) =>
      lookupErrorMessage({ kind }),
    );
    expect(new Set(lookupKeys).size).toBe(lookupKeys.length);

    const submitErrors: SubmitDraftError[] = [
      { kind: 'not-signed-in' },
      { kind: 'unknown-service' },
      { kind: 'unknown-applicant' },
      { kind: 'unknown-representative' },
      { kind: 'applicant-not-eligible' },
      { kind: 'draft-not-found' },
      { kind: 'no-applicant' },
      { kind: 'missing-documents', slotIds: ['identity'] },
      { kind: 'unreadable-page', slotId: 'identity' },
      { kind: 'document-too-large', slotId: 'identity', sizeBytes: 527 * 1024 * 1024, maxBytes: 30 * 1024 * 1024 },
      { kind: 'document-too-many-pages', slotId: 'identity', pages: 620, maxPages: 500 },
      { kind: 'signature-required' },
      { kind: 'signing-failed', problem: { kind: 'expired', notAfter: '2024-01-10T12:00:00.000Z' }, card: null },
    ];
    const submitKeys = submitErrors.map((error) => submitErrorMessage(error, (slotId) => slotId).key);
    expect(new Set(submitKeys).size).toBe(submitKeys.length);

    expect(loginErrorMessage({ kind: 'invalid-credentials' })).not.toBe(loginErrorMessage({ kind: 'backend-unavailable' }));

    const settingsKeys = (['not-signed-in', 'not-permitted', 'unknown-service', 'insecure-url', 'pins-need-https'] as const).map((kind) => settingsErrorMessage({ kind }).key);
    expect(new Set(settingsKeys).size).toBe(settingsKeys.length);
    expect(deadlinePreviewErrorMessage({ kind: 'unknown-service' })).not.toBe(deadlinePreviewErrorMessage({ kind: 'not-signed-in' }));
  });

  it('gives each representative error its own text, with the specific reason for an invalid PoA', () => {
    const en = createTranslator('en');
    const renderReason = (problem: PowerOfAttorneyProblem) => en.render(powerOfAttorneyProblemMessage(problem, en.formatDate));
    const errors: RepresentativeError[] = [
      { kind: 'not-signed-in' },
      { kind: 'invalid-identifier' },
      { kind: 'not-allowed-by-regulation' },
      { kind: 'unknown-applicant' },
      { kind: 'same-as-applicant' },
      { kind: 'not-found' },
      { kind: 'power-of-attorney-not-found' },
      { kind: 'power-of-attorney-invalid', problem: { kind: 'revoked' } },
      { kind: 'representative-not-eligible' },
      { kind: 'registry-unavailable' },
    ];
    const texts = errors.map((error) => en.render(representativeErrorMessage(error, renderReason)));
    expect(new Set(texts).size).toBe(texts.length);

    const problems: PowerOfAttorneyProblem[] = [
      { kind: 'revoked' },
      { kind: 'expired', validUntil: '2024-12-31' },
      { kind: 'not-yet-valid', issuedOn: '2025-03-10' },
      { kind: 'other-principal' },
      { kind: 'other-representative' },
    ];
    const kk = createTranslator('kk');
    expect(problems.map((problem) => kk.render(powerOfAttorneyProblemMessage(problem, kk.formatDate)))).toEqual([
      'ол кері қайтарып алынған.',
      'ол 31.12.2024 қоса алғанда жарамды болған, мерзімі өтіп кетті.',
      'ол 10.03.2025 күнімен берілген, әлі күшіне енбеген.',
      'оны өтініш беруші емес, басқа тұлға берген.',
      'ол басқа адамға берілген: өкілдің ЖСН-і сенімхаттағымен сәйкес келмейді.',
    ]);
    expect(kk.render(representativeErrorMessage({ kind: 'power-of-attorney-invalid', problem: { kind: 'expired', validUntil: '2024-12-31' } }, (p) => kk.render(powerOfAttorneyProblemMessage(p, kk.formatDate))))).toBe(
      'Сенімхат жарамсыз: ол 31.12.2024 қоса алғанда жарамды болған, мерзімі өтіп кетті.',
    );
  });

  it('quotes the regulation when a representative or PoA cannot be obtained', () => {
    const ru = createTranslator('ru');
    const none = () => '';
    expect(ru.render(representativeErrorMessage({ kind: 'not-found' }, none))).toMatch(/^Получение данных невозможно/);
    expect(ru.render(representativeErrorMessage({ kind: 'power-of-attorney-not-found' }, none))).toMatch(/^Получение данных невозможно/);
  });

  it('names the missing or unreadable documents by their titles', () => {
    const en = createTranslator('en');
    const titles: Record<string, string> = { identity: 'Identity document', 'fee-receipt': 'Proof of payment of the licence fee' };
    const title = (slotId: string) => titles[slotId] ?? slotId;
    expect(en.render(submitErrorMessage({ kind: 'missing-documents', slotIds: ['identity', 'fee-receipt'] }, title))).toBe(
      'These documents have no pages: Identity document, Proof of payment of the licence fee. Go back to the documents and scan them.',
    );
    expect(en.render(submitErrorMessage({ kind: 'unreadable-page', slotId: 'identity' }, title))).toContain('A page of “Identity document” could not be read back.');
    // Too big for the licensing body: which document, how big, the limit, and what to do.
    expect(en.render(submitErrorMessage({ kind: 'document-too-large', slotId: 'fee-receipt', sizeBytes: 527 * 1024 * 1024 + 1, maxBytes: 30 * 1024 * 1024 }, title))).toBe(
      'The document “Proof of payment of the licence fee” comes to 528 MB, but the licensing body accepts at most 30 MB per document. Delete pages it does not need, or scan it again in black-and-white or at a lower resolution, then submit.',
    );
  });

  it('gives each way a backend connection check fails its own text in every language, with main\'s detail and the admin source', () => {
    const errors: BackendConnectionCheckError[] = [
      { kind: 'not-signed-in' },
      { kind: 'not-permitted' },
      { kind: 'unknown-service' },
      { kind: 'locked', source: '/etc/psc-workstation/admin.json' },
      { kind: 'insecure-url' },
      { kind: 'invalid-ca-bundle', detail: 'certificate 2 expired on 2024-01-01' },
      { kind: 'pins-need-https' },
      { kind: 'unreachable' },
      { kind: 'timeout' },
      { kind: 'not-a-backend' },
      ...(['untrusted-certificate', 'expired-certificate', 'hostname-mismatch', 'pin-mismatch', 'handshake-failed'] as const).map((reason) => ({ kind: 'tls' as const, reason })),
    ];
    for (const language of ['kk', 'ru', 'en'] as const) {
      const translator = createTranslator(language);
      const texts = errors.map((error) => translator.render(backendConnectionCheckErrorMessage(error)));
      expect(new Set(texts).size).toBe(texts.length);
      expect(texts[3]).toContain('(/etc/psc-workstation/admin.json)');
      expect(texts[5]).toContain('certificate 2 expired on 2024-01-01');
    }
    const en = createTranslator('en');
    expect(en.render(settingsErrorMessage({ kind: 'locked', source: '' }))).toBe('This setting is fixed by the administrator and cannot be changed here.');
  });

  it('tells the operator to sign in again when main answers not-signed-in', () => {
    expect(createTranslator('kk').t(notSignedInMessage({ kind: 'not-signed-in' }))).toBe(
      'Сеанс аяқталды. Жұмысты жалғастыру үшін қайта кіріңіз.',
    );
  });
});
