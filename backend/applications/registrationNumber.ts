/**
 * Registration numbers look like `LIC-2026-000123`: the year of registration in Kazakhstan time
 * and a sequence that restarts each year. The store allocates the sequence, so numbers are
 * unique and gap-free per year across restarts.
 */
const PREFIX = 'LIC';
/** Kazakhstan has used a single time zone, UTC+5, since 1 March 2024. */
const KAZAKHSTAN_OFFSET_MS = 5 * 60 * 60 * 1000;

export function registrationYear(at: Date): number {
  return new Date(at.getTime() + KAZAKHSTAN_OFFSET_MS).getUTCFullYear();
}

export function formatRegistrationNumber(year: number, sequence: number): string {
  return `${PREFIX}-${year}-${String(sequence).padStart(6, '0')}`;
}
