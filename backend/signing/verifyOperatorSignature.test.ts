import { beforeAll, describe, expect, it } from 'vitest';
import { applicationSubmissionSchema, type ApplicationSubmissionBody } from '../../core/backendApi/wire';
import { Pkcs12Signer } from '../../main/signing/Pkcs12Signer';
import { generateTestPki, TEST_KEY_NAMES, type TestKeyName, type TestPki } from '../../test/support/testPki/generateTestPki';
import { signPolicy } from '../../test/support/testPki/signPolicy';
import { openBackendPki } from '../pki/backendPki';
import { BackendTrust } from '../pki/backendTrust';
import { CrlPublisher } from '../pki/crlPublisher';
import { openTestKeyFile, signDetachedForTest, withOperatorSignature, type TestKey, type TestSignOptions } from '../testing/testCmsSigner';
import { verifyOperatorSignature, type SignatureCheckContext } from './verifyOperatorSignature';

const OPERATOR = { operatorId: 'op-0001', iin: '880808399112' } as const;
const OTHER_IIN = '901120412403';
const PASSWORD = 'Test#2026';
const KEY = '5f0b8a52-7a4e-4a57-9d0e-3c1f2b6a9e10';
const NOW = new Date();
const DAY_MS = 86_400_000;

let pki: TestPki;
let trust: BackendTrust;
const keys = {} as Record<TestKeyName, TestKey>;

beforeAll(async () => {
  pki = await generateTestPki({ now: NOW, operatorIin: OPERATOR.iin, otherIin: OTHER_IIN, password: PASSWORD });
  const demo = openBackendPki({ caCertPem: pki.ca.certPem, caKeyPem: pki.ca.keyPem, revokedSerials: [pki.keys.revoked.serialHex] });
  trust = new BackendTrust(demo, new CrlPublisher(demo));
  for (const name of TEST_KEY_NAMES) keys[name] = openTestKeyFile(pki.keys[name].p12, PASSWORD);
}, 60_000);

type UnsignedBody = Omit<ApplicationSubmissionBody, 'operatorSignature'>;

function unsignedBody(overrides: Partial<UnsignedBody> = {}): UnsignedBody {
  return {
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
    ...overrides,
  };
}

const signedWith = (name: TestKeyName, options: TestSignOptions = {}, body = unsignedBody()) =>
  withOperatorSignature(body, (bytes) => signDetachedForTest(keys[name], bytes, options));

/** As the route calls it: the body as JSON.parse gives it, and the same body through the wire schema. */
function verify(body: unknown, context: Partial<SignatureCheckContext> = {}) {
  const received: unknown = JSON.parse(JSON.stringify(body));
  return verifyOperatorSignature(received, applicationSubmissionSchema.parse(received), {
    trust,
    signatureRequired: true,
    sessionOperator: OPERATOR,
    idempotencyKey: KEY,
    now: NOW,
    ...context,
  });
}

function codeOf(result: ReturnType<typeof verify>): string {
  if (result.ok) return 'ok';
  expect(result.error.status).toBe(422);
  // Messages are for logs: no identifiers, names or certificate data.
  for (const secret of [OPERATOR.iin, OTHER_IIN, OPERATOR.operatorId, 'ҚАСЫМОВА', KEY]) expect(result.error.message).not.toContain(secret);
  return result.error.code;
}

