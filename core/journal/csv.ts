/**
 * CSV as spreadsheet programs in kk/ru locales open it directly: UTF-8 with a BOM, `;` between
 * cells, CRLF after every row, RFC 4180 quoting. A text cell that a spreadsheet would read as a
 * formula (starting with = + - @, or a tab / carriage return that some strip first) gets a leading
 * apostrophe (OWASP "CSV injection"): the journal holds operator names typed elsewhere.
 */
export type CsvCell = string | number | boolean | null;

export const CSV_BOM = '\uFEFF';
const SEPARATOR = ';';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** One cell as written: numbers as they are (never guarded, so -5 stays a number), null as empty. */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function buildCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(SEPARATOR) + '\r\n').join('');
}
