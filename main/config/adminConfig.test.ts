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
