/**
 * Synthetic fixtures for renderer tests: identifiers are the reference vectors of
 * reference/kz-domain.md §1.3, names are invented. Never real citizen data.
 */
import type { OperatorProfile, ServiceSummary } from '../../core/contract';
import type { LegalEntityRecord, PersonRecord, RegistryRecord } from '../../core/backendApi/wire';
import type { StepNorms } from '../../core/catalog/catalogSchema';
import { QUESTIONNAIRE_000_A, QUESTIONNAIRE_000_B, QUESTIONNAIRE_001 } from './fakeQuestionnaires';

export const OPERATOR_PASSWORD = 'counter-7-password';

export const PSC_OPERATOR: OperatorProfile = {
  operatorId: 'op-001',
  login: 'aigerim.s',
  fullName: 'Сейітова Әйгерім Нұрланқызы',
  iin: '901120412340',
  role: 'operator',
  workplace: { kind: 'psc', name: 'Астана қ. №2 ХҚО' },
};

export const PROVIDER_EMPLOYEE: OperatorProfile = {
  operatorId: 'op-002',
  login: 'dauren.k',
  fullName: 'Қасымов Дәурен Ерланұлы',
  iin: '120730612702',
  role: 'operator',
  workplace: { kind: 'provider', name: 'Алматы қ. ІІД' },
};

export const SUPERVISOR: OperatorProfile = {
  operatorId: 'op-003',
  login: 'gulnara.b',
  fullName: 'Бекова Гүлнара Маратқызы',
  iin: '881203400113',
  role: 'supervisor',
  workplace: { kind: 'psc', name: 'Астана қ. №2 ХҚО' },
};

/** [12] action tables (regulations.md §3.2), as printed. */
const NORMS_2012: StepNorms = {
  login: { minSeconds: 30, maxSeconds: 60, quoteKk: '30 сек – 1 мин.' },
  service: { minSeconds: 30, maxSeconds: 30, quoteKk: '30 сек' },
  lookup: { minSeconds: 30, maxSeconds: 30, quoteKk: '30 сек' },
  dataUnavailable: { minSeconds: 90, maxSeconds: 90, quoteKk: '1,5 мин' },
  documents: { minSeconds: 30, maxSeconds: 30, quoteKk: '30 сек' },
  send: { minSeconds: 30, maxSeconds: 300, quoteKk: '30 сек – 5 мин' },
};

/** [14] has no action tables at all: no per-step norm, only the 15-minute counter limits. */
const NORMS_2014: StepNorms = { login: null, service: null, lookup: null, dataUnavailable: null, documents: null, send: null };

/** [P1]: the provider's employee; no send step. */
const NORMS_P1: StepNorms = {
  login: { minSeconds: 10, maxSeconds: 15, quoteKk: '10–15 сек' },
  service: { minSeconds: 90, maxSeconds: 90, quoteKk: '1,5 мин' },
  lookup: { minSeconds: 90, maxSeconds: 90, quoteKk: '1,5 мин' },
  dataUnavailable: { minSeconds: 90, maxSeconds: 90, quoteKk: '1,5 мин' },
  documents: { minSeconds: 10, maxSeconds: 15, quoteKk: '10–15 сек' },
  send: null,
};

const NO_COUNTER_LIMITS = { requestProcessingMinutes: null, resultHandoverMinutes: null } as const;

export const CASINO_2014: ServiceSummary = {
  id: '002-a2-casino-2014',
  activityId: 'casino',
  year: 2014,
  source: { seedFile: '002_9149a4a58fa77cb3.txt', annex: '2-қосымша' },
  title: {
    kk: 'Казино қызметімен айналысу үшін лицензия беру, қайта ресімдеу, лицензияның телнұсқаларын беру',
    ru: 'Выдача, переоформление лицензии, выдача дубликатов лицензии на деятельность казино',
    en: 'Casino licence: issue, re-issue, duplicates',
  },
  provider: {
    kk: 'Қазақстан Республикасы Спорт және дене шынықтыру істері агенттігі',
    ru: 'Агентство Республики Казахстан по делам спорта и физической культуры',
    en: 'Agency for Sport and Physical Culture Affairs',
  },
  performer: 'psc-operator',
  workflowProfile: 'psc-2014',
  channels: ['psc', 'portal'],
  subtypes: [
    { id: 'issue', deadlineWorkingDays: 15, deadlineQuoteKk: '15 жұмыс күні' },
    { id: 'reissue', deadlineWorkingDays: 10, deadlineQuoteKk: '10 жұмыс күні' },
    { id: 'duplicate', deadlineWorkingDays: 2, deadlineQuoteKk: '2 жұмыс күні' },
  ],
  acceptanceDayCounts: false,
  operatorEdsRequired: true,
  registries: ['individuals', 'legal-entities', 'notary-poa'],
  applicantKinds: ['individual', 'legal-entity'],
  stepNorms: NORMS_2014,
  counterLimits: { requestProcessingMinutes: 15, resultHandoverMinutes: 15 },
  questionnaire: null,
};

