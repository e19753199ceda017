/**
 * Fidelity of resources/catalog/services.json to the regulation texts in resources/seeds/.
 *
 * Two layers of checks, both of which must agree:
 *  1. EXPECTED below states each regulation's key facts by hand, every one with the seed file and
 *     clause it comes from; the catalog must equal it.
 *  2. The seed text itself is read: the catalog title must occur verbatim in the seed, and performer,
 *     registries, operator EDS, deadlines and the acceptance-day rule are re-derived from the
 *     regulation's own part of the seed file (its "1. Жалпы ережелер" … up to the next regulation).
 *
 * The same two layers cover stepNorms, counterLimits and questionnaire (NORMS_BY_SEED, QUESTIONNAIRE_BY_ID):
 * each norm quote must be the figure printed in the step's column of the Diagram No. 2 action table, its
 * seconds must equal what parseNormQuote reads from the quote, and each questionnaire question must be printed
 * with its three answers, in order, in the regulation's own questionnaire annex.
 *
 * Seed quirks handled here (see resources/catalog/README.md): 002 and 004 are PDF/OCR extractions
 * with letter-spaced words («к ө р с е т у»), so facts (not titles) are matched after removing all
 * whitespace; titles are matched after collapsing whitespace runs only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogSchema, type CatalogEntry, type Questionnaire, type StepNorms } from '../../core/catalog/catalogSchema';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CATALOG_FILE = path.join(ROOT, 'resources', 'catalog', 'services.json');
const SEEDS_DIR = path.join(ROOT, 'resources', 'seeds');
const SHARED_SEEDS_DIR = path.resolve(ROOT, '..', 'shared', 'seeds');

const S000 = '000_633c90a07688dd66.txt';
const S001 = '001_b92f528bf720474f.txt';
const S002 = '002_9149a4a58fa77cb3.txt';
const S003 = '003_46211652a5d58282.txt';
const S004 = '004_c2f579d9b7e9f36d.txt';
const SEED_FILES = [S000, S001, S002, S003, S004] as const;
type SeedFile = (typeof SEED_FILES)[number];

type Performer = CatalogEntry['performer'];
type Registry = CatalogEntry['registries'][number];
type ApplicantKind = CatalogEntry['applicantKinds'][number];
type Channel = CatalogEntry['channels'][number];

interface Expected {
  seedFile: SeedFile;
  annex: string | null;
  year: number;
  performer: Performer;
  /** issue / reissue / duplicate, working days. */
  deadlines: { issue: number | null; reissue: number | null; duplicate: number | null };
  acceptanceDayCounts: boolean | null;
  operatorEdsRequired: boolean;
  registries: Registry[];
  applicantKinds: ApplicantKind[];
  channels: Channel[];
}

// ---------------------------------------------------------------------------------------------
// Expected facts, per act (the regulations of one act share one text apart from the title).
// ---------------------------------------------------------------------------------------------

/** 000_633c90a07688dd66.txt — order No. 294 of 02.10.2012, annexes 1–4 (ХҚО + portal, 2012). */
const SPORT_2012 = {
  seedFile: S000,
  year: 2012,
  // 000_…txt, N-қосымша, п. 7 1)–11): «Қызмет көрсету кезіндегі ХҚО арқылы (№ 2-диаграмма) Орталық
  // операторының қадамдық іс-әрекеттері» — every step is done by the Centre (ХҚО) operator.
  performer: 'psc-operator',
  // 000_…txt, N-қосымша → регламентке 2-қосымша, 2-кесте, action 9 «Электрондық құжат (электрондық
  // лицензия)»: «10-15 жұмыс күні», one figure for all three subtypes; the catalog takes the upper bound.
  deadlines: { issue: 15, reissue: 15, duplicate: 15 },
  // 000_…txt: no clause on whether the acceptance day counts.
  acceptanceDayCounts: null,
  // 000_…txt, п. 7 6) 5-үдеріс: «…толтырылған сауалдың нысанын (енгізілген деректерді) ЭЦҚ арқылы
  // куәландыру»; п. 7 7) 6-үдеріс sends the «ЭЦҚ куәландырылған (қол қойылған) электрондық құжат».
  operatorEdsRequired: true,
  // 000_…txt, п. 7 3) 3-үдеріс: «ЭҮШ арқылы ЖТ МДҚ/ЗТ МДҚ-ға тұтынушының деректері туралы сауал»
  // (the glossary in п. 5 swaps the abbreviations — «Жеке тұлғалар» = ЗТ МДҚ — but both are queried); no БНАЖ.
  registries: ['individuals', 'legal-entities'],
  // 000_…txt, п. 5 10) (11) in 4-қосымша): «тұтынушы – электрондық мемлекеттік қызмет көрсетілетін жеке немесе заңды тұлға»;
  // регламентке 3-қосымша has screen forms for legal entities, individuals and individual entrepreneurs.
  applicantKinds: ['individual', 'legal-entity'],
  // 000_…txt, п. 1: «…халыққа қызмет көрсету орталықтары (бұдан әрі – Орталық) арқылы, сонымен қатар …
  // www.e.gov.kz … немесе … www.elicense.kz веб-порталы (бұдан әрі - ЭҮП) арқылы көрсетеді».
  channels: ['psc', 'portal'],
} as const satisfies Omit<Expected, 'annex'>;

/** 001_b92f528bf720474f.txt — MIA order No. 718 of 29.12.2012, one regulation (provider + portal). */
const SECURITY_2012 = {
  seedFile: S001,
  annex: null,
  year: 2012,
  // 001_…txt, п. 7 1) 1-процесс: «қызмет көрсетушінің қызметкерімен … «Е-лицензиялау» МДБ АЖ логин мен
  // құпия сөзді енгізуі»; the act never mentions ХҚО.
  performer: 'provider-employee',
  // 001_…txt, 2-қосымша, 2-кесте, action 9: result «Электрондық лицензия, қайта ресімделген лицензия,
  // лицензияның телнұсқасы» with «15 жұмыс күні, 10 жұмыс күні, 2 жұмыс күні» (same order).
  deadlines: { issue: 15, reissue: 10, duplicate: 2 },
  // 001_…txt: silent on the acceptance day.
  acceptanceDayCounts: null,
  // 001_…txt, п. 7 8) 6-процесс: fill the paper-documents part, scan, attach — no signing step.
  operatorEdsRequired: false,
  // 001_…txt, п. 7 5) 4-процесс: «ЭҮШ арқылы ЗТ МДБ-ға алушының деректері туралы сұрау салу жолдау»;
  // п. 5 4): ЗТ МДБ = «Заңды тұлғалар» мемлекеттік деректер базасы.
  registries: ['legal-entities'],
  // 001_…txt, п. 15 2): «электрондық лицензия берілетін заңды тұлғада БСН болуы»; п. 6 3) login «(БСН)».
  applicantKinds: ['legal-entity'],
  // 001_…txt, п. 1: «…ішкі істер департаменттері (бұдан әрі – қызмет көрсетуші), сондай-ақ … www.egov.kz
  // … немесе … www.elicense.kz веб-порталы (бұдан әрі – Портал) арқылы көрсетеді».
  channels: ['provider', 'portal'],
} as const satisfies Expected;

