import { describe, expect, it } from 'vitest';
import {
  certificateOwner,
  checkSigningCertificate,
  parseSubjectIin,
  type CertificateDescription,
} from './certificateRules';

const NOW = new Date('2025-03-01T10:00:00Z');
const IIN = '850415312343';

const valid: CertificateDescription = {
  subject: {
    commonName: 'ҚАСЫМОВА ӘЙГЕРІМ',
    surname: 'ҚАСЫМОВА',
    givenName: 'НҰРЛАНҚЫЗЫ',
    serialNumber: `IIN${IIN}`,
    organization: 'ТОО "ТЕСТ"',
    organizationalUnit: 'BIN123456789012',
  },
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2026-01-01T00:00:00Z'),
  keyUsage: { digitalSignature: true, nonRepudiation: true },
  trust: { kind: 'trusted' },
  revoked: false,
};
const policy = { operatorIin: IIN, now: NOW };
const kindOf = (description: CertificateDescription): string => {
  const result = checkSigningCertificate(description, policy);
  return result.ok ? 'ok' : result.error.kind;
};

describe('checkSigningCertificate', () => {
  it('accepts a trusted, current, unrevoked SIGN key of the operator', () => {
    expect(checkSigningCertificate(valid, policy)).toEqual({ ok: true, value: null });
  });

  it('names each problem', () => {
    expect(kindOf({ ...valid, trust: { kind: 'untrusted-issuer' } })).toBe('untrusted-issuer');
    expect(kindOf({ ...valid, trust: { kind: 'unsupported-algorithm', oid: '1.2.3' } })).toBe('unsupported-algorithm');
    expect(kindOf({ ...valid, trust: { kind: 'issuer-not-valid' } })).toBe('issuer-not-valid');
    expect(kindOf({ ...valid, trust: { kind: 'chain-loop' } })).toBe('chain-loop');
    expect(kindOf({ ...valid, notBefore: new Date('2025-03-02T00:00:00Z') })).toBe('not-yet-valid');
    expect(kindOf({ ...valid, notAfter: new Date('2025-02-28T00:00:00Z') })).toBe('expired');
    expect(kindOf({ ...valid, revoked: true })).toBe('revoked');
    expect(kindOf({ ...valid, revoked: 'unknown' })).toBe('revocation-unknown');
    expect(kindOf({ ...valid, keyUsage: { digitalSignature: true, nonRepudiation: false } })).toBe('not-a-signing-key');
    expect(kindOf({ ...valid, subject: { ...valid.subject, serialNumber: 'IIN901120412403' } })).toBe('iin-mismatch');
  });

  it('treats the validity bounds as inclusive', () => {
    expect(kindOf({ ...valid, notBefore: NOW })).toBe('ok');
    expect(kindOf({ ...valid, notAfter: NOW })).toBe('ok');
  });

  it('requires the serialNumber to be exactly IIN + the operator IIN', () => {
    const withSerial = (serialNumber: string | null): CertificateDescription => ({
      ...valid,
      subject: { ...valid.subject, serialNumber },
    });
    for (const serial of [IIN, `BIN${IIN}`, `IIN${IIN} `, `iin${IIN}`, `IIN${IIN}0`, null]) {
      expect(kindOf(withSerial(serial))).toBe('iin-mismatch');
    }
    const mismatch = checkSigningCertificate(withSerial('IIN901120412403'), policy);
    expect(mismatch).toEqual({ ok: false, error: { kind: 'iin-mismatch', certificateIin: '901120412403' } });
  });

  it('reports the earliest problem first', () => {
    expect(kindOf({ ...valid, trust: { kind: 'untrusted-issuer' }, revoked: true })).toBe('untrusted-issuer');
    expect(kindOf({ ...valid, revoked: 'unknown', keyUsage: { digitalSignature: true, nonRepudiation: false } })).toBe(
      'revocation-unknown',
    );
  });
});

describe('parseSubjectIin', () => {
  it('reads IIN + 12 digits only', () => {
    expect(parseSubjectIin(`IIN${IIN}`)).toBe(IIN);
    expect(parseSubjectIin('IIN12345')).toBeNull();
    expect(parseSubjectIin(`BIN${IIN}`)).toBeNull();
    expect(parseSubjectIin(null)).toBeNull();
  });
});

describe('certificateOwner', () => {
  it('joins CN and the patronymic and reads IIN/BIN', () => {
    expect(certificateOwner(valid.subject)).toEqual({
      fullName: 'ҚАСЫМОВА ӘЙГЕРІМ НҰРЛАНҚЫЗЫ',
      iin: IIN,
      organization: 'ТОО "ТЕСТ"',
      bin: '123456789012',
    });
  });

  it('copes with an individual without organisation or patronymic', () => {
    const subject = { ...valid.subject, givenName: null, organization: null, organizationalUnit: null };
    expect(certificateOwner(subject)).toEqual({ fullName: 'ҚАСЫМОВА ӘЙГЕРІМ', iin: IIN, organization: null, bin: null });
  });
});
