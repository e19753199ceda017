import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultAdminConfigPath, loadAdminConfig } from './adminConfig';
import { loadAppConfig } from './appConfig';

const PIN = `sha256/${'C'.repeat(43)}=`;
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('admin config file', () => {
  it('is optional, and lives where an installation expects it on each platform', () => {
    expect(loadAdminConfig('/nonexistent/admin.json')).toEqual({ ok: true, value: null });
    expect(defaultAdminConfigPath('linux', {})).toBe('/etc/psc-workstation/admin.json');
    expect(defaultAdminConfigPath('win32', { ProgramData: 'D:\\PD' })).toBe('D:\\PD\\PSC Workstation\\admin.json');
  });

  it('reads the backend (with its CA bundle relative to the file), retention and idle lock', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-admin-'));
    await writeFile(path.join(dir, 'ca.pem'), PEM);
    const file = path.join(dir, 'admin.json');
    await writeFile(file, JSON.stringify({ backend: { url: 'https://e-lic.example.kz', caFile: 'ca.pem', pins: [PIN] }, retention: { days: 45 }, session: { idleLockMinutes: 2 } }));
    expect(loadAdminConfig(file)).toEqual({
      ok: true,
      value: { file, backend: { url: 'https://e-lic.example.kz', caPem: PEM, pins: [PIN] }, retentionDays: 45, idleLockMinutes: 2 },
    });
  });

  it('stops the start, naming the file and field, when it is invalid or its CA file is missing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-admin-'));
    const file = path.join(dir, 'admin.json');
    await writeFile(file, JSON.stringify({ retention: { days: 0 } }));
    expect(loadAdminConfig(file)).toMatchObject({ ok: false, error: { file, detail: expect.stringMatching(/retention\.days/) } });
    await writeFile(file, JSON.stringify({ backend: { url: 'https://x.kz', caFile: 'missing.pem' } }));
    expect(loadAdminConfig(file)).toMatchObject({ ok: false, error: { detail: expect.stringMatching(/backend\.caFile: cannot read/) } });
    await writeFile(file, JSON.stringify({ backend: { url: 'https://x.kz', pins: ['md5/abc'] } }));
    expect(loadAdminConfig(file)).toMatchObject({ ok: false, error: { detail: expect.stringMatching(/backend\.pins/) } });
  });

  it('is loaded by loadAppConfig from PSC_ADMIN_CONFIG', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-admin-'));
    const file = path.join(dir, 'admin.json');
    await writeFile(file, JSON.stringify({ retention: { days: 7 } }));
    expect(loadAppConfig({ PSC_DATA_DIR: dir, PSC_ADMIN_CONFIG: file }, '/unused')).toMatchObject({ ok: true, value: { admin: { file, retentionDays: 7 } } });
  });
});

describe('admin file: training mode and the blob key escrow', () => {
  it('reads training mode and the escrow public key; refuses training with a backend URL, and a bad escrow key', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-admin-'));
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await writeFile(path.join(dir, 'escrow.pem'), pem);
    await writeFile(path.join(dir, 'admin.json'), JSON.stringify({ trainingMode: true, blobKeyEscrow: { publicKeyFile: 'escrow.pem' } }));
    expect(loadAdminConfig(path.join(dir, 'admin.json'))).toMatchObject({ ok: true, value: { trainingMode: true, escrowPublicKeyPem: pem } });
    await writeFile(path.join(dir, 'admin.json'), JSON.stringify({ trainingMode: true, backend: { url: 'https://e-lic.example.kz' } }));
    expect(loadAdminConfig(path.join(dir, 'admin.json'))).toMatchObject({ ok: false, error: { detail: expect.stringMatching(/^trainingMode: training mode runs the embedded reference backend/) } });
    await writeFile(path.join(dir, 'escrow.pem'), 'not a key');
    await writeFile(path.join(dir, 'admin.json'), JSON.stringify({ blobKeyEscrow: { publicKeyFile: 'escrow.pem' } }));
    expect(loadAdminConfig(path.join(dir, 'admin.json'))).toMatchObject({ ok: false, error: { detail: 'blobKeyEscrow.publicKeyFile: not a PEM public key' } });
  });
});
