import { X509Certificate } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki, type TestPki } from '../../test/support/testPki/generateTestPki';
import { loadTrustAnchors } from './trustAnchors';

let pki: TestPki;
beforeAll(async () => {
  pki = await generateTestPki({ now: new Date(), operatorIin: '850415312343', otherIin: '901120412403', password: 'pw' });
});

describe('loadTrustAnchors', () => {
  it('reads PEM bundles and DER files, keeps CA certificates only', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-trust-'));
    await writeFile(path.join(dir, 'bundle.pem'), `${pki.ca.certPem}\n${pki.keys.valid.certPem}`);
    await writeFile(path.join(dir, 'other.cer'), new X509Certificate(pki.otherCa.certPem).raw);
    await writeFile(path.join(dir, 'notes.txt'), 'ignored');
    const anchors = await loadTrustAnchors(dir);
    expect(anchors.certificates.map((c) => c.fingerprint256).sort()).toEqual(
      [new X509Certificate(pki.ca.certPem).fingerprint256, new X509Certificate(pki.otherCa.certPem).fingerprint256].sort(),
    );
    expect(anchors.pem.every((pem) => pem.startsWith('-----BEGIN CERTIFICATE-----'))).toBe(true);
  });

  it('refuses a folder without any CA certificate, naming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-trust-'));
    await writeFile(path.join(dir, 'leaf.pem'), pki.keys.valid.certPem);
    await expect(loadTrustAnchors(dir)).rejects.toThrow(`No CA certificates in ${dir}`);
    await expect(loadTrustAnchors(path.join(dir, 'missing'))).rejects.toThrow(/cannot be read \(ENOENT\)/);
  });

  it('loads the bundled demo trust anchor', async () => {
    const dir = fileURLToPath(new URL('../../resources/pki/trust', import.meta.url));
    const anchors = await loadTrustAnchors(dir);
    expect(anchors.certificates).toHaveLength(1);
    expect(anchors.certificates[0]?.subject).toContain('PSC ТЕСТ ҰКО');
  });
});
