/**
 * Synthetic fixtures for renderer tests: identifiers are the reference vectors of
 * reference/kz-domain.md §1.3, names are invented. Never real citizen data.
 */
import type { OperatorProfile, ServiceSummary } from '../../core/contract';
import type { LegalEntityRecord, PersonRecord, RegistryRecord } from '../../core/backendApi/wire';

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
};

export const FAKE_SERVICES: readonly ServiceSummary[] = [BOOKMAKER_2012, SECURITY_2012, CASINO_2014];

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

export const FAKE_REGISTRY: readonly RegistryRecord[] = [ACTIVE_PERSON, DECEASED_PERSON, ACTIVE_COMPANY, LIQUIDATED_COMPANY];

/** Valid by checksum, absent from the fake registry: the "data cannot be obtained" case. */
export const UNKNOWN_VALID_IIN = '050302512344';
