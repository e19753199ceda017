import { describe, expect, it } from 'vitest';
import { FIXTURE_LEGAL_ENTITIES } from '../../../backend/fixtures/legalEntities';
import { FIXTURE_PERSONS } from '../../../backend/fixtures/persons';
import { LOG_REDACTED, isSensitiveKey, scrubLogFields, scrubLogValue } from './scrubLogFields';

describe('scrubLogFields', () => {
  it('drops the values of personal-data and secret keys at any depth and masks 12-digit runs elsewhere', () => {
    const person = FIXTURE_PERSONS[0]!;
    const entity = FIXTURE_LEGAL_ENTITIES[0]!;
    const scrubbed = JSON.stringify(
      scrubLogFields({
        event: 'lookup',
        kind: 'not-found',
        applicant: { iin: person.iin, displayName: person.lastName },
        nested: { deeper: { lastName: person.lastName, address: person.address, head: entity.head, note: `bin ${entity.bin} failed` } },
        password: 'Operator#2026',
        blobKeyBase64: 'c2VjcmV0',
        apiToken: 'abc',
        list: [{ fullName: entity.head.fullName }],
        err: new Error(`registry said no for ${person.iin}`),
      }),
    );
    for (const value of [person.iin, person.lastName, person.address, entity.bin, entity.head.iin, entity.head.fullName, 'Operator#2026', 'c2VjcmV0', 'abc"']) {
      expect(scrubbed).not.toContain(value);
    }
    expect(scrubbed).toContain('"kind":"not-found"');
    expect(scrubbed).toContain(`registry said no for ${LOG_REDACTED}`);
    expect(scrubbed).toContain('"type":"Error"');
  });

  it('keeps counts, kinds, ids and durations', () => {
    expect(scrubLogFields({ kind: 'printer-stopped', pages: 3, ms: 12.5, applicationId: 'app-1', ok: false })).toEqual({
      kind: 'printer-stopped',
      pages: 3,
      ms: 12.5,
      applicationId: 'app-1',
      ok: false,
    });
    expect(isSensitiveKey('kind')).toBe(false);
    expect(isSensitiveKey('applicantIin')).toBe(true);
    expect(isSensitiveKey('operatorFullName')).toBe(true);
  });

  it('bounds strings, arrays, depth and binary values', () => {
    expect((scrubLogValue('x'.repeat(1000)) as string).length).toBeLessThan(310);
    expect(scrubLogValue(new Uint8Array(10))).toBe('[10 bytes]');
    expect(scrubLogValue(Array.from({ length: 30 }, (_, i) => i))).toHaveLength(21);
    expect(JSON.stringify(scrubLogValue({ a: { b: { c: { d: { e: { f: 1 } } } } } }))).toContain('[deep]');
  });
});
