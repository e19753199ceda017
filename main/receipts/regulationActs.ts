/**
 * The act each seed file is (regulations.md §1), cited as the receipt names the regulation a service
 * follows. Keyed by the catalog's `source.seedFile`; an unknown seed is cited by its file name.
 */
import type { ReceiptLanguage } from '../../core/contract/receipts';
import { annexIn } from './receiptText';

const ACTS: Readonly<Record<string, Readonly<Record<ReceiptLanguage, string>>>> = {
  '000_633c90a07688dd66.txt': {
    kk: 'ҚР Спорт және дене шынықтыру істері агенттігі төрағасының м.а. 2012 жылғы 2 қазандағы № 294 бұйрығы',
    ru: 'приказ и.о. Председателя Агентства РК по делам спорта и физической культуры от 2 октября 2012 года № 294',
  },
  '001_b92f528bf720474f.txt': {
    kk: 'ҚР Ішкі істер министрінің 2012 жылғы 29 желтоқсандағы № 718 бұйрығы',
    ru: 'приказ Министра внутренних дел РК от 29 декабря 2012 года № 718',
  },
  '002_9149a4a58fa77cb3.txt': {
    kk: 'ҚР Спорт және дене шынықтыру істері агенттігі төрағасының 2014 жылғы 4 наурыздағы № 73 бұйрығы',
    ru: 'приказ Председателя Агентства РК по делам спорта и физической культуры от 4 марта 2014 года № 73',
  },
  '003_46211652a5d58282.txt': {
    kk: 'Батыс Қазақстан облысы әкімдігінің 2013 жылғы 29 наурыздағы № 41 қаулысы',
    ru: 'постановление акимата Западно-Казахстанской области от 29 марта 2013 года № 41',
  },
  '004_c2f579d9b7e9f36d.txt': {
    kk: 'ҚР Индустрия және жаңа технологиялар министрінің м.а. 2012 жылғы 5 қазандағы № 364 бұйрығы',
    ru: 'приказ и.о. Министра индустрии и новых технологий РК от 5 октября 2012 года № 364',
  },
};

/** E.g. «ҚР … 2014 жылғы 4 наурыздағы № 73 бұйрығы, 2-қосымша». */
export function citeRegulation(source: { readonly seedFile: string; readonly annex: string | null }, language: ReceiptLanguage): string {
  const act = ACTS[source.seedFile]?.[language] ?? source.seedFile;
  return source.annex === null ? act : `${act}, ${annexIn(language, source.annex)}`;
}
