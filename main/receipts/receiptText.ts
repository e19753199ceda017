/**
 * The words of the receipt (тізілімдеме / расписка) in Kazakh and Russian, and the formats it uses:
 * dates as DD.MM.YYYY and times as HH:MM in Kazakhstan time (Asia/Almaty, UTC+5 since 2024-03-01),
 * the same zone the planned result date was counted in (core/calendar/kzLocalDate.ts).
 */
import type { ApplicationSubtype } from '../../core/backendApi/wire';
import { KZ_TIME_ZONE } from '../../core/calendar/kzLocalDate';
import type { ReceiptLanguage } from '../../core/contract/receipts';

export interface ReceiptWords {
  readonly title: string;
  /** The regulation's sentence on what the receipt is ([14] W7). */
  readonly subtitle: string;
  readonly psc: string;
  /** Where a provider's employee accepted it (provider regulations have no ХҚО). */
  readonly acceptingBody: string;
  readonly operator: string;
  readonly service: string;
  readonly subtype: string;
  readonly subtypes: Readonly<Record<ApplicationSubtype, string>>;
  readonly provider: string;
  readonly regulation: string;
  readonly applicant: string;
  readonly iin: string;
  readonly bin: string;
  readonly representative: string;
  readonly poaNotarised: (number: string) => string;
  readonly poaOther: string;
  readonly documents: string;
  readonly documentColumn: string;
  readonly pagesColumn: string;
  readonly totalPages: string;
  readonly acceptedAt: string;
  readonly plannedResultDate: string;
  readonly workingDays: (n: number) => string;
  readonly noDeadline: string;
  /** The regulation's rule: «ХҚО-ға жүгінген кезде құжаттарды қабылдау күні мемлекеттік қызметті көрсету мерзіміне кірмейді.» */
  readonly acceptanceDayNotCounted: string;
  readonly registrationNumber: string;
  readonly localNumber: string;
  readonly registrationFollows: string;
  readonly bringBack: string;
  readonly qrCaption: string;
  readonly operatorSignature: string;
  readonly applicantSignature: string;
  readonly kzTime: string;
}

function russianWorkingDays(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return `${n} рабочий день`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} рабочих дня`;
  return `${n} рабочих дней`;
}

export const RECEIPT_WORDS: Readonly<Record<ReceiptLanguage, ReceiptWords>> = {
  kk: {
    title: 'Тізілімдеме',
    subtitle: 'Тізілімдеме өтініштің қабылданғанын растау болып табылады',
    psc: 'Халыққа қызмет көрсету орталығы',
    acceptingBody: 'Өтінішті қабылдаған орган',
    operator: 'Оператор',
    service: 'Мемлекеттік қызмет',
    subtype: 'Қызмет түрі',
    subtypes: { issue: 'лицензия беру', reissue: 'лицензияны қайта ресімдеу', duplicate: 'лицензияның телнұсқасын беру' },
    provider: 'Қызмет беруші',
    regulation: 'Регламент',
    applicant: 'Өтініш беруші',
    iin: 'ЖСН',
    bin: 'БСН',
    representative: 'Өкіл',
    poaNotarised: (number) => `нотариат куәландырған сенімхат № ${number}`,
    poaOther: 'сенімхат (нотариаттан тыс куәландырылған)',
    documents: 'Қабылданған құжаттардың тізбесі',
    documentColumn: 'Құжат',
    pagesColumn: 'Парақ саны',
    totalPages: 'Барлығы',
    acceptedAt: 'Құжаттардың қабылданған күні мен уақыты',
    plannedResultDate: 'Нәтижені берудің жоспарлы күні',
    workingDays: (n) => `${n} жұмыс күні`,
    noDeadline: 'регламентте мерзім көрсетілмеген',
    acceptanceDayNotCounted: 'ХҚО-ға жүгінген кезде құжаттарды қабылдау күні мемлекеттік қызметті көрсету мерзіміне кірмейді.',
    registrationNumber: 'Өтініштің тіркеу нөмірі',
    localNumber: 'Өтініштің жергілікті нөмірі',
    registrationFollows:
      'Тіркеу нөмірі өтініш «Е-лицензиялау» жүйесінде тіркелгеннен кейін беріледі; оны өтініштің жергілікті нөмірі немесе QR-код бойынша білуге болады.',
    bringBack: 'Нәтижені алу үшін осы тізілімдемені көрсетіңіз.',
    qrCaption: 'Өтініш идентификаторы',
    operatorSignature: 'Оператордың қолы',
    applicantSignature: 'Өтініш берушінің (өкілдің) қолы',
    kzTime: 'Астана уақыты, UTC+5',
  },
  ru: {
    title: 'Расписка',
    subtitle: 'Расписка является подтверждением приёма заявления',
    psc: 'Центр обслуживания населения',
    acceptingBody: 'Орган, принявший заявление',
    operator: 'Оператор',
    service: 'Государственная услуга',
    subtype: 'Вид услуги',
    subtypes: { issue: 'выдача лицензии', reissue: 'переоформление лицензии', duplicate: 'выдача дубликата лицензии' },
    provider: 'Услугодатель',
    regulation: 'Регламент',
    applicant: 'Заявитель',
    iin: 'ИИН',
    bin: 'БИН',
    representative: 'Представитель',
    poaNotarised: (number) => `нотариально удостоверенная доверенность № ${number}`,
    poaOther: 'доверенность (удостоверена не нотариально)',
    documents: 'Перечень принятых документов',
    documentColumn: 'Документ',
    pagesColumn: 'Кол-во листов',
    totalPages: 'Всего',
    acceptedAt: 'Дата и время приёма документов',
    plannedResultDate: 'Планируемая дата выдачи результата',
    workingDays: russianWorkingDays,
    noDeadline: 'срок в регламенте не указан',
    acceptanceDayNotCounted: 'При обращении в ЦОН день приёма документов не входит в срок оказания государственной услуги.',
    registrationNumber: 'Регистрационный номер заявления',
    localNumber: 'Локальный номер заявления',
    registrationFollows:
      'Регистрационный номер будет присвоен после регистрации заявления в системе «Е-лицензирование»; его можно узнать по локальному номеру заявления или QR-коду.',
    bringBack: 'Для получения результата предъявите эту расписку.',
    qrCaption: 'Идентификатор заявления',
    operatorSignature: 'Подпись оператора',
    applicantSignature: 'Подпись заявителя (представителя)',
    kzTime: 'время Астаны, UTC+5',
  },
};

const KZ_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: KZ_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 'YYYY-MM-DD' → 'DD.MM.YYYY'. */
export function formatLocalDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** An instant as 'DD.MM.YYYY HH:MM' in Kazakhstan. */
export function formatKzDateTime(instantIso: string): string {
  const parts = KZ_PARTS.formatToParts(new Date(instantIso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')} ${part('hour')}:${part('minute')}`;
}

/** The catalog's annex is in Kazakh («2-қосымша», or an item «1)»); Russian says «приложение 2» / «пункт 1)». */
export function annexIn(language: ReceiptLanguage, annex: string): string {
  if (language === 'kk') return annex;
  const numbered = /^(\d+)-қосымша$/.exec(annex);
  if (numbered) return `приложение ${numbered[1]}`;
  return /^\d+\)$/.test(annex) ? `пункт ${annex}` : annex;
}