/** The 2012 version of the same activity (seed 000, repealed by 002): offered only if a supervisor makes it current. */
export const CASINO_2012: ServiceSummary = {
  id: '000-a1-casino-2012',
  activityId: 'casino',
  year: 2012,
  source: { seedFile: '000_633c90a07688dd66.txt', annex: '1-қосымша' },
  title: {
    kk: 'Казино қызметімен айналысу үшін лицензия беру, қайта ресімдеу, лицензияның телнұсқасын беру',
    ru: 'Выдача, переоформление лицензии, выдача дубликата лицензии на деятельность казино',
    en: 'Casino licence: issue, re-issue, duplicate',
  },
  provider: CASINO_2014.provider,
  performer: 'psc-operator',
  workflowProfile: 'psc-2012',
  channels: ['psc', 'portal'],
  subtypes: [
    { id: 'issue', deadlineWorkingDays: 15, deadlineQuoteKk: '10-15 жұмыс күні' },
    { id: 'reissue', deadlineWorkingDays: 15, deadlineQuoteKk: '10-15 жұмыс күні' },
    { id: 'duplicate', deadlineWorkingDays: 15, deadlineQuoteKk: '10-15 жұмыс күні' },
  ],
  acceptanceDayCounts: null,
  operatorEdsRequired: true,
  registries: ['individuals', 'legal-entities'],
  applicantKinds: ['individual', 'legal-entity'],
  stepNorms: NORMS_2012,
  counterLimits: NO_COUNTER_LIMITS,
  questionnaire: QUESTIONNAIRE_000_A,
};

export const BOOKMAKER_2012: ServiceSummary = {
  id: '000-a3-bookmaker-2012',
  activityId: 'bookmaker',
  year: 2012,
  source: { seedFile: '000_633c90a07688dd66.txt', annex: '3-қосымша' },
  title: {
    kk: 'Букмекер кеңсесі қызметімен айналысу үшін лицензия беру, қайта ресімдеу, лицензияның телнұсқасын беру',
    ru: 'Выдача, переоформление лицензии, выдача дубликата лицензии на деятельность букмекерской конторы',
    en: "Bookmaker's office licence: issue, re-issue, duplicate",
  },
  provider: CASINO_2014.provider,
  performer: 'psc-operator',
  workflowProfile: 'psc-2012',
  channels: ['psc', 'portal'],
  subtypes: [
    { id: 'issue', deadlineWorkingDays: null, deadlineQuoteKk: '10-15 жұмыс күні' },
    { id: 'reissue', deadlineWorkingDays: null, deadlineQuoteKk: '10-15 жұмыс күні' },
    { id: 'duplicate', deadlineWorkingDays: null, deadlineQuoteKk: '10-15 жұмыс күні' },
  ],
  acceptanceDayCounts: null,
  operatorEdsRequired: true,
  registries: ['individuals', 'legal-entities'],
  applicantKinds: ['legal-entity'],
  stepNorms: NORMS_2012,
  counterLimits: NO_COUNTER_LIMITS,
  questionnaire: QUESTIONNAIRE_000_B,
};

export const SECURITY_2012: ServiceSummary = {
  id: '001-security-2012',
  activityId: 'security',
  year: 2012,
  source: { seedFile: '001_b92f528bf720474f.txt', annex: null },
  title: {
    kk: 'Күзет қызметімен айналысу құқығына лицензия беру, қайта ресімдеу, лицензияның телнұсқасын беру',
    ru: 'Выдача, переоформление лицензии, выдача дубликата лицензии на право занятия охранной деятельностью',
    en: 'Security activity licence: issue, re-issue, duplicate',
  },
  provider: {
    kk: 'Астана, Алматы қалалары мен облыстардың ішкі істер департаменттері',
    ru: 'Департаменты внутренних дел городов Астаны, Алматы и областей',
    en: 'Internal-affairs departments of Astana, Almaty and the oblasts',
  },
  performer: 'provider-employee',
  workflowProfile: 'provider',
  channels: ['provider', 'portal'],
  subtypes: [
    { id: 'issue', deadlineWorkingDays: 15, deadlineQuoteKk: '15 жұмыс күні' },
    { id: 'reissue', deadlineWorkingDays: 10, deadlineQuoteKk: '10 жұмыс күні' },
    { id: 'duplicate', deadlineWorkingDays: 2, deadlineQuoteKk: '2 жұмыс күні' },
  ],
  acceptanceDayCounts: null,
  operatorEdsRequired: false,
  registries: ['legal-entities'],
  applicantKinds: ['legal-entity'],
  stepNorms: NORMS_P1,
  counterLimits: NO_COUNTER_LIMITS,
  questionnaire: QUESTIONNAIRE_001,
};

