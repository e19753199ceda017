import { kazakhstanYear } from './kazakhstanTime';

/**
 * Registration numbers look like `LIC-2026-000123`: the year of registration in Kazakhstan time
 * and a sequence that restarts each year. The store allocates the sequence, so numbers are
 * unique and gap-free per year across restarts.
 */
const PREFIX = 'LIC';

export function registrationYear(at: Date): number {
  return kazakhstanYear(at);
}

export function formatRegistrationNumber(year: number, sequence: number): string {
  return `${PREFIX}-${year}-${String(sequence).padStart(6, '0')}`;
}
