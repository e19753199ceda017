import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKzCheckDigit } from './kzIdentifier';
import { binHints, classifyKzIdentifier, iinHints } from './kzIdentifierHints';

const TODAY = '2025-06-15';

/** A checksum-valid id starting with `head`: tries serials until a check digit exists (kz-domain.md §1.2). */
function validWith(head: string): string {
  for (let serial = 0; serial < 10 ** (11 - head.length); serial++) {
    const first11 = head + String(serial).padStart(11 - head.length, '0');
    const check = computeKzCheckDigit(Array.from(first11, Number));
    if (check !== null) return `${first11}${check}`;
  }
  throw new Error(`no valid id starts with ${head}`);
}

describe('iinHints (kz-domain.md §1.3 vectors)', () => {
  it.each([
    ['850415312343', '1985-04-15', 1900, 'male'],
    ['901120412403', '1990-11-20', 1900, 'female'],
    ['050302512344', '2005-03-02', 2000, 'male'],
    ['120730612702', '2012-07-30', 2000, 'female'],
  ])('%s → %s, %s, %s', (iin, birthDate, century, sex) => {
    expect(iinHints(iin)).toEqual({ ok: true, value: { birthDate, century, sex } });
  });

  it('covers the 1800s and trims like validateKzIdentifier', () => {
    const iin = validWith('7001011');
    expect(iinHints(` ${iin}\n`)).toEqual({ ok: true, value: { birthDate: '1870-01-01', century: 1800, sex: 'male' } });
  });

  it('returns the hard-check error for an invalid number instead of hints', () => {
    expect(iinHints('850415312344')).toEqual({ ok: false, error: { kind: 'checksum-mismatch' } });
    expect(iinHints('8504')).toEqual({ ok: false, error: { kind: 'wrong-length', length: 4 } });
  });

  it('knows 29 February only in leap years, which needs the century (1900 is not one, 2000 is)', () => {
    expect(iinHints(validWith('0002294'))).toMatchObject({ ok: true, value: { birthDate: null, century: 1900, sex: 'female' } });
    expect(iinHints(validWith('0002295'))).toMatchObject({ ok: true, value: { birthDate: '2000-02-29' } });
  });

  it('keeps century and sex but drops a date that does not exist (the digits are not bound to the DOB)', () => {
    for (const head of ['8513013', '8504313', '8500103', '8504003']) {
      expect(iinHints(validWith(head))).toEqual({ ok: true, value: { birthDate: null, century: 1900, sex: 'male' } });
    }
  });

  it('gives no century, sex or date for digit 7 = 0 or 7–9 (meaning unconfirmed)', () => {
    for (const c of ['0', '7', '8', '9']) {
      expect(iinHints(validWith(`850415${c}`))).toEqual({ ok: true, value: { birthDate: null, century: null, sex: null } });
    }
  });
});

describe('binHints', () => {
  it.each([
    ['150840123461', '2015-08', 'resident-legal-entity', 'head'],
    ['180241123459', '2018-02', 'resident-legal-entity', 'branch'],
  ])('%s → %s, %s, %s (kz-domain.md §1.3)', (bin, registeredYearMonth, entityType, unitType) => {
    expect(binHints(bin, TODAY)).toEqual({ ok: true, value: { registeredYearMonth, entityType, unitType } });
  });

  it('decodes every documented type and attribute, and nothing else', () => {
    expect(binHints(validWith('150852'), TODAY)).toMatchObject({ ok: true, value: { entityType: 'non-resident-legal-entity', unitType: 'representative-office' } });
    expect(binHints(validWith('150863'), TODAY)).toMatchObject({ ok: true, value: { entityType: 'ie-joint-entrepreneurship', unitType: 'peasant-farm-joint' } });
    expect(binHints(validWith('150874'), TODAY)).toMatchObject({ ok: true, value: { entityType: null, unitType: null } });
    expect(binHints(validWith('151340'), TODAY)).toMatchObject({ ok: true, value: { registeredYearMonth: null } });
  });

  it('chooses the latest century whose year is not after today', () => {
    const yearMonth = (head: string, today: string) => {
      const hints = binHints(validWith(head), today);
      return hints.ok ? hints.value.registeredYearMonth : hints.error.kind;
    };
    expect(yearMonth('250140', TODAY)).toBe('2025-01');
    expect(yearMonth('251240', TODAY)).toBe('2025-12'); // only the year is compared, see binHints
    expect(yearMonth('260140', TODAY)).toBe('1926-01');
    expect(yearMonth('990140', TODAY)).toBe('1999-01');
    expect(yearMonth('000140', '2100-01-01')).toBe('2100-01');
    expect(yearMonth('010140', '2100-01-01')).toBe('2001-01');
  });

  it('refuses a malformed today (a caller bug) and reports hard-check errors as values', () => {
    expect(() => binHints('150840123461', '15.06.2025')).toThrow(/YYYY-MM-DD/);
    expect(binHints('150840123462', TODAY)).toEqual({ ok: false, error: { kind: 'checksum-mismatch' } });
  });
});

describe('classifyKzIdentifier (heuristic)', () => {
  it('guesses the §1.3 vectors right', () => {
    for (const iin of ['850415312343', '901120412403', '050302512344', '120730612702', '061211600012']) {
      expect(classifyKzIdentifier(iin)).toBe('likely-iin');
    }
    for (const bin of ['150840123461', '180241123459']) expect(classifyKzIdentifier(bin)).toBe('likely-bin');
  });

  it('says unknown when no pattern fits or the hard checks fail', () => {
    expect(classifyKzIdentifier(validWith('851315312'))).toBe('unknown'); // month 13
    expect(classifyKzIdentifier(validWith('150870'))).toBe('unknown'); // digit 5 = 7
    expect(classifyKzIdentifier(validWith('8504150'))).toBe('unknown'); // IIN-like, digit 7 = 0
    expect(classifyKzIdentifier(validWith('150844'))).toBe('unknown'); // BIN-like, attribute 4
    expect(classifyKzIdentifier('850415312344')).toBe('unknown');
  });

  it('never contradicts the hints it is built on', () => {
    const validId = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 })
      .filter((d) => computeKzCheckDigit(d) !== null)
      .map((d) => `${d.join('')}${computeKzCheckDigit(d)}`);
    fc.assert(
      fc.property(validId, (id) => {
        const kind = classifyKzIdentifier(id);
        const iin = iinHints(id);
        const bin = binHints(id, TODAY);
        if (!iin.ok || !bin.ok) throw new Error('a valid id must give hints');
        if (kind === 'likely-iin') expect(iin.value.century).not.toBeNull();
        if (kind === 'likely-bin') expect([bin.value.entityType, bin.value.unitType]).not.toContain(null);
        if (iin.value.birthDate) expect(iin.value.birthDate.slice(2).replaceAll('-', '')).toBe(id.slice(0, 6));
      }),
      { numRuns: 2000 },
    );
  });
});