/** The current version of each activity (what listServices answers with the default settings). */
export const FAKE_SERVICES: readonly ServiceSummary[] = [BOOKMAKER_2012, SECURITY_2012, CASINO_2014];

/** Every version, in catalog order (what listAllVersions answers before the workplace filter). */
export const FAKE_ALL_VERSIONS: readonly ServiceSummary[] = [CASINO_2012, BOOKMAKER_2012, SECURITY_2012, CASINO_2014];

export const ACTIVE_PERSON: PersonRecord = {
  kind: 'individual',
  iin: '850415312343',
  lastName: 'Жұмабеков',
  firstName: 'Ерғали',
  middleName: 'Өмірұлы',
  birthDate: '1985-04-15',
  status: 'active',
  address: 'Астана қ., Сарыарқа ауданы, Жеңіс даңғылы, 12-үй, 45-пәтер',
  entrepreneur: { tradeName: 'Ұлытау Ойын', registeredAt: '2019-03-01' },
};

export const DECEASED_PERSON: PersonRecord = {
  kind: 'individual',
  iin: '901120412403',
  lastName: 'Әлиева',
  firstName: 'Гүлнұр',
  middleName: null,
  birthDate: '1990-11-20',
  status: 'deceased',
  address: 'Қарағанды қ., Бұқар жырау даңғылы, 5-үй',
  entrepreneur: null,
};

export const ACTIVE_COMPANY: LegalEntityRecord = {
  kind: 'legal-entity',
  bin: '150840123461',
  name: '«Көкшетау Лото» ЖШС',
  status: 'active',
  address: 'Көкшетау қ., Абай көшесі, 88',
  registeredAt: '2015-08-10',
  head: { iin: '850415312343', fullName: 'Жұмабеков Ерғали Өмірұлы' },
};

export const LIQUIDATED_COMPANY: LegalEntityRecord = {
  kind: 'legal-entity',
  bin: '180241123459',
  name: '«Шығыс Ставка» ЖШС',
  status: 'liquidated',
  address: 'Өскемен қ., Қазыбек би көшесі, 3',
  registeredAt: '2018-02-01',
  head: { iin: '050302512344', fullName: 'Нұрғалиев Бауыржан Серікұлы' },
};

/** Applies on an applicant's behalf under a power of attorney (fakeNotaryFixtures.ts). */
export const REPRESENTATIVE_PERSON: PersonRecord = {
  kind: 'individual',
  iin: '920710401234',
  lastName: 'Сейдахметова',
  firstName: 'Дана',
  middleName: 'Қайратқызы',
  birthDate: '1992-07-10',
  status: 'active',
  address: 'Астана қ., Есіл ауданы, Қабанбай батыр даңғылы, 7-үй, 12-пәтер',
  entrepreneur: null,
};

/** The person some powers of attorney were issued to instead of REPRESENTATIVE_PERSON. */
export const OTHER_PERSON: PersonRecord = {
  kind: 'individual',
  iin: '780223304561',
  lastName: 'Омаров',
  firstName: 'Бақыт',
  middleName: 'Сәкенұлы',
  birthDate: '1978-02-23',
  status: 'active',
  address: 'Қарағанды қ., Ерубаев көшесі, 40-үй',
  entrepreneur: null,
};

export const FAKE_REGISTRY: readonly RegistryRecord[] = [
  ACTIVE_PERSON,
  DECEASED_PERSON,
  ACTIVE_COMPANY,
  LIQUIDATED_COMPANY,
  REPRESENTATIVE_PERSON,
  OTHER_PERSON,
];

/** Valid by checksum, absent from the fake registry: the "data cannot be obtained" case. */
export const UNKNOWN_VALID_IIN = '050302512344';
