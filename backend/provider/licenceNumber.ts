/**
 * Licence numbers the simulated provider issues, e.g. `KZ26LAA00000123`: country, the last two
 * digits of the registration year, the series `LAA` and the registration's sequence within that
 * year (8 digits, more if ever needed). Derived from the registration number alone, so a number is
 * stable across restarts and recomputed on every read. Each registration yields at most one
 * licence and registration numbers are unique, so licence numbers are unique too (within a
 * century of registrations): a duplicate, which is always a new application, gets a new number.
 */
const REGISTRATION_NUMBER = /^LIC-(\d{4})-(\d+)$/;

export function licenceNumberFor(registrationNumber: string): string {
  const match = REGISTRATION_NUMBER.exec(registrationNumber);
  if (!match?.[1] || !match[2]) throw new Error('registration number is not in the LIC-<year>-<sequence> form');
  const sequence = Number(match[2]);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new Error('registration sequence out of range');
  return `KZ${match[1].slice(2)}LAA${String(sequence).padStart(8, '0')}`;
}