/** 002_9149a4a58fa77cb3.txt — order No. 73 of 04.03.2014, annexes 1–5 (ХҚО + portal, 2014). */
const SPORT_2014 = {
  seedFile: S002,
  year: 2014,
  // 002_…txt, N-қосымша, п. 12 1) 1-процесс: «ХҚКО АЖ автоматтандырылған жұмыс орнында ХҚО операторының
  // … логин және құпия сөзді енгізуі»; 2)–6) are the ХҚО operator's as well.
  performer: 'psc-operator',
  // 002_…txt, N-қосымша, п. 5 (after 12)): «лицензия беру – 15 (он бес) жұмыс күні; лицензияны қайта
  // ресімдеу – 10 (он) жұмыс күні; лицензияның телнұсқасын беру – 2 (екі) жұмыс күні».
  deadlines: { issue: 15, reissue: 10, duplicate: 2 },
  // 002_…txt, N-қосымша, п. 5 (last sentence): «ХҚО-ға жүгінген кезде құжаттарды қабылдау күні
  // мемлекеттік қызметті көрсету мерзіміне кірмейді».
  acceptanceDayCounts: false,
  // 002_…txt, п. 12 6) 5-процесс: «…қызмет көрсетуге арналған сұраудың толтырылған нысанын ЭЦҚ арқылы растауы».
  operatorEdsRequired: true,
  // 002_…txt, п. 12 3) 3-процесс: request to «Жеке тұлғалар» (ЖТ МДҚ) / «Заңды тұлғалар» (ЗТ МДҚ) and to
  // БНАЖ «алушы өкілі сенімхатының деректері туралы»; п. 12 2): PoA data only when notarised.
  registries: ['individuals', 'legal-entities', 'notary-poa'],
  // 002_…txt: not stated directly; п. 11 10) checks «ЖСН/БСН» and п. 12 3) queries both person databases.
  applicantKinds: ['individual', 'legal-entity'],
  // 002_…txt, п. 1 1)–2): applications accepted and results issued through the ХҚО and the portal.
  channels: ['psc', 'portal'],
} as const satisfies Omit<Expected, 'annex'>;

/** 003_46211652a5d58282.txt — WKO akimat resolution No. 41 of 29.03.2013, items 1)–5) (provider + portal). */
const AGRI_2013 = {
  seedFile: S003,
  year: 2013,
  // 003_…txt, item N), п. 7 1) 1-үдеріс: «қызмет беруші қызметкерінің … "Е-лицензиялау" МДҚ АЖ-не логин мен
  // кілт сөзі енгізуі»; the act never mentions ХҚО.
  performer: 'provider-employee',
  // 003_…txt, item N), регламентіне 1 қосымша, 2-кесте, action 7 «Электрондық құжатты "Е-лицензиялау" МДҚ
  // АЖ-де тіркеу және … қызметті өңдеу»: «15 жұмыс күні»; not split by subtype, so it applies to all three.
  deadlines: { issue: 15, reissue: 15, duplicate: 15 },
  // 003_…txt: silent on the acceptance day.
  acceptanceDayCounts: null,
  // 003_…txt, п. 7 8) 6-үдеріс: fill, scan, attach — no signing step (only the portal flow п. 6 12) signs).
  operatorEdsRequired: false,
  // 003_…txt, п. 7 5) 4-үдеріс: «ЭҮШ арқылы ЖТ МДҚ/ЗТ МДҚ-ға алушы деректері туралы сұраныс жіберу»;
  // БНАЖ is defined in п. 5 5) but never used in Diagram No. 2.
  registries: ['individuals', 'legal-entities'],
  // 003_…txt, п. 16 2): «электрондық лицензия берілетін тұлғада ЖСН/БСН болуы»; п. 5 4), 7) ЖСН/БСН.
  applicantKinds: ['individual', 'legal-entity'],
  // 003_…txt, п. 1: «…мемлекеттік мекемесімен (бұдан әрі – қызмет беруші), сондай-ақ www.e.gov.kz … және
  // www.elicense.kz … (бұдан әрі – ЭҮП) арқылы көрсетіледі».
  channels: ['provider', 'portal'],
} as const satisfies Omit<Expected, 'annex'>;

/** 004_c2f579d9b7e9f36d.txt — MINT order No. 364 of 05.10.2012, annexes 1–6 (provider + portal). */
const INDUSTRY_2012 = {
  seedFile: S004,
  year: 2012,
  // 004_…txt, N-қосымша, п. 7 1) 1-процесс: «…қызмет көрсетуші қызметкерінің логин мен парольді
  // «Е-лицензиялау» МДБ АЖ-ға енгізуі»; the act never mentions ХҚО.
  performer: 'provider-employee',
  // 004_…txt: no deadline anywhere (no «жұмыс күні»; the action tables of регламентке 2-қосымша are truncated).
  deadlines: { issue: null, reissue: null, duplicate: null },
  // 004_…txt: silent on the acceptance day.
  acceptanceDayCounts: null,
  // 004_…txt, п. 7 8) 6-процесс: fill the paper-documents mark and scan — no signing step.
  operatorEdsRequired: false,
  // 004_…txt, п. 7 5) 4-процесс: «ЭҮШ арқылы тұтынушы туралы деректерді ЖТ МДҚ/ЗТ МДҚ жіберу».
  registries: ['individuals', 'legal-entities'],
  // 004_…txt, п. 5 10): «тұтынушы – электрондық мемлекеттік қызмет көрсетілетін жеке және заңды тұлғалар».
  applicantKinds: ['individual', 'legal-entity'],
  // 004_…txt, п. 1: «…Өнеркәсіп комитеті (бұдан әрі – қызмет көрсетуші), сондай-ақ … www.e.gov.kz … немесе
  // www.elicense.kz … (бұдан әрі – ЭҮП) арқылы көрсетеді».
  channels: ['provider', 'portal'],
} as const satisfies Omit<Expected, 'annex'>;

