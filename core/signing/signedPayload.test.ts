import { describe, expect, it } from 'vitest';
import { signedBytesOf } from './signedPayload';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('signedBytesOf', () => {
  it('is the canonical JSON of the body without operatorSignature, members sorted, UTF-8', () => {
    const body = { serviceId: '001-x', operatorSignature: { format: 'cms-detached-sha256', cms: 'AAAA' }, applicant: { kind: 'individual', iin: '850415312343' }, note: 'Қазақ' };
    const bytes = signedBytesOf(body);
    expect(bytes.ok && decode(bytes.value)).toBe('{"applicant":{"iin":"850415312343","kind":"individual"},"note":"Қазақ","serviceId":"001-x"}');
  });

  it('gives the same bytes with or without a signature member, and different bytes when any member changes', () => {
    const body = { a: 1, documents: [{ sha256: 'ab'.repeat(32) }] };
    const signed = signedBytesOf({ ...body, operatorSignature: null });
    const unsigned = signedBytesOf(body);
    const changed = signedBytesOf({ ...body, documents: [{ sha256: 'ac'.repeat(32) }] });
    expect(signed.ok && unsigned.ok && decode(signed.value) === decode(unsigned.value)).toBe(true);
    expect(changed.ok && unsigned.ok && decode(changed.value) !== decode(unsigned.value)).toBe(true);
  });

  it('refuses what is not a JSON object, and values JSON cannot carry', () => {
    expect(signedBytesOf([1])).toEqual({ ok: false, error: { kind: 'not-an-object' } });
    expect(signedBytesOf(null)).toEqual({ ok: false, error: { kind: 'not-an-object' } });
    const bad = signedBytesOf({ n: Number.NaN });
    expect(!bad.ok && bad.error.kind).toBe('non-finite-number');
  });
});
