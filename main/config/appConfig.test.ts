import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CRL_MAX_AGE_HOURS, DEFAULT_NCALAYER_URL, DEFAULT_WEB_PORT, loadAppConfig } from './appConfig';

describe('loadAppConfig', () => {
  it('defaults to the embedded backend and the default port', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-cfg-'));
    expect(loadAppConfig({}, dir, path.join(dir, 'no-admin.json'))).toEqual({
      ok: true,
      value: {
        dataDir: dir, backendUrl: null, backendTimeoutMs: 10_000, webPort: DEFAULT_WEB_PORT, blobKeyBase64: null, saneConfigDir: null, watchedFolders: [],
        trustAnchorsDir: null, crlMaxAgeHours: DEFAULT_CRL_MAX_AGE_HOURS, ncaLayerUrl: DEFAULT_NCALAYER_URL, ncaLayerCaFile: null, ncaLayerTimestamp: false,
        backendUrlSource: null, backendCaPem: null, backendPins: [], admin: null, adminConfigFile: path.join(dir, 'no-admin.json'), esclScanners: [],
      },
    });
  });

  it('reads eSCL scanners, the print system and the log level; refuses a bad one by name', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-cfg-'));
    await writeFile(path.join(dir, 'config.json'), JSON.stringify({ scanner: { esclScanners: [{ id: 'mfp-2', name: 'MFP 2nd floor', url: 'http://192.0.2.10/eSCL' }] }, printing: { via: 'dialog' }, log: { level: 'warn' } }));
    expect(loadAppConfig({ PSC_DATA_DIR: dir }, '/unused', path.join(dir, 'no-admin.json'))).toMatchObject({
      ok: true,
      value: { esclScanners: [{ id: 'mfp-2', name: 'MFP 2nd floor', url: 'http://192.0.2.10/eSCL' }], printVia: 'dialog', logLevel: 'warn' },
    });
    expect(loadAppConfig({ PSC_DATA_DIR: dir, PSC_PRINT_VIA: 'cups', PSC_LOG_LEVEL: 'debug' }, '/unused', path.join(dir, 'no-admin.json'))).toMatchObject({ ok: true, value: { printVia: 'cups', logLevel: 'debug' } });
    expect(loadAppConfig({ PSC_DATA_DIR: dir, PSC_LOG_LEVEL: 'loud' }, '/unused', path.join(dir, 'no-admin.json'))).toMatchObject({ ok: false, error: { file: 'PSC_LOG_LEVEL' } });
    await writeFile(path.join(dir, 'config.json'), JSON.stringify({ scanner: { esclScanners: [{ id: 'x', name: 'X', url: 'ftp://192.0.2.10/' }] } }));
    expect(loadAppConfig({ PSC_DATA_DIR: dir }, '/unused', path.join(dir, 'no-admin.json'))).toMatchObject({ ok: false, error: { detail: expect.stringMatching(/scanner\.esclScanners\.0\.url/) } });
  });

  it('reads the signing settings: trust anchors folder, CRL maximum age, NCALayer address', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-cfg-'));
    await writeFile(path.join(dir, 'config.json'), JSON.stringify({ signing: { trustAnchorsDir: '/etc/psc/nuc-roots', crlMaxAgeHours: 72, ncaLayerUrl: 'wss://127.0.0.1:13580/' } }));
    expect(loadAppConfig({ PSC_DATA_DIR: dir }, '/unused')).toMatchObject({
      ok: true,
      value: { trustAnchorsDir: '/etc/psc/nuc-roots', crlMaxAgeHours: 72, ncaLayerUrl: 'wss://127.0.0.1:13580/' },
    });
    await writeFile(path.join(dir, 'config.json'), JSON.stringify({ signing: { crlMaxAgeHours: 0 } }));
    expect(loadAppConfig({ PSC_DATA_DIR: dir }, '/unused')).toMatchObject({ ok: false, error: { detail: expect.stringMatching(/signing\.crlMaxAgeHours/) } });
  });

  it('reads config.json from the data dir and lets the environment override it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-cfg-'));
    await writeFile(path.join(dir, 'config.json'), JSON.stringify({ backend: { url: 'https://licensing.example.kz/api', timeoutMs: 15000 }, web: { port: 9000 } }));
    const fromFile = loadAppConfig({ PSC_DATA_DIR: dir }, '/unused');
    expect(fromFile).toMatchObject({ ok: true, value: { backendUrl: 'https://licensing.example.kz/api', backendUrlSource: 'config-file', backendTimeoutMs: 15000, webPort: 9000 } });
    expect(loadAppConfig({ PSC_DATA_DIR: dir, PSC_BACKEND_URL: 'http://127.0.0.1:8787', PSC_WEB_PORT: '0' }, '/unused')).toMatchObject({
      ok: true,
      value: { backendUrl: 'http://127.0.0.1:8787', backendUrlSource: 'environment', webPort: 0 },
    });
  });

  it('reads the backend CA bundle relative to config.json, and its pins', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-cfg-'));
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const pin = `sha256/${'D'.repeat(43)}=`;
    await writeFile(path.join(dir, 'backend-ca.pem'), pem);
    await writeFile(path.join(dir, 'config.json'), JSON.stringify({ backend: { url: 'https://licensing.example.kz', caFile: 'backend-ca.pem', pins: [pin] } }));
    expect(loadAppConfig({ PSC_DATA_DIR: dir }, '/unused')).toMatchObject({ ok: true, value: { backendCaPem: pem, backendPins: [pin] } });
    await writeFile(path.join(dir, 'config.json'), JSON.stringify({ backend: { caFile: 'nowhere.pem' } }));
    expect(loadAppConfig({ PSC_DATA_DIR: dir }, '/unused')).toMatchObject({ ok: false, error: { detail: expect.stringMatching(/backend\.caFile/) } });
  });

  it('names the file and field of a bad setting instead of starting half-configured', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-cfg-'));
    await writeFile(path.join(dir, 'config.json'), JSON.stringify({ backend: { url: 'ftp://x' }, typo: 1 }));
    const result = loadAppConfig({ PSC_DATA_DIR: dir }, '/unused');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.file).toBe(path.join(dir, 'config.json'));
      expect(result.error.detail).toMatch(/backend\.url/);
    }
    await writeFile(path.join(dir, 'config.json'), '{ not json');
    expect(loadAppConfig({ PSC_DATA_DIR: dir }, '/unused')).toMatchObject({ ok: false, error: { kind: 'invalid-config' } });
    const clean = await mkdtemp(path.join(tmpdir(), 'psc-cfg-'));
    expect(loadAppConfig({ PSC_DATA_DIR: clean, PSC_BACKEND_URL: 'nonsense' }, '/unused')).toMatchObject({ ok: false, error: { file: 'PSC_BACKEND_URL' } });
  });

  it('reads the provider day length and the status poll base from the file, the environment winning; leaves them unset by default', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-cfg-'));
    const defaults = loadAppConfig({ PSC_DATA_DIR: dir }, '/unused');
    expect(defaults.ok && 'providerDayMs' in defaults.value).toBe(false);
    expect(defaults.ok && 'statusPollBaseMs' in defaults.value).toBe(false);
    await writeFile(path.join(dir, 'config.json'), JSON.stringify({ backend: { providerDayMs: 2_000 }, status: { pollBaseMs: 5_000 } }));
    expect(loadAppConfig({ PSC_DATA_DIR: dir }, '/unused')).toMatchObject({ ok: true, value: { providerDayMs: 2_000, statusPollBaseMs: 5_000 } });
    expect(loadAppConfig({ PSC_DATA_DIR: dir, PSC_PROVIDER_DAY_MS: '250', PSC_STATUS_POLL_BASE_MS: '1000' }, '/unused')).toMatchObject({
      ok: true,
      value: { providerDayMs: 250, statusPollBaseMs: 1_000 },
    });
    expect(loadAppConfig({ PSC_DATA_DIR: dir, PSC_PROVIDER_DAY_MS: 'fast' }, '/unused')).toMatchObject({ ok: false, error: { file: 'PSC_PROVIDER_DAY_MS' } });
    expect(loadAppConfig({ PSC_DATA_DIR: dir, PSC_STATUS_POLL_BASE_MS: '5' }, '/unused')).toMatchObject({ ok: false, error: { file: 'PSC_STATUS_POLL_BASE_MS' } });
  });
});
