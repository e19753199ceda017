// NcaLayerSigner with GOST keys, as most НУЦ РК operators have them: the fake agent signs with GOST
// 2015-512 and GOST 34.310-2004 test keys (test/support/testPki/gost); the workstation verifies the
// CMS in full (core/pki) and judges the key like a key file's. Hostile answers get typed refusals.
import { createHash } from 'node:crypto';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_OID } from '../../../core/pki/algorithms/algorithmRegistry';
import { readCertificate } from '../../../core/pki/certificate';
import { buildDetachedCms } from '../../../core/pki/cmsBuilder';
import { FakeNcaLayerAgent, type FakeAgentMode } from '../../../test/support/ncaLayer/FakeNcaLayerAgent';
import { generateGostTestPki, type GostTestPki } from '../../../test/support/testPki/gost/generateGostTestPki';
import { caName, issueCertificate, personName, type IssuedCertificate } from '../../../test/support/testPki/gost/gostCertificates';
import { generateGostKeyPair, gostDigest, gostSign, GOST_SPECS } from '../../../test/support/testPki/gost/gostKeys';
import type { TestKeyName } from '../../../test/support/testPki/generateTestPki';
import { signPolicy } from '../../../test/support/testPki/signPolicy';
import type { SignPolicy } from '../../ports/Signer';
import { NcaLayerSigner } from './NcaLayerSigner';

const OPERATOR_IIN = '850415312343';
const OTHER_IIN = '901120412403';
const data = new TextEncoder().encode('{"service":"Ойын бизнесі саласындағы қызметке лицензия беру","idempotencyKey":"0b7c1f0e"}');
const now = new Date();

const agents: FakeNcaLayerAgent[] = [];
afterEach(async () => {
  await Promise.all(agents.splice(0).map((agent) => agent.close()));
});
const signWith = async (mode: FakeAgentMode, policy: SignPolicy, timestamp = false) => {
  const agent = await FakeNcaLayerAgent.start(mode);
  agents.push(agent);
  const result = await new NcaLayerSigner({ url: agent.url, timeoutMs: 10_000, connectTimeoutMs: 2_000, locale: () => 'kk', timestamp }).sign(data, policy);
  return { result, agent };
};
const kindOf = (result: Awaited<ReturnType<NcaLayerSigner['sign']>>): string =>
  result.ok ? 'signed' : result.error.kind === 'certificate-refused' ? result.error.problem.kind : result.error.kind;

const policyFor = (pki: GostTestPki): SignPolicy => signPolicy({ operatorIin: OPERATOR_IIN, now, trusted: [pki.root.der, pki.ca.der], crls: [pki.crlDer] });

describe.each([
  ['gost-2015-512', 'GOST 2015 (512)'],
  ['gost-2004', 'GOST 34.310-2004'],
] as const)('NcaLayerSigner with a %s key', (family, label) => {
  let pki: GostTestPki;
  let policy: SignPolicy;
  beforeAll(() => {
    pki = generateGostTestPki({ family, now, operatorIin: OPERATOR_IIN, otherIin: OTHER_IIN, employer: { name: 'ХҚО ТЕСТ ФИЛИАЛЫ', bin: '060440000004' } });
    policy = policyFor(pki);
  });

  it.each(['pem', 'array', 'outputCert'] as const)('signs through basics.sign (%s answer) and the CMS verifies in full', async (output) => {
    const { result } = await signWith({ mode: 'sign', key: { gost: pki.keys.valid }, operatorIin: OPERATOR_IIN, output }, policy);
    expect(kindOf(result)).toBe('signed');
  });

  const refusals: [TestKeyName, string][] = [
    ['expired', 'expired'],
    ['notYetValid', 'not-yet-valid'],
    ['revoked', 'revoked'],
    ['wrongIin', 'iin-mismatch'],
    ['authOnly', 'not-a-signing-key'],
    ['otherCa', 'untrusted-issuer'],
  ];
  it.each(refusals)('refuses the %s GOST key with %s, showing its card', async (name, kind) => {
    const { result } = await signWith({ mode: 'sign', key: { gost: pki.keys[name] }, operatorIin: OPERATOR_IIN }, policy);
    expect(kindOf(result)).toBe(kind);
    if (!result.ok && result.error.kind === 'certificate-refused') {
      expect(result.error.card.algorithm).toBe(label);
      expect(result.error.card.chain.length).toBe(name === 'otherCa' ? 0 : 2);
    }
  });

  it('asks NCALayer for a timestamp when configured, and accepts the stamped CMS', async () => {
    const { result, agent } = await signWith({ mode: 'sign', key: { gost: pki.keys.valid, tsa: pki.tsa }, operatorIin: OPERATOR_IIN }, policy, true);
    expect(kindOf(result)).toBe('signed');
    expect(agent.requests[0]).toMatchObject({ args: { signingParams: { tsaProfile: {} } } });
  });
});