describe('verifyOperatorSignature', () => {
  it('accepts a signature over the body as received, whatever the member order', () => {
    const body = signedWith('valid');
    expect(codeOf(verify(body))).toBe('ok');
    expect(codeOf(verify(Object.fromEntries(Object.entries(body).reverse())))).toBe('ok');
  });

  it('accepts what the workstation signer (Pkcs12Signer) makes', () => {
    const policy = signPolicy({ operatorIin: OPERATOR.iin, now: NOW, trusted: [pki.ca.certPem], crls: [pki.crlDer] });
    const body = withOperatorSignature(unsignedBody(), (bytes) => {
      const signature = new Pkcs12Signer().sign(pki.keys.valid.p12, PASSWORD, bytes, policy);
      if (!signature.ok) throw new Error(signature.error.kind);
      return signature.value.cmsDer;
    });
    expect(codeOf(verify(body))).toBe('ok');
  });

  it('refuses a body changed after signing with signature-invalid', () => {
    const body = signedWith('valid');
    const [document] = body.documents;
    if (!document) throw new Error('no document');
    const flipped = `${document.sha256.slice(0, -1)}${document.sha256.endsWith('0') ? '1' : '0'}`;
    expect(codeOf(verify({ ...body, documents: [{ ...document, sha256: flipped }] }))).toBe('signature-invalid');
    expect(codeOf(verify({ ...body, localNumber: 'WS-2026-0002' }))).toBe('signature-invalid');
    expect(codeOf(verify({ ...body, representative: undefined }))).toBe('signature-invalid'); // member dropped
    expect(codeOf(verify({ ...body, note: 'added later' }))).toBe('signature-invalid'); // unknown members are signed too
    const other = signedWith('valid', {}, unsignedBody({ localNumber: 'WS-2026-0002' }));
    expect(codeOf(verify({ ...body, operatorSignature: other.operatorSignature }))).toBe('signature-invalid');
  });

  it('refuses a CMS outside the profile, or one whose signature is not by its certificate, with signature-invalid', () => {
    expect(codeOf(verify(signedWith('valid', { omitSigningTime: true })))).toBe('signature-invalid');
    expect(codeOf(verify(signedWith('valid', { attachContent: true })))).toBe('signature-invalid');
    expect(codeOf(verify(signedWith('valid', { certificates: [keys.wrongIin.certificate] })))).toBe('signature-invalid');
    const forged = withOperatorSignature(unsignedBody(), (bytes) =>
      signDetachedForTest({ privateKey: keys.wrongIin.privateKey, certificate: keys.valid.certificate }, bytes),
    );
    expect(codeOf(verify(forged))).toBe('signature-invalid');
    const garbage = { ...unsignedBody(), operatorSignature: { format: 'cms-detached-sha256', cms: Buffer.from('not a CMS').toString('base64') } };
    expect(codeOf(verify(garbage))).toBe('signature-invalid');
    const good = signedWith('valid');
    const truncated = Buffer.from(good.operatorSignature?.cms ?? '', 'base64').subarray(0, -1).toString('base64');
    expect(codeOf(verify({ ...good, operatorSignature: { format: 'cms-detached-sha256', cms: truncated } }))).toBe('signature-invalid');
  });

  it('refuses a certificate of another CA with certificate-untrusted', () => {
    expect(codeOf(verify(signedWith('otherCa')))).toBe('certificate-untrusted');
  });

  it('refuses a certificate not valid when it signed or now with certificate-not-valid', () => {
    expect(codeOf(verify(signedWith('expired')))).toBe('certificate-not-valid');
    expect(codeOf(verify(signedWith('notYetValid')))).toBe('certificate-not-valid');
    // Back-dated into its validity: still expired at submission.
    expect(codeOf(verify(signedWith('expired', { signingTime: new Date(NOW.getTime() - 100 * DAY_MS) })))).toBe('certificate-not-valid');
    // A valid key claiming to have signed before its certificate existed.
    expect(codeOf(verify(signedWith('valid', { signingTime: new Date(NOW.getTime() - 60 * DAY_MS) })))).toBe('certificate-not-valid');
  });

  it('refuses a revoked certificate with certificate-revoked', () => {
    expect(codeOf(verify(signedWith('revoked')))).toBe('certificate-revoked');
  });

  it('refuses an authentication key with not-a-signing-key', () => {
    expect(codeOf(verify(signedWith('authOnly')))).toBe('not-a-signing-key');
  });

  it('refuses a signer other than the signed-in operator named in the body with signer-not-operator', () => {
    expect(codeOf(verify(signedWith('wrongIin')))).toBe('signer-not-operator');
    expect(codeOf(verify(signedWith('valid'), { sessionOperator: { operatorId: 'op-0009', iin: OTHER_IIN } }))).toBe('signer-not-operator');
    expect(codeOf(verify(signedWith('valid'), { sessionOperator: { ...OPERATOR, operatorId: 'op-0009' } }))).toBe('signer-not-operator');
    expect(codeOf(verify(signedWith('valid', {}, unsignedBody({ operator: { ...OPERATOR, iin: OTHER_IIN } }))))).toBe('signer-not-operator');
    const { operator: _operator, ...withoutOperator } = unsignedBody();
    expect(codeOf(verify(signedWith('valid', {}, withoutOperator)))).toBe('signer-not-operator');
  });

  it('refuses a missing signature for a service that requires one with signature-required, and not otherwise', () => {
    expect(codeOf(verify(unsignedBody()))).toBe('signature-required');
    expect(codeOf(verify({ ...unsignedBody(), operatorSignature: null }))).toBe('signature-required');
    expect(codeOf(verify(unsignedBody(), { signatureRequired: false }))).toBe('ok');
    // A signature that is present is checked even where none is required.
    expect(codeOf(verify(signedWith('revoked'), { signatureRequired: false }))).toBe('certificate-revoked');
  });

  it('refuses an idempotencyKey other than the header, or a signed body without one, with validation-failed', () => {
    expect(codeOf(verify(signedWith('valid'), { idempotencyKey: 'another-key' }))).toBe('validation-failed');
    expect(codeOf(verify(unsignedBody(), { idempotencyKey: 'another-key', signatureRequired: false }))).toBe('validation-failed');
    const { idempotencyKey: _key, ...withoutKey } = unsignedBody();
    expect(codeOf(verify(signedWith('valid', {}, withoutKey)))).toBe('validation-failed');
    expect(codeOf(verify(withoutKey, { signatureRequired: false }))).toBe('ok');
  });
});
