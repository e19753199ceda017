// A throwaway GOST test PKI shaped like НУЦ РК's: a root, an issuing CA under it, a timestamping
// authority, an unrelated root ("other CA"), a GOST-signed CRL, and operator certificates with Kazakh
// subjects for each way a key is refused — valid, expired, not yet valid, revoked, another person's,
// authentication-only, another CA's. One PKI per algorithm family (GOST 2015 512-bit, GOST 34.310-2004,
// GOST 2015 256-bit). Test code only: the product never signs with GOST.
import { TEST_KEY_NAMES, type TestKeyName } from '../generateTestPki';
import { caName, issueCertificate, issueCrl, name, personName, type IssuedCertificate } from './gostCertificates';
import { generateGostKeyPair, GOST_SPECS, type GostFamily } from './gostKeys';
import type { TestTsa } from './gostTimestamp';

export { TEST_KEY_NAMES, type TestKeyName };

export interface GostTestPki {
  readonly family: GostFamily;
  readonly root: IssuedCertificate;
  /** Issues the operators' certificates and signs the CRL. */
  readonly ca: IssuedCertificate;
  /** Not in any trust store: issues the `otherCa` key. */
  readonly otherRoot: IssuedCertificate;
  readonly tsa: TestTsa;
  readonly crlDer: Uint8Array;
  /** When the revoked key was revoked. */
  readonly revokedAt: Date;
  readonly keys: Readonly<Record<TestKeyName, IssuedCertificate>>;
}

export interface GostTestPkiOptions {
  readonly family: GostFamily;
  readonly now: Date;
  readonly operatorIin: string;
  readonly otherIin: string;
  readonly employer?: { name: string; bin: string };
  /** Revocation date of the revoked key; default a day before `now`. */
  readonly revokedAt?: Date;
  readonly operatorName?: { surname: string; name: string; patronymic: string };
}

const DAY_MS = 86_400_000;
const days = (now: Date, n: number) => new Date(now.getTime() + n * DAY_MS);

const LABEL: Record<GostFamily, string> = { 'gost-2015-512': 'GOST 2015', 'gost-2004': 'GOST 2004', 'gost-2015-256': 'GOST 2015-256' };

export function generateGostTestPki(options: GostTestPkiOptions): GostTestPki {
  const spec = GOST_SPECS[options.family];
  const { now } = options;
  const label = LABEL[options.family];
  const caValidity = { notBefore: days(now, -730), notAfter: days(now, 3650) };
  const root = issueCertificate({ subject: caName(`НЕГІЗГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (${label}) TEST`), key: generateGostKeyPair(spec), role: 'root', ...caValidity });
  const ca = issueCertificate({ subject: caName(`ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (${label}) TEST`), key: generateGostKeyPair(spec), role: 'ca', issuer: root, ...caValidity });
  const otherRoot = issueCertificate({ subject: caName(`БАСҚА КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (${label}) TEST`), key: generateGostKeyPair(spec), role: 'root', ...caValidity });
  const tsaCertificate = issueCertificate({
    subject: name([
      { type: 'commonName', value: 'УАҚЫТ БЕЛГІСІ ҚЫЗМЕТІ (TEST)' },
      { type: 'country', value: 'KZ', printable: true },
    ]),
    key: generateGostKeyPair(spec),
    role: 'tsa',
    issuer: ca,
    ...caValidity,
  });
  const operator = { ...(options.operatorName ?? { surname: 'ҚАСЫМОВА', name: 'ӘЙГЕРІМ', patronymic: 'НҰРЛАНҚЫЗЫ' }), iin: options.operatorIin, ...(options.employer ? { employer: options.employer } : {}) };
  const other = { surname: 'ТЕСТОВ', name: 'ТЕСТ', patronymic: 'ТЕСТОВИЧ', iin: options.otherIin, ...(options.employer ? { employer: options.employer } : {}) };
  const issue = (spec2: { person: typeof operator; role: 'sign' | 'auth'; from: number; to: number; issuer: IssuedCertificate }) =>
    issueCertificate({ subject: personName(spec2.person), key: generateGostKeyPair(spec), role: spec2.role, issuer: spec2.issuer, notBefore: days(now, spec2.from), notAfter: days(now, spec2.to) });
  const current = { person: operator, role: 'sign' as const, from: -30, to: 365, issuer: ca };
  const keys: Record<TestKeyName, IssuedCertificate> = {
    valid: issue(current),
    expired: issue({ ...current, from: -400, to: -30 }),
    notYetValid: issue({ ...current, from: 30, to: 400 }),
    revoked: issue(current),
    wrongIin: issue({ ...current, person: other }),
    authOnly: issue({ ...current, role: 'auth' }),
    otherCa: issue({ ...current, issuer: otherRoot }),
  };
  const revokedAt = options.revokedAt ?? days(now, -1);
  const crlDer = issueCrl({
    issuer: ca,
    thisUpdate: now,
    nextUpdate: days(now, 7),
    revoked: [{ serial: keys.revoked.certificate.tbsCertificate.serialNumber, revocationDate: revokedAt }],
  });
  return { family: options.family, root, ca, otherRoot, tsa: { certificate: tsaCertificate }, crlDer, revokedAt, keys };
}
