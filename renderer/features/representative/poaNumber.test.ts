import { describe, expect, it } from 'vitest';
import { powerOfAttorneyNumberSchema } from '../../../core/backendApi/wire';
import { checkPoaNumber } from './poaNumber';

const SAMPLES = [
  '0117/2025', ' 0117/2025 ', 'НТ-2025-17', 'ҚҰ-17/Әі', 'AB-12', '', '   ', '12 34', '№117', '117.2025', 'Ё-1', '1'.repeat(40), '1'.repeat(41),
  '117_2025', 'ІҢҒҮҰҚӨҺ/1',
];

describe('checkPoaNumber', () => {
  it.each(SAMPLES)('agrees with the contract schema on %j', (input) => {
    const local = checkPoaNumber(input);
    const contract = powerOfAttorneyNumberSchema.safeParse(input);
    expect(local.ok).toBe(contract.success);
    if (local.ok && contract.success) expect(local.value).toBe(contract.data);
  });

  it('names what is wrong', () => {
    expect(checkPoaNumber('  ')).toEqual({ ok: false, error: { kind: 'empty' } });
    expect(checkPoaNumber('1'.repeat(41))).toEqual({ ok: false, error: { kind: 'too-long', length: 41 } });
    expect(checkPoaNumber('№ 117')).toEqual({ ok: false, error: { kind: 'invalid-characters' } });
  });
});