/** The 21 regulations, in catalog order. Annex/item = where the regulation sits in its act. */
const EXPECTED: Record<string, Expected> = {
  '000-a1-casino-2012': { ...SPORT_2012, annex: '1-қосымша' }, // 000_…txt, бұйрыққа 1-қосымша (casino)
  '000-a2-slot-hall-2012': { ...SPORT_2012, annex: '2-қосымша' }, // 000_…txt, 2-қосымша (slot-machine hall)
  '000-a3-bookmaker-2012': { ...SPORT_2012, annex: '3-қосымша' }, // 000_…txt, 3-қосымша (bookmaker's office)
  '000-a4-totalizator-2012': { ...SPORT_2012, annex: '4-қосымша' }, // 000_…txt, 4-қосымша (totalizator)
  '001-security-2012': SECURITY_2012, // 001_…txt, the act's only regulation (no annex number)
  '002-a1-lottery-2014': { ...SPORT_2014, annex: '1-қосымша' }, // 002_…txt, бұйрыққа 1-қосымша (lottery)
  '002-a2-casino-2014': { ...SPORT_2014, annex: '2-қосымша' }, // 002_…txt, 2-қосымша (casino)
  '002-a3-slot-hall-2014': { ...SPORT_2014, annex: '3-қосымша' }, // 002_…txt, 3-қосымша (slot-machine hall)
  '002-a4-bookmaker-2014': { ...SPORT_2014, annex: '4-қосымша' }, // 002_…txt, 4-қосымша (bookmaker's office)
  '002-a5-totalizator-2014': { ...SPORT_2014, annex: '5-қосымша' }, // 002_…txt, 5-қосымша (totalizator)
  '003-i1-veterinary-2013': { ...AGRI_2013, annex: '1)' }, // 003_…txt, қаулы п. 1 1) — 1st in file
  '003-i2-grain-warehouse-2013': { ...AGRI_2013, annex: '2)' }, // 003_…txt, п. 1 2) — 2nd in file
  '003-i3-pesticide-production-2013': { ...AGRI_2013, annex: '3)' }, // 003_…txt, п. 1 3) — 4th in file
  '003-i4-pesticide-sale-2013': { ...AGRI_2013, annex: '4)' }, // 003_…txt, п. 1 4) — 3rd in file
  '003-i5-pesticide-aerosol-fumigation-2013': { ...AGRI_2013, annex: '5)' }, // 003_…txt, п. 1 5) — 5th in file
  '004-a1-mining-chemical-2012': { ...INDUSTRY_2012, annex: '1-қосымша' }, // 004_…txt, бұйрығына 1-қосымша
  '004-a2-poisons-2012': { ...INDUSTRY_2012, annex: '2-қосымша' }, // 004_…txt, 2-қосымша
  '004-a3-weapons-military-equipment-2012': { ...INDUSTRY_2012, annex: '3-қосымша' }, // 004_…txt, 3-қосымша
  '004-a4-explosives-pyrotechnics-2012': { ...INDUSTRY_2012, annex: '4-қосымша' }, // 004_…txt, 4-қосымша
  '004-a5-decommissioned-munitions-2012': { ...INDUSTRY_2012, annex: '5-қосымша' }, // 004_…txt, 5-қосымша
  '004-a6-export-import-2012': { ...INDUSTRY_2012, annex: '6-қосымша' }, // 004_…txt, 6-қосымша
};
const EXPECTED_IDS = Object.keys(EXPECTED);

// ---------------------------------------------------------------------------------------------
// Reading the seeds
// ---------------------------------------------------------------------------------------------

/** Collapse every whitespace run (spaces, NBSP, tabs, newlines) to one space. */
const collapse = (s: string): string => s.replace(/\s+/g, ' ');
/** Remove all whitespace: undoes the letter-spacing of the PDF/OCR seeds 002 and 004. */
const squash = (s: string): string => s.replace(/\s+/g, '');

const seedCache = new Map<string, string>();
function readSeed(file: string): string {
  let text = seedCache.get(file);
  if (text === undefined) {
    text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
    seedCache.set(file, text);
  }
  return text;
}

/** Number of regulations per seed file = occurrences of the first-section heading «1. Жалпы ережелер». */
const REGULATIONS_PER_SEED: Record<SeedFile, number> = { [S000]: 4, [S001]: 1, [S002]: 5, [S003]: 5, [S004]: 6 };

/**
 * 003 lists its regulations as items of para. 1 but prints them in the order 1), 2), 4), 3), 5)
 * (003_…txt: the approval note precedes «Ветеринария…», then «Астық…», «…сату…», «…өндіру…», «Аэрозольдық…»).
 */
const FILE_ORDER_003 = ['1)', '2)', '4)', '3)', '5)'];

/**
 * The regulation's own text, whitespace-collapsed: from its «Жалпы ережелер» heading up to the next
 * regulation's. The regulation's annex headers (which repeat its title) fall inside it.
 */
function regulationText(seedFile: SeedFile, annex: string | null): string {
  const text = collapse(readSeed(seedFile));
  const starts = [...text.matchAll(/Жалпы ережелер/g)].map((m) => m.index);
  const annexMatch = annex === null ? null : /^(\d)-қосымша$/.exec(annex);
  const index = annex === null ? 0 : annexMatch ? Number(annexMatch[1]) - 1 : FILE_ORDER_003.indexOf(annex);
  if (index < 0 || index >= starts.length) throw new Error(`no regulation ${annex ?? '(single)'} in ${seedFile}`);
  return text.slice(starts[index], starts[index + 1] ?? text.length);
}

/** Diagram No. 2 clause of each act: where it starts and the clause that follows it. */
const DIAGRAM2_BOUNDS: Record<SeedFile, { start: string; end: string }> = {
  [S000]: { start: '7. Қызмет көрсету кезіндегі ХҚО арқылы (№ 2-диаграмма)', end: '8. Қызмет көрсету үшін сауалды толтыру' },
  [S001]: { start: '7. Қызмет көрсетушінің қадамдық әрекеттері және шешімдері (қызмет көрсетуші арқылы', end: '8. Сұрау салу нысандарын толтыру' },
  [S002]: { start: '12. Халыққа қызмет көрсету орталығының ақпараттық жүйесі', end: '12. Осы регламенттің' },
  [S003]: { start: '7. Қызмет беруші арқылы әрбір қадамдық', end: '8. Қызметке сұрау салуды және жауапты' },
  [S004]: { start: '7. Қадамдық іс-қимылы және шешімі (қызмет көрсетуші арқылы', end: '8. Қызметке сұрауды және жауапты' },
};

/** The Diagram No. 2 clause of one regulation, squashed (no whitespace at all). */
function diagram2Clause(seedFile: SeedFile, regulation: string): string {
  const squashed = squash(regulation);
  const { start, end } = DIAGRAM2_BOUNDS[seedFile];
  const from = squashed.indexOf(squash(start));
  const to = squashed.indexOf(squash(end), from + 1);
  if (from < 0 || to < 0) throw new Error(`Diagram No. 2 clause not found in ${seedFile}`);
  return squashed.slice(from, to);
}

/**
 * What the abbreviations ЖТ/ЗТ stand for in this regulation, read from its glossary: the first
 * «(бұдан әрі – XX МДҚ)» after the definition of the «Жеке тұлғалар» / «Заңды тұлғалар» database.
 * Needed because 000 swaps them (ЖТ МДҚ = «Заңды тұлғалар» there).
 */
function registryAbbreviations(regulation: string): Map<string, Registry> {
  const squashed = squash(regulation);
  const result = new Map<string, Registry>();
  const defs: [string, Registry][] = [['Жекетұлғалар', 'individuals'], ['Заңдытұлғалар', 'legal-entities']];
  for (const [name, kind] of defs) {
    const at = squashed.search(new RegExp(`[«"]${name}[»"]`));
    if (at < 0) continue;
    const abbr = /\(бұданәрі[–-](ЖТ|ЗТ)МД[ҚБ]\)/.exec(squashed.slice(at));
    if (abbr?.[1] !== undefined) result.set(abbr[1], kind);
  }
  return result;
}

/** Registries queried by Diagram No. 2, derived from the clause text and the glossary. */
function registriesFromSeed(clause: string, regulation: string): Registry[] {
  const abbreviations = registryAbbreviations(regulation);
  const found = new Set<Registry>();
  for (const m of clause.matchAll(/(ЖТ|ЗТ)МД[ҚБ]/g)) {
    const kind = abbreviations.get(m[1] ?? '');
    if (kind === undefined) throw new Error(`abbreviation ${m[0]} is not defined in the regulation's glossary`);
    found.add(kind);
  }
  if (clause.includes('БНАЖ') && clause.includes('сенімхат')) found.add('notary-poa');
  const order: Registry[] = ['individuals', 'legal-entities', 'notary-poa'];
  return order.filter((r) => found.has(r));
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Upper bound of the working days in a quote: «10-15 жұмыс күні» → 15, «15 (он бес) жұмыс күні» → 15. */
function workingDaysIn(quote: string): number {
  const m = /(\d+)(?:\s*[-–]\s*(\d+))?\s*(?:\([^)]*\)\s*)?жұмыс күн/.exec(quote);
  if (!m?.[1]) throw new Error(`no working days in «${quote}»`);
  return Number(m[2] ?? m[1]);
}

