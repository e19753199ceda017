import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PIN_PATTERN } from '../../../core/contract/settings';
import { tlsFixtures } from '../../../test/support/tlsFixtures';
import { spkiPin } from './spkiPin';

/** The pin as an administrator computes it with OpenSSL (the usual HPKP recipe). */
function opensslPin(certPath: string): string {
  const spki = execFileSync('sh', ['-c', 'openssl x509 -in "$1" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64', 'sh', certPath]);
  return `sha256/${spki.toString().trim()}`;
}

describe('spkiPin', () => {
  it('equals the OpenSSL recipe for an EC certificate (where the peer certificate `pubkey` is not SPKI)', async () => {
    const { server } = await tlsFixtures();
    const der = new Uint8Array(new X509Certificate(server.certPem).raw);
    const pin = spkiPin(der);
    expect(pin).toMatch(PIN_PATTERN);
    expect(pin).toBe(opensslPin(server.certPath));
  });

  it('pins the key, not the certificate: a view into a larger buffer gives the same pin', async () => {
    const { caPem } = await tlsFixtures();
    const der = new X509Certificate(caPem).raw;
    const padded = new Uint8Array(der.length + 8);
    padded.set(der, 4);
    expect(spkiPin(padded.subarray(4, 4 + der.length))).toBe(spkiPin(new Uint8Array(der)));
  });
});
