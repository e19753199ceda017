import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tlsFixtures } from '../../../test/support/tlsFixtures';
import { parseCaBundle } from './caBundle';

const sha256Of = (pem: string) => createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');

describe('parseCaBundle', () => {
  it('lists every CA of a bundle with its CN, expiry and SHA-256 fingerprint, ignoring text between blocks', async () => {
    const { caPem, otherCaPem } = await tlsFixtures();
    const bundle = `subject=O = PSC Tests, CN = PSC Test Backend CA\n${caPem}\n# second\n${otherCaPem}`;
    const parsed = parseCaBundle(bundle, new Date());
    expect(parsed).toEqual({
      ok: true,
      value: [
        { subject: 'PSC Test Backend CA', notAfter: new Date(new X509Certificate(caPem).validTo).toISOString(), sha256: sha256Of(caPem) },
        { subject: 'Unrelated Test CA', notAfter: new Date(new X509Certificate(otherCaPem).validTo).toISOString(), sha256: sha256Of(otherCaPem) },
      ],
    });
    // What an administrator compares with `openssl x509 -fingerprint -sha256`.
    expect(parsed.ok && parsed.value[0]?.sha256.toUpperCase()).toBe(new X509Certificate(caPem).fingerprint256.replace(/:/g, ''));
  });

  it('refuses a server certificate: only CAs belong in the bundle', async () => {
    const { caPem, server } = await tlsFixtures();
    expect(parseCaBundle(`${caPem}${server.certPem}`, new Date())).toEqual({ ok: false, error: { detail: 'block 2 is not a CA certificate' } });
  });

  it('refuses a CA outside its validity period', async () => {
    const { caPem } = await tlsFixtures();
    const { validFrom, validTo } = new X509Certificate(caPem);
    expect(parseCaBundle(caPem, new Date(Date.parse(validTo) + 1_000))).toEqual({ ok: false, error: { detail: 'block 1 has expired' } });
    expect(parseCaBundle(caPem, new Date(Date.parse(validFrom) - 1_000))).toEqual({ ok: false, error: { detail: 'block 1 is not valid yet' } });
  });

  it('refuses empty bundles, private keys, garbage and cut-off blocks', async () => {
    const { caPem, server } = await tlsFixtures();
    expect(parseCaBundle('', new Date())).toEqual({ ok: false, error: { detail: 'no certificate in the bundle' } });
    expect(parseCaBundle('just some text', new Date())).toEqual({ ok: false, error: { detail: 'no certificate in the bundle' } });
    expect(parseCaBundle(`${caPem}${server.keyPem}`, new Date())).toEqual({ ok: false, error: { detail: 'block 2 is a PRIVATE KEY, not a CERTIFICATE' } });
    expect(parseCaBundle('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', new Date())).toEqual({
      ok: false,
      error: { detail: 'block 1 is not a readable X.509 certificate' },
    });
    expect(parseCaBundle(caPem.slice(0, caPem.indexOf('-----END')), new Date())).toEqual({ ok: false, error: { detail: 'a PEM block is not terminated' } });
  });

  it('never echoes bundle content in its detail', async () => {
    const { caPem } = await tlsFixtures();
    const broken = caPem.replace(/\n[A-Za-z0-9+/]{20}/, '\n!!!!!!!!!!!!!!!!!!!!');
    const parsed = parseCaBundle(broken, new Date());
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.detail).toMatch(/^block 1 /);
  });
});