// ---------------------------------------------------------------------------------------------
// Expected step norms, counter limits and questionnaires
// ---------------------------------------------------------------------------------------------

type StepKey = keyof StepNorms;
const STEP_KEYS = ['login', 'service', 'lookup', 'dataUnavailable', 'documents', 'send'] as const satisfies readonly StepKey[];

interface ExpectedNorms {
  /** Every time figure of the Diagram No. 2 action table («2-кесте»), in action order, as printed. */
  tableFigures: string[];
  /** The action (column) of that table that is each step; null where the act has no such action. */
  actionOf: Record<StepKey, number | null>;
  /** [minSeconds, maxSeconds] per step; null where the table prints no figure for it. */
  seconds: Record<StepKey, readonly [number, number] | null>;
  counterLimits: { requestProcessingMinutes: number | null; resultHandoverMinutes: number | null };
}

const NO_COUNTER_LIMITS = { requestProcessingMinutes: null, resultHandoverMinutes: null };

/**
 * Provider acts (001, 003, 004), 2-кесте: 1 authorisation, 2 login refusal (1-шарт failed; no step field),
 * 3 service selection, 4 request to the database(s), 5 refusal «деректерде бұзушылықтар/қателіктер»,
 * 6 form + documents, 7 registration, 8 refusal, 9 e-licence. There is no send action.
 */
const PROVIDER_ACTIONS = { login: 1, service: 3, lookup: 4, dataUnavailable: 5, documents: 6, send: null } as const;

/** The regulations of one act share one action table, so the norms are per seed file. */
const NORMS_BY_SEED: Record<SeedFile, ExpectedNorms> = {
  // 000_…txt, N-қосымша → регламентке 2-қосымша, «2-кесте. Орталық арқылы ҚФБ іс-әрекеттерінің сипаттамасы»,
  // row «Орындау мерзімі»: 1 «ХҚО АЖ-да логин және пароль арқылы авторизацияланады» 30 сек – 1 мин.;
  // 2 «Қызметті таңдайды және сауалдың деректерін қалыптастырады» 30 сек; 3 «…сауалды жолдайды» 30 сек;
  // 4 «…бас тарту туралы хабарламаны қалыптастырады» 1,5 мин; 5 «…белгі бөлігінде толтырады, құжаттарды
  // сканерлейді…» 30 сек; 6 «ЭЦҚ куәландырылған (қол қойылған) электрондық құжатты … жолдайды» 30 сек – 5 мин;
  // 7 registration 10-15 сек (no step field); 8 «-»; 9 «10-15 жұмыс күні» (a deadline, not a norm).
  [S000]: {
    tableFigures: ['30 сек – 1 мин.', '30 сек', '30 сек', '1,5 мин', '30 сек', '30 сек – 5 мин', '10-15 сек'],
    actionOf: { login: 1, service: 2, lookup: 3, dataUnavailable: 4, documents: 5, send: 6 },
    seconds: { login: [30, 60], service: [30, 30], lookup: [30, 30], dataUnavailable: [90, 90], documents: [30, 30], send: [30, 300] },
    counterLimits: NO_COUNTER_LIMITS,
  },
  // 001_…txt, 2-қосымша, «2-кесте. Қызмет көрсетуші арқылы ҚФБ іс-әрекеттерінің сипаттамасы», «Орындау мерзімдері»:
  // 1 «"Е-лицензиялау" МДБ АЖ авторизацияланады» 10–15 сек; 2 refusal 10 сек; 3 «…қызметті таңдау» 1,5 мин;
  // 4 «ЗТ МДБ тұтынушы деректерін тексеруге сұрау салуды жолдау» 1,5 мин; 5 refusal 1,5 мин;
  // 6 «Құжаттар-ды бекіте отырып, сұрау салу нысанын толтыру» 10–15 сек; 7 registration 1,5 мин; 8–9 working days.
  [S001]: {
    tableFigures: ['10–15 сек', '10 сек', '1,5 мин', '1,5 мин', '1,5 мин', '10–15 сек', '1,5 мин'],
    actionOf: PROVIDER_ACTIONS,
    seconds: { login: [10, 15], service: [90, 90], lookup: [90, 90], dataUnavailable: [90, 90], documents: [10, 15], send: null },
    counterLimits: NO_COUNTER_LIMITS,
  },
  // 002_…txt: the 2014 regulations have no action table (regulations.md: "[14] has no per-step durations").
  // п. 9 2): «ХҚО-да көрсетілетін қызметті алушының сұрауын өңдеу ұзақтығы – 15 минут»;
  // п. 10 2): «мемлекеттік қызмет көрсетудің нәтижесін алудың ұзақтығы – 15 минут».
  [S002]: {
    tableFigures: [],
    actionOf: { login: null, service: null, lookup: null, dataUnavailable: null, documents: null, send: null },
    seconds: { login: null, service: null, lookup: null, dataUnavailable: null, documents: null, send: null },
    counterLimits: { requestProcessingMinutes: 15, resultHandoverMinutes: 15 },
  },
  // 003_…txt, item N), регламентіне 1 қосымша, «2-кесте. Қызмет беруші арқылы ҚФБ әрекеттерінің кезектілігінің
  // сипаты» (three column chunks), «Орындалу мерзімдері»: 1 10–15 секунд; 2 10 секунд; 3 1,5 минут | 4 «Сұрау салуды
  // ЖТ МДҚ/ЗТ МДҚ алушы-ның деректерін тексеруге жолдау» 1,5 минут; 5 1,5 минут; 6 «Құжаттарды енгізу арқылы сұраныс
  // нысанын толтыру» 10–15 секунд | 7 «15 жұмыс күні»; 8 «–»; 9 «–».
  [S003]: {
    tableFigures: ['10–15 секунд', '10 секунд', '1,5 минут', '1,5 минут', '1,5 минут', '10–15 секунд'],
    actionOf: PROVIDER_ACTIONS,
    seconds: { login: [10, 15], service: [90, 90], lookup: [90, 90], dataUnavailable: [90, 90], documents: [10, 15], send: null },
    counterLimits: NO_COUNTER_LIMITS,
  },
  // 004_…txt, N-қосымша → регламентке 2-қосымша, «2-кесте. Қызмет көрсетуші арқылы ҚФБ-ның іс-қимылдарын
  // сипаттау», «Орындалу мерзімдері»: 10-15 сек | 10 сек | 1,5 мин | 1,5 мин | 1,5 мин | then the OCR cuts the
  // table: action 6 (documents) is printed as «1» or «1,» and actions 7–9 are missing → documents null.
  [S004]: {
    tableFigures: ['10-15 сек', '10 сек', '1,5 мин', '1,5 мин', '1,5 мин'],
    actionOf: PROVIDER_ACTIONS,
    seconds: { login: [10, 15], service: [90, 90], lookup: [90, 90], dataUnavailable: [90, 90], documents: null, send: null },
    counterLimits: NO_COUNTER_LIMITS,
  },
};

