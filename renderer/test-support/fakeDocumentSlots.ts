/**
 * A copy of resources/catalog/documentSlots.json for the fake api (renderer code may not import
 * resources/); fakeDocumentSlots.test.ts keeps the two equal, so the fake's drafts have exactly
 * the slots main gives them.
 */
import type { DocumentSlotsData } from '../../core/catalog/documentSlots';

export const FAKE_DOCUMENT_SLOTS: DocumentSlotsData = {
  version: 1,
  source:
    'The regulations in resources/seeds refer to item 9 of each service Standard for the list of documents («Стандарттың 9-тармағында көзделген тізбе», e.g. 002_9149a4a58fa77cb3.txt, 1-қосымша, п. 4); the Standards are not among the seeds (reference/regulations.md §7, item 26). These slots are therefore a generic set that covers what every licensing Standard of that period asks for; a service-specific list replaces them once its Standard is added.',
  slots: [
    {
      id: 'application',
      title: { kk: 'Лицензия алуға өтініш', ru: 'Заявление на получение лицензии', en: 'Licence application form' },
      required: 'always',
    },
    {
      id: 'identity',
      title: { kk: 'Жеке басын куәландыратын құжат', ru: 'Документ, удостоверяющий личность', en: 'Identity document' },
      required: 'always',
    },
    {
      id: 'power-of-attorney',
      title: { kk: 'Сенімхат', ru: 'Доверенность', en: 'Power of attorney' },
      required: 'when-represented',
    },
    {
      id: 'fee-receipt',
      title: { kk: 'Лицензиялық алымның төленгенін растайтын құжат', ru: 'Документ об оплате лицензионного сбора', en: 'Proof of payment of the licence fee' },
      required: 'always',
    },
    {
      id: 'qualification',
      title: { kk: 'Біліктілік талаптарына сәйкестігін растайтын құжаттар', ru: 'Документы о соответствии квалификационным требованиям', en: 'Documents proving the qualification requirements' },
      required: 'for-issue',
    },
    {
      id: 'reissue-grounds',
      title: { kk: 'Лицензияны қайта ресімдеу негізін растайтын құжаттар', ru: 'Документы, подтверждающие основание переоформления', en: 'Documents proving the grounds for re-issue' },
      required: 'for-reissue',
    },
    {
      id: 'other',
      title: { kk: 'Басқа құжаттар', ru: 'Прочие документы', en: 'Other documents' },
      required: 'never',
    },
  ],
};
