/**
 * Fake key files for renderer tests, one per case of DESIGN.md §5 (the same cases as the demo PKI
 * of scripts/generateDemoPki.mjs, plus a file with no private key). A fake file's bytes name its
 * key; the fake main "opens" it with FAKE_KEY_PASSWORD and judges its certificate with core's own
 * rules (core/signing/certificateRules.ts). Never real keys: nothing here is cryptographic.
 */
import type { CertificateCardView } from '../../core/contract';
import { certificateOwner, isSigningKey, type CertificateDescription, type CertificateSubject } from '../../core/signing/certificateRules';
import { OTHER_PERSON, PSC_OPERATOR } from './fakeFixtures';
import { bytesToBase64 } from './fakeImages';

export const FAKE_KEY_PASSWORD = 'Kilt#2025';

export const FAKE_KEY_NAMES = ['valid', 'expired', 'notYetValid', 'revoked', 'wrongIin', 'authOnly', 'otherCa', 'certificateOnly'] as const;
export type FakeKeyName = (typeof FAKE_KEY_NAMES)[number];

export const FAKE_KEY_FILE_NAMES: Readonly<Record<FakeKeyName, string>> = {
  valid: 'operator.p12',
  expired: 'operator-expired.p12',
  notYetValid: 'operator-not-yet-valid.p12',
  revoked: 'operator-revoked.p12',
  wrongIin: 'operator-wrong-iin.p12',
  authOnly: 'operator-auth-only.p12',
  otherCa: 'operator-other-ca.p12',
  certificateOnly: 'operator-certificate-only.p12',
};

export interface FakeKey {
  readonly description: CertificateDescription;
  readonly issuerCommonName: string;
  readonly serialHex: string;
  readonly hasPrivateKey: boolean;
}

const NCA_RSA = 'ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA)';
const GOVERNMENT_FOR_CITIZENS = {
  organization: '«АЗАМАТТАРҒА АРНАЛҒАН ҮКІМЕТ» МЕМЛЕКЕТТІК КОРПОРАЦИЯСЫ» КЕАҚ',
  organizationalUnit: 'BIN160440007161',
};

/** НУЦ РК subject layout (kz-domain.md §3.1): CN "SURNAME NAME", GIVENNAME the patronymic, SERIALNUMBER IIN…. */
const OPERATOR_SUBJECT: CertificateSubject = {
  commonName: 'СЕЙІТОВА ӘЙГЕРІМ',
  surname: 'СЕЙІТОВА',
  givenName: 'НҰРЛАНҚЫЗЫ',
  serialNumber: `IIN${PSC_OPERATOR.iin}`,
  ...GOVERNMENT_FOR_CITIZENS,
};

const OTHER_SUBJECT: CertificateSubject = {
  commonName: 'ОМАРОВ БАҚЫТ',
  surname: 'ОМАРОВ',
  givenName: 'СӘКЕНҰЛЫ',
  serialNumber: `IIN${OTHER_PERSON.iin}`,
  ...GOVERNMENT_FOR_CITIZENS,
};

/** The operator's current signing key: a year either side of the fake today (FAKE_TODAY, 2025-03-04). */
const CURRENT: CertificateDescription = {
  subject: OPERATOR_SUBJECT,
  notBefore: new Date('2024-06-03T12:00:00Z'),
  notAfter: new Date('2026-06-03T12:00:00Z'),
  keyUsage: { digitalSignature: true, nonRepudiation: true },
  trust: { kind: 'trusted' },
  revoked: false,
};

const key = (serialHex: string, description: CertificateDescription, overrides: Partial<Omit<FakeKey, 'description'>> = {}): FakeKey => ({
  description,
  issuerCommonName: NCA_RSA,
  serialHex,
  hasPrivateKey: true,
  ...overrides,
});

export const FAKE_KEYS: Readonly<Record<FakeKeyName, FakeKey>> = {
  valid: key('4a1f0c2e', CURRENT),
  expired: key('3b07d1a9', { ...CURRENT, notBefore: new Date('2023-01-10T12:00:00Z'), notAfter: new Date('2024-01-10T12:00:00Z') }),
  notYetValid: key('5c22e8f0', { ...CURRENT, notBefore: new Date('2025-06-01T12:00:00Z'), notAfter: new Date('2026-06-01T12:00:00Z') }),
  revoked: key('2d9e4b13', { ...CURRENT, revoked: true }),
  wrongIin: key('6e5a7c44', { ...CURRENT, subject: OTHER_SUBJECT }),
  authOnly: key('7f1b3d55', { ...CURRENT, keyUsage: { digitalSignature: true, nonRepudiation: false } }),
  otherCa: key('18c4a266', { ...CURRENT, trust: { kind: 'untrusted-issuer' } }, { issuerCommonName: 'TEST ROOT CA (NOT NCA)' }),
  certificateOnly: key('4a1f0c2e', CURRENT, { hasPrivateKey: false }),
};

const MAGIC = 'FAKE-PKCS12\n';

/** The bytes of a fake key file: about the size of a real НУЦ .p12 (a few kilobytes). */
export function fakeKeyFileBytes(name: FakeKeyName): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${MAGIC}${name}\n`.padEnd(2_700, '.'));
}

/** A fake key file as the operator's file picker hands it over. */
export function fakeKeyFile(name: FakeKeyName, fileName = FAKE_KEY_FILE_NAMES[name]): File {
  return new File([fakeKeyFileBytes(name)], fileName, { type: 'application/x-pkcs12' });
}

/** Which fake key the bytes are; null for anything that is not a fake key file. */
export function fakeKeyNameOf(bytesBase64: string): FakeKeyName | null {
  let text: string;
  try {
    text = atob(bytesBase64);
  } catch {
    return null;
  }
  if (!text.startsWith(MAGIC)) return null;
  const name = text.slice(MAGIC.length).split('\n', 1)[0];
  return FAKE_KEY_NAMES.find((candidate) => candidate === name) ?? null;
}

export const fakeKeyFileBase64 = (name: FakeKeyName): string => bytesToBase64(fakeKeyFileBytes(name));

export function cardOf(fake: FakeKey): CertificateCardView {
  return {
    owner: certificateOwner(fake.description.subject),
    issuerCommonName: fake.issuerCommonName,
    serialHex: fake.serialHex,
    notBefore: fake.description.notBefore.toISOString(),
    notAfter: fake.description.notAfter.toISOString(),
    isSigningKey: isSigningKey(fake.description.keyUsage),
    algorithm: 'RSA',
    // As main shows it: the verified issuers up to the root, none for a key no trusted CA issued.
    chain:
      fake.description.trust.kind === 'trusted'
        ? [
            { commonName: fake.issuerCommonName, notAfter: '2029-06-03T12:00:00.000Z', isRoot: false },
            { commonName: 'НЕГІЗГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA)', notAfter: '2045-09-08T04:56:12.000Z', isRoot: true },
          ]
        : [],
  };
}