interface ExpectedQuestionnaire {
  /** Header of the questionnaire annex inside the regulation, as printed. */
  annexLabel: string;
  quality: string;
  accessibility: string;
  answers: readonly [string, string, string];
}

const PRESENT_ANSWERS = ['қанағаттанбаймын', 'ішінара қанағаттанамын', 'қанағаттанамын'] as const;

/** 000_…txt, 1- and 2-қосымша, регламентіне 4-қосымша (casino, slot-machine hall): «үдерісінің сапасына». */
const Q_000_A: ExpectedQuestionnaire = {
  annexLabel: 'регламентіне 4-қосымша',
  quality: 'Сіз электрондық мемлекеттік қызмет көрсету үдерісінің сапасына және нәтижесіне қанағаттанасыз ба?',
  accessibility: 'Сіз электрондық мемлекеттік қызмет көрсету тәртібі туралы ақпараттың сапасына қанағаттанасыз ба?',
  answers: PRESENT_ANSWERS,
};
/** 000_…txt, 3- and 4-қосымша, регламентіне 4-қосымша (bookmaker, totalizator): «электронды … барысына», «ақпаратқа». */
const Q_000_B: ExpectedQuestionnaire = {
  annexLabel: 'регламентіне 4-қосымша',
  quality: 'Сіз электронды мемлекеттік қызметтің барысына және нәтижесіне қанағаттанасыз ба?',
  accessibility: 'Сіз электронды мемлекеттік қызмет көрсету тәртібі туралы ақпаратқа қанағаттанасыз ба?',
  answers: PRESENT_ANSWERS,
};
/** 001_…txt, регламентіне 3-қосымша: «процессі мен нәтижесіне», past tense, «қанағаттанған жоқпын». */
const Q_001: ExpectedQuestionnaire = {
  annexLabel: 'регламентіне 3-қосымша',
  quality: 'Сіз электрондық мемлекеттік қызмет көрсету процессі мен нәтижесіне қанағаттандыңыз ба?',
  accessibility: 'Сіз электрондық мемлекеттік қызметті көрсету тәртібі туралы ақпарат сапасына қанағаттандыңыз ба?',
  answers: ['қанағаттанған жоқпын', 'ішінара қанағаттандым', 'қанағаттандым'],
};
/** 003_…txt, item N), регламентіне 3 қосымша: past tense, «қанағаттанбадым». */
const Q_003: ExpectedQuestionnaire = {
  annexLabel: 'регламентіне 3 қосымша',
  quality: 'Сіз электрондық мемлекеттік қызметті көрсету үдерісінің сапасына және нәтижесіне қанағаттандыңыз ба?',
  accessibility: 'Сіз электрондық мемлекеттік қызметті көрсету тәртібі туралы ақпараттың сапасына қанағаттандыңыз ба?',
  answers: ['қанағаттанбадым', 'ішінара қанағаттандым', 'қанағаттандым'],
};
/**
 * 004_…txt, N-қосымша, регламентіне 3-қосымша: «үдерісі сапасымен және нәтижесімен». The second verb is misprinted
 * in every annex — «қанағаттансыз ба?» in annexes 1, 3, 5 and «қанғаттансыз ба?» in 2, 4, 6 — and kept verbatim.
 */
const q004 = (verb: 'қанағаттансыз' | 'қанғаттансыз'): ExpectedQuestionnaire => ({
  annexLabel: 'регламентіне 3-қосымша',
  quality: 'Сіз электронды мемлекеттік қызмет көрсету үдерісі сапасымен және нәтижесімен қанағаттанасыз ба?',
  accessibility: `Сіз электронды мемлекеттік қызмет көрсету тәртібі туралы ақпараттың сапасына ${verb} ба?`,
  answers: PRESENT_ANSWERS,
});

/** Questionnaire wording per regulation (regulations.md §5 A–E); null = none in the regulation (002, all 2014). */
const QUESTIONNAIRE_BY_ID: Record<string, ExpectedQuestionnaire | null> = {
  '000-a1-casino-2012': Q_000_A,
  '000-a2-slot-hall-2012': Q_000_A,
  '000-a3-bookmaker-2012': Q_000_B,
  '000-a4-totalizator-2012': Q_000_B,
  '001-security-2012': Q_001,
  '002-a1-lottery-2014': null,
  '002-a2-casino-2014': null,
  '002-a3-slot-hall-2014': null,
  '002-a4-bookmaker-2014': null,
  '002-a5-totalizator-2014': null,
  '003-i1-veterinary-2013': Q_003,
  '003-i2-grain-warehouse-2013': Q_003,
  '003-i3-pesticide-production-2013': Q_003,
  '003-i4-pesticide-sale-2013': Q_003,
  '003-i5-pesticide-aerosol-fumigation-2013': Q_003,
  '004-a1-mining-chemical-2012': q004('қанағаттансыз'),
  '004-a2-poisons-2012': q004('қанғаттансыз'),
  '004-a3-weapons-military-equipment-2012': q004('қанағаттансыз'),
  '004-a4-explosives-pyrotechnics-2012': q004('қанғаттансыз'),
  '004-a5-decommissioned-munitions-2012': q004('қанағаттансыз'),
  '004-a6-export-import-2012': q004('қанғаттансыз'),
};

// ---------------------------------------------------------------------------------------------
// Reading norm times and questionnaires from the seeds
// ---------------------------------------------------------------------------------------------

const TIME_UNIT = '(?:секунд|сек|минут|мин)\\.?';
const TIME_NUMBER = '\\d+(?:,\\d+)?';

/**
 * Seconds in a norm time as the action tables print it: «30 сек – 1 мин.» → 30–60, «10–15 секунд» → 10–15,
 * «1,5 мин» → 90 (decimal comma). A figure without its own unit takes the unit of the range's end. Throws on
 * anything else («15 жұмыс күні», the truncated «1,»).
 */
function parseNormQuote(quote: string): { minSeconds: number; maxSeconds: number } {
  const unit = '(секунд|сек|минут|мин)\\.?';
  const m = new RegExp(`^(${TIME_NUMBER}) ?(?:${unit})? ?(?:[–-] ?(${TIME_NUMBER}) ?)?${unit}$`).exec(collapse(quote).trim());
  if (!m?.[1] || !m[4]) throw new Error(`not a norm time: «${quote}»`);
  const [, from, fromUnit, to, toUnit] = m;
  const seconds = (value: string, u: string): number => Number(value.replace(',', '.')) * (u.startsWith('мин') ? 60 : 1);
  const minSeconds = seconds(from, fromUnit ?? toUnit);
  return { minSeconds, maxSeconds: to === undefined ? minSeconds : seconds(to, toUnit) };
}

/** The heading of the Diagram No. 2 action table: 000 «Орталық арқылы», 001/004 «Қызмет көрсетуші», 003 «Қызмет беруші». */
const DIAGRAM2_TABLE_HEADING = /2-кесте\. (?:Орталық|Қызмет көрсетуші|Қызмет беруші) арқылы/;
const TIME_FIGURE = new RegExp(`${TIME_NUMBER}(?: ?${TIME_UNIT})?(?: ?[–-] ?${TIME_NUMBER})? ?${TIME_UNIT}(?!\\p{L})`, 'gu');

/**
 * The time figures of the regulation's Diagram No. 2 action table, in order: from the «2-кесте. … арқылы»
 * heading to the next annex header («… қосымша»). One figure per action, so figure N belongs to action N
 * as long as no earlier action lacks one (NORMS_BY_SEED pins the whole list). Working days do not match.
 */
