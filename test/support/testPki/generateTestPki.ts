// Throwaway test PKI for the signing flow: a test CA, an unrelated "other" CA, operator keys as
// PKCS#12 covering each failure the app must recognise (expired, not yet valid, revoked, wrong IIN,
// AUTH-only key, foreign CA) and a CRL. Everything stays in memory; scripts/generateTestPki.mjs
// writes it to disk. Never use these keys for anything real.
import forge from 'node-forge';
import { issueCaCertificate, issueOperatorCertificate, type Issuer, type KeyPurpose, type Person } from './certificates';
import { buildCrl } from './crl';
import { generateRsaKeyPair } from './keys';

export const TEST_KEY_NAMES = ['valid', 'expired', 'notYetValid', 'revoked', 'wrongIin', 'authOnly', 'otherCa'] as const;
export type TestKeyName = (typeof TEST_KEY_NAMES)[number];

export type TestKey = { p12: Uint8Array; certPem: string; serialHex: string };

export type TestPki = {
  /** `keyPem` (PKCS#8): only the reference backend's demo CRL issuer needs it. */
  ca: { certPem: string; keyPem: string };
  otherCa: { certPem: string };
  crlDer: Uint8Array;
  crlPem: string;
  keys: Record<TestKeyName, TestKey>;
  password: string;
};

export type TestPkiOptions = {
  now: Date;
  operatorIin: string;
  otherIin: string;
  password: string;
  /** How long the current keys stay valid from `now`; default 365 days (as НУЦ issues them). */
  validForDays?: number;
  /** When the not-yet-valid key starts being valid; default 30 days from `now`. */
  notYetValidInDays?: number;
  /** Operator's full name in the certificates; default a Kazakh test name. */
  operatorName?: { surname: string; name: string; patronymic: string };
  /** O and OU=BIN… of the operator's employer, when the certificate is an employee's. */
  employer?: { name: string; bin: string };
};

const DAY_MS = 24 * 60 * 60 * 1000;
const days = (now: Date, n: number): Date => new Date(now.getTime() + n * DAY_MS);

/** Kazakh names (Қ, Ә, Ұ, Ң) so DN parsing and display are exercised beyond Russian Cyrillic. */
const OPERATOR = { surname: 'ҚАСЫМОВА', name: 'ӘЙГЕРІМ', patronymic: 'НҰРЛАНҚЫЗЫ' } as const;
const OTHER_PERSON = { surname: 'ТЕСТОВ', name: 'ТЕСТ', patronymic: 'ТЕСТОВИЧ' } as const;

type KeySpec = { person: Person; purpose: KeyPurpose; notBefore: number; notAfter: number; issuer: 'ca' | 'otherCa' };

function keySpecs(options: TestPkiOptions): Record<TestKeyName, KeySpec> {
  const operator: Person = { ...(options.operatorName ?? OPERATOR), iin: options.operatorIin, ...(options.employer ? { employer: options.employer } : {}) };
  const validFor = options.validForDays ?? 365;
  const notYetValidIn = options.notYetValidInDays ?? 30;
  const current = { person: operator, purpose: 'sign', notBefore: -30, notAfter: validFor, issuer: 'ca' } as const;
  return {
    valid: current,
    expired: { ...current, notBefore: -400, notAfter: -30 },
    notYetValid: { ...current, notBefore: notYetValidIn, notAfter: notYetValidIn + 370 },
    revoked: current,
    wrongIin: { ...current, person: { ...OTHER_PERSON, iin: options.otherIin } },
    authOnly: { ...current, purpose: 'auth' },
    otherCa: { ...current, issuer: 'otherCa' },
  };
}

function toPkcs12(name: TestKeyName, key: forge.pki.rsa.PrivateKey, chain: forge.pki.Certificate[], password: string): Uint8Array {
  // 3DES/SHA-1 MAC: opens in OpenSSL 3 without -legacy, in Java keystores and in forge itself.
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, chain, password, {
    algorithm: '3des',
    friendlyName: `psc-test-${name}`,
    generateLocalKeyId: true,
  });
  return Uint8Array.from(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
}

export async function generateTestPki(options: TestPkiOptions): Promise<TestPki> {
  const { now, password } = options;
  const specs = keySpecs(options);
  // All keys at once: Node generates them on the thread pool, in parallel.
  const [caKeys, otherCaKeys, ...operatorKeys] = await Promise.all(
    [undefined, undefined, ...TEST_KEY_NAMES].map(() => generateRsaKeyPair()),
  );
  if (caKeys === undefined || otherCaKeys === undefined) throw new Error('RSA key generation returned too few keys');
  const caValidity = { notBefore: days(now, -730), notAfter: days(now, Math.max(1825, (options.validForDays ?? 0) + 365, (options.notYetValidInDays ?? 0) + 800)) };
  const issuers: Record<KeySpec['issuer'], Issuer> = {
    ca: { keys: caKeys, cert: issueCaCertificate(caKeys, 'PSC ТЕСТ ҰКО (RSA TEST)', caValidity) },
    otherCa: { keys: otherCaKeys, cert: issueCaCertificate(otherCaKeys, 'БАСҚА ТЕСТ ҰКО (RSA TEST)', caValidity) },
  };

  const keys = {} as Record<TestKeyName, TestKey>;
  TEST_KEY_NAMES.forEach((name, index) => {
    const pair = operatorKeys[index];
    if (pair === undefined) throw new Error(`No key pair generated for ${name}`);
    const spec = specs[name];
    const issuer = issuers[spec.issuer];
    const cert = issueOperatorCertificate({
      issuer,
      publicKey: pair.publicKey,
      person: spec.person,
      purpose: spec.purpose,
      validity: { notBefore: days(now, spec.notBefore), notAfter: days(now, spec.notAfter) },
    });
    keys[name] = {
      p12: toPkcs12(name, pair.privateKey, [cert, issuer.cert], password),
      certPem: forge.pki.certificateToPem(cert),
      serialHex: cert.serialNumber,
    };
  });

  const crl = buildCrl({
    issuer: issuers.ca,
    thisUpdate: now,
    nextUpdate: days(now, 7),
    crlNumber: 1,
    revoked: [{ serialHex: keys.revoked.serialHex, revocationDate: days(now, -1) }],
  });
  return {
    ca: { certPem: forge.pki.certificateToPem(issuers.ca.cert), keyPem: forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(caKeys.privateKey))) },
    otherCa: { certPem: forge.pki.certificateToPem(issuers.otherCa.cert) },
    crlDer: crl.der,
    crlPem: crl.pem,
    keys,
    password,
  };
}
