import { describe, expect, it } from 'vitest';
import { buildCsv, csvCell } from './csv';

describe('buildCsv', () => {
  it('writes a BOM, `;` separators and CRLF after every row', () => {
    expect(buildCsv([['a', 'b'], [1, null, true]])).toBe('\uFEFFa;b\r\n1;;1\r\n');
  });

  it('quotes cells holding the separator, quotes or line breaks (RFC 4180)', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('ТОО "Тест"')).toBe('"ТОО ""Тест"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('a,b')).toBe('a,b');
  });

  it('defuses text that a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('Әсел')).toBe('Әсел');
  });
});
