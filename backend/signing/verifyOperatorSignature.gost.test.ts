// The backend's check of the operator's signature with GOST keys (НУЦ РК's GOST 2015-512 and GOST
// 34.310-2004, from the GOST test PKI) and with RFC 3161 timestamps: a certificate revoked after the
// timestamped time still validates the signature; without a token it is refused as revoked.
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationSubmissionSchema, type ApplicationSubmissionBody } from '../../core/backendApi/wire';
import { generateTestPki } from '../../test/support/testPki/generateTestPki';
import { generateGostTestPki, type GostTestPki } from '../../test/support/testPki/gost/generateGostTestPki';
import { signDetachedGost } from '../../test/support/testPki/gost/gostCms';
import type { TestTsa } from '../../test/support/testPki/gost/gostTimestamp';
import { openBackendPki } from '../pki/backendPki';
import { BackendTrust } from '../pki/backendTrust';
import { CrlPublisher } from '../pki/crlPublisher';
import { withOperatorSignature } from '../testing/testCmsSigner';
import { verifyOperatorSignature } from './verifyOperatorSignature';

const OPERATOR = { operatorId: 'op-0001', iin: '880808399112' } as const;
const KEY = '5f0b8a52-7a4e-4a57-9d0e-3c1f2b6a9e10';
const NOW = new Date();
const DAY_MS = 86_400_000;

type UnsignedBody = Omit<ApplicationSubmissionBody, 'operatorSignature'>;
const unsignedBody: UnsignedBody = {
  serviceId: '001-test-licence',
  regulation: { seedFile: '001_0123456789abcdef.txt', annex: null },
  subtype: 'issue',
  applicant: { kind: 'individual', iin: '850101399014' },
  registryAnswerId: 'answer-1',
  representative: null,
  documents: [{ sha256: 'ab'.repeat(32), fileName: 'өтініш.pdf', mediaType: 'application/pdf', sizeBytes: 1234, pageCount: 2 }],
  localNumber: 'WS-2026-0001',
  workstationId: 'ws-1',
  acceptedAt: '2026-03-02T10:15:00+05:00',
  operator: OPERATOR,
  idempotencyKey: KEY,
};

function trustFor(pki: GostTestPki, demo: Awaited<ReturnType<typeof generateTestPki>>): BackendTrust {
  const demoPki = openBackendPki({ caCertPem: demo.ca.certPem, caKeyPem: demo.ca.keyPem, revokedSerials: [] });
  return new BackendTrust(demoPki, new CrlPublisher(demoPki), { certificatesDer: [pki.root.der, pki.ca.der], crlsDer: [pki.crlDer] });
}

function verify(body: ApplicationSubmissionBody, trust: BackendTrust): string {
  const received: unknown = JSON.parse(JSON.stringify(body));
  const result = verifyOperatorSignature(received, applicationSubmissionSchema.parse(received), {
    trust,
    signatureRequired: true,
    sessionOperator: OPERATOR,
    idempotencyKey: KEY,
    now: NOW,
  });
  return result.ok ? 'ok' : result.error.code;
}

let demo: Awaited<ReturnType<typeof generateTestPki>>;
beforeAll(async () => {
  demo = await generateTestPki({ now: NOW, operatorIin: OPERATOR.iin, otherIin: '901120412403', password: 'pw' });
}, 60_000);

describe.each(['gost-2015-512', 'gost-2004'] as const)('verifyOperatorSignature with a %s key', (family) => {
  let pki: GostTestPki;
  let trust: BackendTrust;
  beforeAll(() => {
    pki = generateGostTestPki({ family, now: NOW, operatorIin: OPERATOR.iin, otherIin: '901120412403', revokedAt: new Date(NOW.getTime() - DAY_MS) });
    trust = trustFor(pki, demo);
  });
  const signed = (name: keyof GostTestPki['keys'], options: { tsa?: TestTsa } = {}, body: UnsignedBody = unsignedBody) =>
    withOperatorSignature(body, (bytes) => signDetachedGost(pki.keys[name], bytes, options));

  it('verifies the GOST CMS over the body as received', () => {
    expect(verify(signed('valid'), trust)).toBe('ok');
  });

  it('refuses a body changed after signing with signature-invalid', () => {
    const body = signed('valid');
    expect(verify({ ...body, localNumber: 'WS-2026-0002' }, trust)).toBe('signature-invalid');
  });

  it('refuses each bad GOST key with its own code', () => {
    expect(verify(signed('expired'), trust)).toBe('certificate-not-valid');
    expect(verify(signed('revoked'), trust)).toBe('certificate-revoked');
    expect(verify(signed('authOnly'), trust)).toBe('not-a-signing-key');
    expect(verify(signed('wrongIin'), trust)).toBe('signer-not-operator');
    expect(verify(signed('otherCa'), trust)).toBe('certificate-untrusted');
  });

  it('accepts a key revoked after the timestamped signing time, and refuses it without a token or stamped after', () => {
    const beforeRevocation: TestTsa = { ...pki.tsa, clock: () => new Date(NOW.getTime() - 2 * DAY_MS) };
    expect(verify(signed('revoked', { tsa: beforeRevocation }), trust)).toBe('ok');
    expect(verify(signed('revoked'), trust)).toBe('certificate-revoked');
    expect(verify(signed('revoked', { tsa: pki.tsa }), trust)).toBe('certificate-revoked');
  });

  it('refuses a token that does not verify, or from a TSA no trusted CA issued', () => {
    const otherPki = generateGostTestPki({ family, now: NOW, operatorIin: OPERATOR.iin, otherIin: '901120412403' });
    expect(verify(signed('valid', { tsa: otherPki.tsa }), trust)).toBe('signature-invalid');
  });

  it('refuses a GOST CMS when the backend has no current CRL of its CA', () => {
    const demoPki = openBackendPki({ caCertPem: demo.ca.certPem, caKeyPem: demo.ca.keyPem, revokedSerials: [] });
    const withoutCrl = new BackendTrust(demoPki, new CrlPublisher(demoPki), { certificatesDer: [pki.root.der, pki.ca.der], crlsDer: [] });
    expect(verify(signed('valid'), withoutCrl)).toBe('certificate-status-unknown');
  });
});
