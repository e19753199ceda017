/**
 * What the digits of an IIN or BIN *suggest* (kz-domain.md §1.1). Everything here is a HINT: the
 * Ministry of Justice states that an IIN not matching the date of birth "is not an error" (decree
 * No. 853 of 26.08.2013 removed the binding of IIN digits to personal data). Use these values to warn
 * or pre-fill, never to block; the authoritative DOB and sex come from ГБД ФЛ, the entity data from
 * ГБД ЮЛ. The only hard checks are length, digits and checksum (`validateKzIdentifier`), so every
 * function here runs them first and returns their error unchanged.
 */
import type { Result } from '../result';
import { validateKzIdentifier, type KzIdentifierError } from './kzIdentifier';

export type IinCentury = 1800 | 1900 | 2000;

export interface IinHints {
  /** 'YYYY-MM-DD'; null when the century is unknown or YYMMDD is not a real calendar date. */
  readonly birthDate: string | null;
  readonly century: IinCentury | null;
  readonly sex: 'male' | 'female' | null;
}

export type BinEntityType = 'resident-legal-entity' | 'non-resident-legal-entity' | 'ie-joint-entrepreneurship';
export type BinUnitType = 'head' | 'branch' | 'representative-office' | 'peasant-farm-joint';

export interface BinHints {
  /** 'YYYY-MM' of registration / re-registration; null when MM is not 01–12. */
  readonly registeredYearMonth: string | null;
  readonly entityType: BinEntityType | null;
  readonly unitType: BinUnitType | null;
}

export type KzIdentifierClass = 'likely-iin' | 'likely-bin' | 'unknown';

/** Digit 7 of an IIN (kz-domain.md §1.1): 1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s; odd = male, even = female.
 * 0 and 7–9 have no documented meaning (digit 7 = 0 is **(unconfirmed)**), so both hints stay null. */
const IIN_CENTURY_SEX: Readonly<Record<string, { century: IinCentury; sex: 'male' | 'female' }>> = {
  '1': { century: 1800, sex: 'male' },
  '2': { century: 1800, sex: 'female' },
  '3': { century: 1900, sex: 'male' },
  '4': { century: 1900, sex: 'female' },
  '5': { century: 2000, sex: 'male' },
  '6': { century: 2000, sex: 'female' },
};

/** BIN digit 5 (type) and digit 6 (attribute), kz-domain.md §1.1. Other values: no documented meaning. */
const BIN_ENTITY_TYPE: Readonly<Record<string, BinEntityType>> = {
  '4': 'resident-legal-entity',
  '5': 'non-resident-legal-entity',
  '6': 'ie-joint-entrepreneurship',
};
const BIN_UNIT_TYPE: Readonly<Record<string, BinUnitType>> = {
  '0': 'head',
  '1': 'branch',
  '2': 'representative-office',
  '3': 'peasant-farm-joint',
};

const pad2 = (n: number) => String(n).padStart(2, '0');

function isMonth(mm: number): boolean {
  return mm >= 1 && mm <= 12;
}

/** Proleptic Gregorian check without `Date` (core rules stay free of clocks and time zones). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!isMonth(month) || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** Year of `today` ('YYYY-MM-DD'). A malformed `today` is a caller bug, so it throws (core/result.ts). */
function yearOf(today: string): number {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(today);
  if (!match?.[1]) throw new Error(`today must be 'YYYY-MM-DD', got ${JSON.stringify(today)}`);
  return Number(match[1]);
}

/** Birth date, century and sex suggested by digits 1–7 of a checksum-valid IIN (hints only). */
export function iinHints(input: string): Result<IinHints, KzIdentifierError> {
  const checked = validateKzIdentifier(input);
  if (!checked.ok) return checked;
  const iin = checked.value;
  const centurySex = IIN_CENTURY_SEX[iin.charAt(6)];
  if (!centurySex) return { ok: true, value: { birthDate: null, century: null, sex: null } };
  // Without the century the year is unknown, and so is whether 29 February exists (1900 vs 2000).
  const year = centurySex.century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const birthDate = isCalendarDate(year, month, day) ? `${year}-${pad2(month)}-${pad2(day)}` : null;
  return { ok: true, value: { birthDate, century: centurySex.century, sex: centurySex.sex } };
}

/**
 * Registration year-month, entity type and unit type suggested by a checksum-valid BIN (hints only).
 * The BIN holds only YY, so the century is the one that makes the year the latest not after
 * `today`'s year ('YYYY-MM-DD', injected: no clock in core rules). Only the year is compared: a month
 * later than today's in the current year is left as is rather than pushed a century back.
 */
export function binHints(input: string, today: string): Result<BinHints, KzIdentifierError> {
  const currentYear = yearOf(today);
  const checked = validateKzIdentifier(input);
  if (!checked.ok) return checked;
  const bin = checked.value;
  const yy = Number(bin.slice(0, 2));
  const month = Number(bin.slice(2, 4));
  const year = currentYear - ((((currentYear - yy) % 100) + 100) % 100);
  return {
    ok: true,
    value: {
      registeredYearMonth: isMonth(month) ? `${year}-${pad2(month)}` : null,
      entityType: BIN_ENTITY_TYPE[bin.charAt(4)] ?? null,
      unitType: BIN_UNIT_TYPE[bin.charAt(5)] ?? null,
    },
  };
}

/**
 * Guesses IIN vs BIN from the structure of kz-domain.md §1.1 — a heuristic, never a decision (the
 * applicant's kind comes from the registry that answers). Both kinds have a month 01–12 in digits 3–4.
 * Digit 5 then separates them: in an IIN it is the tens of the birth day (0–3), in a BIN the type
 * (4–6). Each guess also needs its own kind's next documented digit: IIN digit 7 = century/sex 1–6,
 * BIN digit 6 = attribute 0–3. Anything else, including a number failing the hard checks, is 'unknown'.
 */
export function classifyKzIdentifier(input: string): KzIdentifierClass {
  const checked = validateKzIdentifier(input);
  if (!checked.ok) return 'unknown';
  const id = checked.value;
  if (!isMonth(Number(id.slice(2, 4)))) return 'unknown';
  const digit5 = Number(id.charAt(4));
  if (digit5 <= 3) return IIN_CENTURY_SEX[id.charAt(6)] ? 'likely-iin' : 'unknown';
  if (digit5 <= 6) return BIN_UNIT_TYPE[id.charAt(5)] ? 'likely-bin' : 'unknown';
  return 'unknown';
}
