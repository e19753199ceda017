import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki, type TestPki } from '../../test/support/testPki/generateTestPki';
import { trustAnchorDirs } from '../composeSigning';
import { loadTrustedCertificates, loadTrustedCertificateSets } from './trustedCertificates';

const RESOURCES = fileURLToPath(new URL('../../resources', import.meta.url));
let pki: TestPki;
beforeAll(async () => {
  pki = await generateTestPki({ now: new Date(), operatorIin: '850415312343', otherIin: '901120412403', password: 'pw' });
});

describe('trusted CA certificates', () => {
  it('reads PEM bundles and DER files, keeps CA certificates only', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-trust-'));
    await writeFile(path.join(dir, 'bundle.pem'), `${pki.ca.certPem}\n${pki.keys.valid.certPem}`);
    await writeFile(path.join(dir, 'notes.txt'), 'ignored');
    const trusted = await loadTrustedCertificates(dir);
    expect(trusted.map((c) => c.subject.commonName)).toEqual(['PSC ТЕСТ ҰКО (RSA TEST)']);
  });

  it('refuses a folder without any CA certificate, naming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-trust-'));
    await writeFile(path.join(dir, 'leaf.pem'), pki.keys.valid.certPem);
    await expect(loadTrustedCertificates(dir)).rejects.toThrow(`No CA certificates in ${dir}`);
    await expect(loadTrustedCertificates(path.join(dir, 'missing'))).rejects.toThrow(/cannot be read \(ENOENT\)/);
  });

  it("ships НУЦ РК's GOST roots and CAs as the production anchors", async () => {
    const trusted = await loadTrustedCertificates(path.join(RESOURCES, 'pki', 'nuc'));
    const names = trusted.map((c) => c.subject.commonName);
    expect(names).toEqual(
      expect.arrayContaining([
        'НЕГІЗГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) 2022',
        'ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) 2022',
        'Удостоверяющий центр Государственных органов',
      ]),
    );
    expect(names).not.toContain('PSC ТЕСТ ҰКО (RSA TEST)');
    expect(names.some((name) => name?.includes('ТЕСТ') || name?.includes('TEST'))).toBe(false);
  });

  it('trusts the demo CA only when asked (the embedded demo backend, or a test)', async () => {
    const production = await loadTrustedCertificateSets(trustAnchorDirs({ trustAnchorsDir: null }, RESOURCES, false));
    const demo = await loadTrustedCertificateSets(trustAnchorDirs({ trustAnchorsDir: null }, RESOURCES, true));
    const isDemo = (c: { subject: { commonName: string | null } }) => c.subject.commonName === 'PSC ТЕСТ ҰКО (RSA TEST)';
    expect(production.some(isDemo)).toBe(false);
    expect(demo.some(isDemo)).toBe(true);
    expect(trustAnchorDirs({ trustAnchorsDir: '/etc/psc/anchors' }, RESOURCES, false)).toEqual(['/etc/psc/anchors']);
  });
});