describe('NcaLayerSigner refuses hostile or broken answers with a typed reason', () => {
  let pki: GostTestPki;
  let policy: SignPolicy;
  beforeAll(() => {
    pki = generateGostTestPki({ family: 'gost-2015-512', now, operatorIin: OPERATOR_IIN, otherIin: OTHER_IIN });
    policy = policyFor(pki);
  });

  const cmsWith = (signer: IssuedCertificate, overrides: Partial<Parameters<typeof buildDetachedCms>[0]> = {}) =>
    buildDetachedCms({
      certificateDer: signer.der,
      digestAlgorithmOid: DIGEST_OID[signer.key.spec.digest],
      signatureAlgorithmOid: signer.key.spec.signatureOid,
      nullParameters: true,
      messageDigest: gostDigest(signer.key.spec, data),
      signingTime: now,
      sign: (attributes) => gostSign(signer.key, attributes),
      ...overrides,
    });
  const reply = (der: Uint8Array): FakeAgentMode => ({ mode: 'reply', cmsBase64: Buffer.from(der).toString('base64') });
  const refusal = async (mode: FakeAgentMode) => {
    const { result } = await signWith(mode, policy);
    return result.ok ? 'signed' : result.error;
  };

  it('garbage and truncated DER: malformed', async () => {
    expect(await refusal(reply(new TextEncoder().encode('not a CMS at all')))).toEqual({ kind: 'signature-invalid', reason: 'malformed' });
    const good = cmsWith(pki.keys.valid);
    expect(await refusal(reply(good.subarray(0, good.length - 40)))).toEqual({ kind: 'signature-invalid', reason: 'malformed' });
  });

  it('a 10 MB answer, a 2 MB CMS, and a 10 MB "certificate" beside the CMS: too large, nothing parsed', async () => {
    // Over the agent frame limit (8 MB): the connection is dropped unread.
    expect(await refusal(reply(new Uint8Array(10 * 1024 * 1024).fill(0x30)))).toEqual({ kind: 'signature-invalid', reason: 'too-large' });
    // Within the frame limit but over any CMS's size.
    expect(await refusal(reply(new Uint8Array(2 * 1024 * 1024).fill(0x30)))).toEqual({ kind: 'signature-invalid', reason: 'too-large' });
    // outputCert's certificate arrives beside a CMS that carries none.
    const huge = new Uint8Array(10 * 1024 * 1024);
    huge.set([0x30, 0x84, 0x00, 0x9f, 0xff, 0xfa]);
    const { verifyDetachedSignature } = await import('../../../core/pki/detachedSignature');
    const bare = removeCertificateSet(cmsWith(pki.keys.valid));
    expect(verifyDetachedSignature(bare, data, { suite: policy.pki.suite, memo: policy.pki.memo, extraCertificatesDer: [huge] })).toEqual({ ok: false, error: { kind: 'too-large' } });
    expect(verifyDetachedSignature(bare, data, { suite: policy.pki.suite, memo: policy.pki.memo, extraCertificatesDer: [pki.keys.valid.der] }).ok).toBe(true);
  });

  it('a digest algorithm that does not belong to the key: algorithm mismatch', async () => {
    const wrong = cmsWith(pki.keys.valid, { digestAlgorithmOid: DIGEST_OID.sha256, messageDigest: new Uint8Array(createHash('sha256').update(data).digest()) });
    expect(await refusal(reply(wrong))).toEqual({ kind: 'signature-invalid', reason: 'algorithm-mismatch' });
  });

  it('r and s swapped, or the signature reversed: bad signature', async () => {
    const swapped = cmsWith(pki.keys.valid, {
      sign: (attributes) => {
        const signature = gostSign(pki.keys.valid.key, attributes);
        return Uint8Array.from([...signature.subarray(64), ...signature.subarray(0, 64)]);
      },
    });
    expect(await refusal(reply(swapped))).toEqual({ kind: 'signature-invalid', reason: 'bad-signature' });
    const reversed = cmsWith(pki.keys.valid, { sign: (attributes) => gostSign(pki.keys.valid.key, attributes).reverse() });
    expect(await refusal(reply(reversed))).toEqual({ kind: 'signature-invalid', reason: 'bad-signature' });
  });

  it('an unknown curve in the key, or an unknown signature OID: unsupported algorithm', async () => {
    const oddSpec = { ...GOST_SPECS['gost-2015-512'], curveParameterOid: '1.2.398.3.10.1.1.2.2.9' };
    const odd = issueCertificate({ subject: personName({ surname: 'ТЕСТОВ', name: 'ТЕСТ', patronymic: 'ТЕСТҰЛЫ', iin: OPERATOR_IIN }), key: generateGostKeyPair(oddSpec), role: 'sign', issuer: pki.ca, notBefore: now, notAfter: new Date(now.getTime() + 86_400_000) });
    expect(await refusal(reply(cmsWith(odd)))).toEqual({ kind: 'signature-invalid', reason: 'unsupported-algorithm' });
    expect(await refusal(reply(cmsWith(pki.keys.valid, { signatureAlgorithmOid: '1.2.398.3.10.1.1.2.3.9' })))).toEqual({ kind: 'signature-invalid', reason: 'unsupported-algorithm' });
  });

  it('a chain that loops back on itself: chain-loop, never untrusted-issuer', async () => {
    // A and B certify each other, the key is A's; none of them is trusted, and the agent sends them all.
    const keyA = generateGostKeyPair(GOST_SPECS['gost-2015-512']);
    const keyB = generateGostKeyPair(GOST_SPECS['gost-2015-512']);
    const validity = { notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 86_400_000) };
    const seedB = issueCertificate({ subject: caName('LOOP B'), key: keyB, role: 'ca', ...validity });
    const a = issueCertificate({ subject: caName('LOOP A'), key: keyA, role: 'ca', issuer: seedB, ...validity });
    const b = issueCertificate({ subject: caName('LOOP B'), key: keyB, role: 'ca', issuer: a, ...validity });
    const leaf = issueCertificate({ subject: personName({ surname: 'ТЕСТОВ', name: 'ТЕСТ', patronymic: 'ТЕСТҰЛЫ', iin: OPERATOR_IIN }), key: generateGostKeyPair(GOST_SPECS['gost-2015-512']), role: 'sign', issuer: a, ...validity });
    const { verifyDetachedSignature } = await import('../../../core/pki/detachedSignature');
    const cms = cmsWith(leaf);
    const verified = verifyDetachedSignature(cms, data, { suite: policy.pki.suite, memo: policy.pki.memo, extraCertificatesDer: [a.der, b.der] });
    if (!verified.ok) throw new Error(verified.error.kind);
    const { judge } = await import('../certificateAssessment');
    const judged = judge(verified.value.signer, policy, verified.value.otherCertificates);
    expect(judged.problem).toEqual({ kind: 'chain-loop' });
    expect(readCertificate(b.der).ok).toBe(true);
  });
});

/** The same CMS without its [0] certificates: NCALayer's outputCert form carries the certificate beside it. */
function removeCertificateSet(cms: Uint8Array): Uint8Array {
  const info = AsnConvert.parse(cms, ContentInfo);
  const signed = AsnConvert.parse(info.content, SignedData);
  signed.certificates = undefined;
  return new Uint8Array(AsnConvert.serialize(new ContentInfo({ contentType: info.contentType, content: AsnConvert.serialize(signed) })));
}