function diagram2TableFigures(regulation: string): string[] {
  const at = regulation.search(DIAGRAM2_TABLE_HEADING);
  if (at < 0) return [];
  const rest = regulation.slice(at);
  const end = rest.indexOf('қосымша');
  return [...(end < 0 ? rest : rest.slice(0, end)).matchAll(TIME_FIGURE)].map((m) => m[0]);
}

/** «N. <question> 1) <a1>; 2) <a2>; 3) <a3>.» as printed (004 prefixes some answers with a «- » bullet). */
function questionBlockPattern(n: number, question: Questionnaire['questions'][number]): RegExp {
  const [a1, a2, a3] = question.answers.map((a) => escapeRegExp(collapse(a.kk)));
  const item = (k: number, answer: string | undefined, end: string): string => `(?:- )?${k}\\) ${answer ?? '(?!)'}${end}`;
  return new RegExp(`${n}\\. ${escapeRegExp(collapse(question.text.kk))} ${item(1, a1, ';')} ${item(2, a2, ';')} ${item(3, a3, '\\.')}`);
}

/** Per-counter limit from the seed: «…сұрауын өңдеу ұзақтығы – N минут», «…нәтижесін алудың ұзақтығы – N минут». */
function counterLimitsFromSeed(regulation: string): ExpectedNorms['counterLimits'] {
  const squashed = squash(regulation);
  const minutes = (re: RegExp): number | null => {
    const m = re.exec(squashed);
    return m?.[1] === undefined ? null : Number(m[1]);
  };
  return {
    requestProcessingMinutes: minutes(/сұрауынөңдеуұзақтығы–(\d+)минут/),
    resultHandoverMinutes: minutes(/нәтижесіналудыңұзақтығы–(\d+)минут/),
  };
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

const catalog = catalogSchema.parse(JSON.parse(readFileSync(CATALOG_FILE, 'utf8')));
const byId = new Map(catalog.services.map((s) => [s.id, s]));
function entryOf(id: string): CatalogEntry {
  const entry = byId.get(id);
  if (!entry) throw new Error(`catalog has no entry ${id}`);
  return entry;
}

describe('resources/catalog/services.json', () => {
  it('parses with catalogSchema and holds exactly the 21 regulations, in catalog order', () => {
    expect(catalog.version).toBe(1);
    expect(catalog.services.map((s) => s.id)).toEqual(EXPECTED_IDS);
  });

  it('gives each subtype exactly once, as issue / reissue / duplicate', () => {
    for (const s of catalog.services) expect(s.subtypes.map((t) => t.id)).toEqual(['issue', 'reissue', 'duplicate']);
  });

  it('shares activityId between the 2012 and 2014 versions of an activity, and derives it from the id', () => {
    for (const s of catalog.services) {
      expect(s.activityId).toBe(s.id.replace(/^\d{3}-(?:[ai]\d-)?/, '').replace(/-\d{4}$/, ''));
      expect(s.id.endsWith(`-${s.year}`)).toBe(true);
    }
    for (const activity of ['casino', 'slot-hall', 'bookmaker', 'totalizator']) {
      // 000_…txt annexes 1–4 (2012) were replaced by 002_…txt annexes 2–5 (2014): 002 п. 2 repeals order No. 294.
      expect(catalog.services.filter((s) => s.activityId === activity).map((s) => s.year)).toEqual([2012, 2014]);
    }
  });

  it('has every seed file that an entry cites in resources/seeds', () => {
    for (const s of catalog.services) expect(existsSync(path.join(SEEDS_DIR, s.source.seedFile)), s.source.seedFile).toBe(true);
  });

  it('splits each seed into the expected number of regulations', () => {
    for (const file of SEED_FILES) {
      expect([...collapse(readSeed(file)).matchAll(/Жалпы ережелер/g)].length, file).toBe(REGULATIONS_PER_SEED[file]);
    }
  });
});

describe.each(EXPECTED_IDS)('%s', (id) => {
  const expected = EXPECTED[id] as Expected;
  const entry = (): CatalogEntry => entryOf(id);
  const regulation = (): string => regulationText(expected.seedFile, expected.annex);

  it('cites the right seed file and annex, and its year', () => {
    expect(entry().source).toEqual({ seedFile: expected.seedFile, annex: expected.annex });
    expect(entry().year).toBe(expected.year);
  });

  it('has title.kk verbatim in the seed file, within this regulation', () => {
    const title = collapse(entry().title.kk);
    // The whole seed file (whitespace runs collapsed, nothing else) contains the title…
    expect(collapse(readSeed(expected.seedFile)).includes(title)).toBe(true);
    // …and so does this regulation's own part of it (its annex headers repeat the title),
    // which catches a title attached to the wrong annex.
    expect(regulation().includes(title)).toBe(true);
    // It is printed as the name of a regulation («… беру» электрондық мемлекеттік қызмет регламенті) —
    // in the act's list, the heading or an annex header — not only as the near-identical name of the
    // Standard quoted in п. 2 (000: «…телнұсқаларын беру» мемлекеттік қызмет стандарты).
    expect(collapse(readSeed(expected.seedFile))).toMatch(new RegExp(`${escapeRegExp(title)} (?:[^\\s«»"]+ ){1,4}регламент`));
    // The title names the three subtypes: «лицензия(ны) беру, қайта ресімдеу, лицензия(ның) телнұсқа…».
    expect(title).toMatch(/лицензия(?:ны)? беру, қайта ресімдеу, лицензия(?:ның)? телнұсқа(?:сын|ларын) беру/);
  });

  it('has provider.kk as named in the regulation', () => {
    expect(squash(regulation()).includes(squash(entry().provider.kk))).toBe(true);
  });

  it('has the performer of Diagram No. 2 stated by the seed', () => {
    expect(entry().performer).toBe(expected.performer);
    const clause = diagram2Clause(expected.seedFile, regulation());
    // ХҚО acts say «Орталық операторы» / «ХҚО операторы»; provider acts say «…қызметкері».
    const fromSeed: Performer = clause.includes('оператор') ? 'psc-operator' : 'provider-employee';
    expect(fromSeed).toBe(expected.performer);
    if (expected.performer === 'provider-employee') {
      expect(clause).toMatch(/қызметкер/);
      expect(regulation()).not.toMatch(/ХҚО|Орталық операторы/);
    }
  });

  it('has the channels stated by the seed', () => {
    expect(entry().channels).toEqual(expected.channels);
    expect(regulation().includes('ХҚО')).toBe(expected.channels.includes('psc'));
    expect(squash(regulation()).includes('www.elicense.kz')).toBe(expected.channels.includes('portal'));
  });

  it('has the deadlines per subtype, with quotes found in the seed', () => {
    const [issue, reissue, duplicate] = entry().subtypes;
    expect([issue?.deadlineWorkingDays, reissue?.deadlineWorkingDays, duplicate?.deadlineWorkingDays]).toEqual([
      expected.deadlines.issue,
      expected.deadlines.reissue,
      expected.deadlines.duplicate,
    ]);
    const squashedRegulation = squash(regulation());
    for (const subtype of entry().subtypes) {
      if (subtype.deadlineWorkingDays === null) {
        expect(subtype.deadlineQuoteKk).toBeNull();
        // 004_…txt: no working-day figure in the regulation at all.
        expect(squashedRegulation).not.toMatch(/жұмыскүн/);
        continue;
      }
      const quote = subtype.deadlineQuoteKk ?? '';
      expect(squashedRegulation.includes(squash(quote)), quote).toBe(true);
      expect(workingDaysIn(quote)).toBe(subtype.deadlineWorkingDays);
    }
    if (expected.seedFile === S002) {
      // 002_…txt, п. 5: each figure is printed next to its subtype.
      expect(issue?.deadlineQuoteKk).toMatch(/^лицензия беру/);
      expect(reissue?.deadlineQuoteKk).toMatch(/қайта ресімдеу/);
      expect(duplicate?.deadlineQuoteKk).toMatch(/телнұсқа/);
    }
    if (expected.seedFile === S001) {
      // 001_…txt, 2-қосымша, 2-кесте, action 9: the figures follow the order of the results in the same row.
      expect(regulation()).toContain('Электрондық лицензия, қайта ресімделген лицензия, лицензияның телнұсқасы');
      expect(regulation()).toContain('15 жұмыс күні, 10 жұмыс күні, 2 жұмыс күні');
    }
  });

  it('has the acceptance-day rule stated by the seed', () => {
    expect(entry().acceptanceDayCounts).toBe(expected.acceptanceDayCounts);
    const squashedRegulation = squash(regulation());
    const excluded = squashedRegulation.includes(squash('құжаттарды қабылдау күні мемлекеттік қызметті көрсету мерзіміне кірмейді'));
    expect(excluded).toBe(expected.acceptanceDayCounts === false);
    // Where the catalog says "silent", the seed must not mention the acceptance day at all.
    if (expected.acceptanceDayCounts === null) expect(squashedRegulation).not.toMatch(/қабылдаукүн/);
  });

  it('has operatorEdsRequired as Diagram No. 2 states it', () => {
    expect(entry().operatorEdsRequired).toBe(expected.operatorEdsRequired);
    const clause = diagram2Clause(expected.seedFile, regulation());
    // 000 «…ЭЦҚ арқылы куәландыру», 002 «…ЭЦҚ арқылы растауы»: the operator certifies the request.
    expect(/ЭЦҚарқылы(?:куәландыру|растауы)/.test(clause)).toBe(expected.operatorEdsRequired);
    if (!expected.operatorEdsRequired) {
      // The only EDS left in a provider clause is the provider's authorised person forming the e-licence.
      const all = clause.match(/ЭЦҚ/g)?.length ?? 0;
      const providers = clause.match(/уәкілетті(?:адамының|тұлғасының)ЭЦҚ/g)?.length ?? 0;
      expect(all).toBe(providers);
    }
  });

  it('has the registries queried by Diagram No. 2', () => {
    expect(entry().registries).toEqual(expected.registries);
    const clause = diagram2Clause(expected.seedFile, regulation());
    expect(registriesFromSeed(clause, regulation())).toEqual(expected.registries);
  });

  it('has the applicant kinds the seed allows', () => {
    expect(entry().applicantKinds).toEqual(expected.applicantKinds);
    // Consistency: the counter can serve exactly the kinds whose registry Diagram No. 2 queries.
    const served: ApplicantKind[] = [];
    if (expected.registries.includes('individuals')) served.push('individual');
    if (expected.registries.includes('legal-entities')) served.push('legal-entity');
    expect(served).toEqual(expected.applicantKinds);
  });
});

describe('parseNormQuote', () => {
  it('reads seconds and minutes, ranges with either dash, a decimal comma and a trailing period', () => {
    expect(parseNormQuote('30 сек – 1 мин.')).toEqual({ minSeconds: 30, maxSeconds: 60 });
    expect(parseNormQuote('30 сек – 5 мин')).toEqual({ minSeconds: 30, maxSeconds: 300 });
    expect(parseNormQuote('10–15 сек')).toEqual({ minSeconds: 10, maxSeconds: 15 });
    expect(parseNormQuote('10-15 сек')).toEqual({ minSeconds: 10, maxSeconds: 15 });
    expect(parseNormQuote('10–15 секунд')).toEqual({ minSeconds: 10, maxSeconds: 15 });
    expect(parseNormQuote('10 секунд')).toEqual({ minSeconds: 10, maxSeconds: 10 });
    expect(parseNormQuote('1,5 мин')).toEqual({ minSeconds: 90, maxSeconds: 90 });
    expect(parseNormQuote('1,5 минут')).toEqual({ minSeconds: 90, maxSeconds: 90 });
  });

  it('rejects what is not a norm time', () => {
    for (const bad of ['15 жұмыс күні', '10-15 жұмыс күні', '1,', '10-', '-', '', 'сек']) expect(() => parseNormQuote(bad), bad).toThrow();
  });
});

describe('stepNorms / counterLimits / questionnaire across the catalog', () => {
  it('are required by catalogSchema, and min ≤ max is enforced', () => {
    const raw = (): { services: Record<string, unknown>[] } => JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as { services: Record<string, unknown>[] };
    expect(catalogSchema.safeParse(raw()).success).toBe(true);
    for (const field of ['stepNorms', 'counterLimits', 'questionnaire']) {
      const catalogWithout = raw();
      delete catalogWithout.services[0]?.[field];
      expect(catalogSchema.safeParse(catalogWithout).success, `without ${field}`).toBe(false);
    }
    const inverted = raw();
    const first = inverted.services[0] as { stepNorms: { login: { minSeconds: number; maxSeconds: number } } };
    first.stepNorms.login = { ...first.stepNorms.login, minSeconds: first.stepNorms.login.maxSeconds + 1 };
    expect(catalogSchema.safeParse(inverted).success).toBe(false);
  });

  it('give every norm min ≤ max and the seconds its quote states', () => {
    for (const s of catalog.services) {
      for (const step of STEP_KEYS) {
        const norm = s.stepNorms[step];
        if (norm === null) continue;
        expect(norm.minSeconds, `${s.id} ${step}`).toBeLessThanOrEqual(norm.maxSeconds);
        expect(parseNormQuote(norm.quoteKk), `${s.id} ${step}`).toEqual({ minSeconds: norm.minSeconds, maxSeconds: norm.maxSeconds });
      }
    }
  });

  it('give the 2014 regulations no step norms, the 15/15-minute counter limits and no questionnaire; others no counter limits', () => {
    for (const s of catalog.services) {
      if (s.year === 2014) {
        // 002_…txt, N-қосымша: no action table; п. 9 2) and п. 10 2) «… ұзақтығы – 15 минут»; no «сауалнама».
        expect(Object.values(s.stepNorms), s.id).toEqual([null, null, null, null, null, null]);
        expect(s.counterLimits, s.id).toEqual({ requestProcessingMinutes: 15, resultHandoverMinutes: 15 });
        expect(s.questionnaire, s.id).toBeNull();
      } else {
        expect(s.counterLimits, s.id).toEqual(NO_COUNTER_LIMITS);
        expect(s.questionnaire, s.id).not.toBeNull();
      }
    }
  });

  it('spells out a few entries in full', () => {
    // 000_…txt, 1-қосымша → регламентке 2-қосымша, 2-кесте: actions 1 and 6.
    expect(entryOf('000-a1-casino-2012').stepNorms.login).toEqual({ minSeconds: 30, maxSeconds: 60, quoteKk: '30 сек – 1 мин.' });
    expect(entryOf('000-a1-casino-2012').stepNorms.send).toEqual({ minSeconds: 30, maxSeconds: 300, quoteKk: '30 сек – 5 мин' });
    // 001_…txt, 2-қосымша, 2-кесте: action 6 «Құжаттар-ды бекіте отырып, сұрау салу нысанын толтыру» 10–15 сек (en dash).
    expect(entryOf('001-security-2012').stepNorms.documents).toEqual({ minSeconds: 10, maxSeconds: 15, quoteKk: '10–15 сек' });
    // 003_…txt, item 2), регламентіне 1 қосымша, 2-кесте: action 3 «Қызмет беруші қызметкерінің қызметті таңдауы» 1,5 минут.
    expect(entryOf('003-i2-grain-warehouse-2013').stepNorms.service).toEqual({ minSeconds: 90, maxSeconds: 90, quoteKk: '1,5 минут' });
    // 004_…txt, 6-қосымша, 2-кесте: action 1 «10-15 сек» (hyphen); action 6 truncated to «1» → null.
    expect(entryOf('004-a6-export-import-2012').stepNorms.login).toEqual({ minSeconds: 10, maxSeconds: 15, quoteKk: '10-15 сек' });
    expect(entryOf('004-a6-export-import-2012').stepNorms.documents).toBeNull();
    // 002_…txt, 3-қосымша, п. 9 2) and п. 10 2).
    expect(entryOf('002-a3-slot-hall-2014').counterLimits).toEqual({ requestProcessingMinutes: 15, resultHandoverMinutes: 15 });
    // 000_…txt, 3-қосымша, регламентіне 4-қосымша, question 1 (wording B).
    expect(entryOf('000-a3-bookmaker-2012').questionnaire?.questions[0]?.text.kk).toBe(
      'Сіз электронды мемлекеттік қызметтің барысына және нәтижесіне қанағаттанасыз ба?',
    );
    // 001_…txt, регламентіне 3-қосымша, answer 1 (past tense).
    expect(entryOf('001-security-2012').questionnaire?.questions[1]?.answers[0]?.kk).toBe('қанағаттанған жоқпын');
    // 004_…txt, 2-қосымша, регламентіне 3-қосымша, question 2 with the seed's «қанғаттансыз».
    expect(entryOf('004-a2-poisons-2012').questionnaire?.questions[1]?.text.kk).toBe(
      'Сіз электронды мемлекеттік қызмет көрсету тәртібі туралы ақпараттың сапасына қанғаттансыз ба?',
    );
  });
});

describe.each(EXPECTED_IDS)('%s: norms, counter limits, questionnaire', (id) => {
  const expected = EXPECTED[id] as Expected;
  const norms = NORMS_BY_SEED[expected.seedFile];
  const entry = (): CatalogEntry => entryOf(id);
  const regulation = (): string => regulationText(expected.seedFile, expected.annex);

  it('prints the expected time figures in its Diagram No. 2 action table', () => {
    expect(diagram2TableFigures(regulation())).toEqual(norms.tableFigures);
    if (expected.seedFile === S002) expect(regulation()).not.toMatch(DIAGRAM2_TABLE_HEADING);
  });

  it('has stepNorms exactly as the action table prints them', () => {
    const figures = diagram2TableFigures(regulation());
    for (const step of STEP_KEYS) {
      const norm = entry().stepNorms[step];
      expect(norm === null ? null : [norm.minSeconds, norm.maxSeconds], step).toEqual(norms.seconds[step]);
      const action = norms.actionOf[step];
      const printed = action === null ? undefined : figures[action - 1];
      if (norm === null) {
        // Null only where the act has no such action or the table prints no figure for it.
        expect(printed, `${step}: the table prints a figure`).toBeUndefined();
        continue;
      }
      expect(norm.quoteKk, step).toBe(printed);
      expect(regulation().includes(collapse(norm.quoteKk)), step).toBe(true);
      expect(norm.minSeconds, step).toBeLessThanOrEqual(norm.maxSeconds);
      expect(parseNormQuote(norm.quoteKk), step).toEqual({ minSeconds: norm.minSeconds, maxSeconds: norm.maxSeconds });
    }
  });

  it('has the counter limits its seed states', () => {
    expect(entry().counterLimits).toEqual(norms.counterLimits);
    expect(counterLimitsFromSeed(regulation())).toEqual(norms.counterLimits);
  });

  it('has the questionnaire of its own regulation, in the seed wording, with translations', () => {
    const actual = entry().questionnaire;
    const want = QUESTIONNAIRE_BY_ID[id];
    if (want === undefined) throw new Error(`QUESTIONNAIRE_BY_ID has no ${id}`);
    if (want === null) {
      expect(actual).toBeNull();
      expect(squash(regulation())).not.toMatch(/сауалнама/);
      return;
    }
    if (actual === null) throw new Error(`${id} has no questionnaire`);
    expect(actual.source).toBe([expected.seedFile, expected.annex, want.annexLabel].filter((x) => x !== null).join(', '));
    expect(actual.questions.map((q) => q.id)).toEqual(['quality', 'accessibility']);
    expect(actual.questions.map((q) => q.text.kk)).toEqual([want.quality, want.accessibility]);
    for (const q of actual.questions) expect(q.answers.map((a) => a.kk)).toEqual([...want.answers]);

    const text = regulation();
    const annexAt = text.lastIndexOf(want.annexLabel);
    expect(annexAt, want.annexLabel).toBeGreaterThanOrEqual(0);
    for (const [i, q] of actual.questions.entries()) {
      expect(text.includes(collapse(q.text.kk)), q.text.kk).toBe(true);
      for (const a of q.answers) expect(text.includes(collapse(a.kk)), a.kk).toBe(true);
      // Question number, text and the three numbered answers in order, inside the questionnaire annex.
      const block = questionBlockPattern(i + 1, q).exec(text);
      expect(block, `question ${i + 1} with its answers`).not.toBeNull();
      expect(block?.index ?? -1).toBeGreaterThan(annexAt);
    }
    for (const item of actual.questions.flatMap((q) => [q.text, ...q.answers])) {
      expect(item.ru).toMatch(/^[А-Яа-яЁё(), ]+\??$/);
      expect(item.en).toMatch(/^[A-Za-z ]+\??$/);
      expect(item.ru).not.toBe(item.kk);
    }
    for (const q of actual.questions) {
      expect(q.text.ru.endsWith('?') && q.text.en.endsWith('?')).toBe(true);
    }
  });
});

describe('resources/seeds copies', () => {
  const sharedPresent = existsSync(SHARED_SEEDS_DIR);

  it('are byte-identical to ../shared/seeds (skipped when that folder is absent, e.g. in a plain clone)', (ctx) => {
    if (!sharedPresent) {
      console.warn(`catalogFidelity: ${SHARED_SEEDS_DIR} not found — skipping the byte-identity check of resources/seeds`);
      ctx.skip(`${SHARED_SEEDS_DIR} not found`);
    }
    const listTxt = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    expect(listTxt(SEEDS_DIR)).toEqual([...SEED_FILES]);
    expect(listTxt(SHARED_SEEDS_DIR)).toEqual([...SEED_FILES]);
    for (const file of SEED_FILES) {
      const copy = readFileSync(path.join(SEEDS_DIR, file));
      const original = readFileSync(path.join(SHARED_SEEDS_DIR, file));
      expect(copy.equals(original), file).toBe(true);
    }
  });
});
