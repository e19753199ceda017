import { describe, expect, it } from 'vitest';
import type { AppConfig } from './appConfig';
import { describeActiveConnection, effectiveBackendConnection, isLoopbackUrl, sameConnection } from './backendConnection';

const BASE: AppConfig = {
  dataDir: '/data', backendUrl: null, backendTimeoutMs: 10_000, webPort: 0, blobKeyBase64: null, saneConfigDir: null, watchedFolders: [],
  trustAnchorsDir: null, crlMaxAgeHours: 24, ncaLayerUrl: 'wss://127.0.0.1:13579/', ncaLayerCaFile: null, ncaLayerTimestamp: false,
};
const PIN = `sha256/${'B'.repeat(43)}=`;
const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const saved = { url: 'https://saved.example.kz', caBundlePem: CA, pins: [PIN] };

describe('effectiveBackendConnection', () => {
  it('takes, highest first: the admin file, PSC_BACKEND_URL, the supervisor setting, config.json, the embedded backend', () => {
    expect(effectiveBackendConnection(BASE, null)).toEqual({ url: null, caPem: null, pins: [], lockedBy: null });
    const fromFile: AppConfig = { ...BASE, backendUrl: 'https://file.example.kz', backendUrlSource: 'config-file', backendCaPem: CA, backendPins: [] };
    expect(effectiveBackendConnection(fromFile, null)).toEqual({ url: 'https://file.example.kz', caPem: CA, pins: [], lockedBy: null });
    expect(effectiveBackendConnection(fromFile, saved)).toEqual({ url: 'https://saved.example.kz', caPem: CA, pins: [PIN], lockedBy: null });
    const fromEnv: AppConfig = { ...fromFile, backendUrl: 'http://127.0.0.1:8787', backendUrlSource: 'environment' };
    expect(effectiveBackendConnection(fromEnv, saved)).toEqual({ url: 'http://127.0.0.1:8787', caPem: CA, pins: [], lockedBy: 'PSC_BACKEND_URL' });
    const admin: AppConfig = { ...fromEnv, admin: { file: '/etc/psc-workstation/admin.json', backend: { url: 'https://gov.example.kz', caPem: null, pins: [PIN] } } };
    expect(effectiveBackendConnection(admin, saved)).toEqual({ url: 'https://gov.example.kz', caPem: null, pins: [PIN], lockedBy: '/etc/psc-workstation/admin.json' });
  });

  it('an admin file without a backend section locks nothing about the backend', () => {
    const config: AppConfig = { ...BASE, admin: { file: '/etc/a.json', retentionDays: 10 } };
    expect(effectiveBackendConnection(config, saved)).toMatchObject({ url: 'https://saved.example.kz', lockedBy: null });
  });
});

describe('sameConnection / describeActiveConnection / isLoopbackUrl', () => {
  it('treats line endings and surrounding blanks of the CA bundle as the same bundle, and pin order as significant', () => {
    expect(sameConnection({ url: 'https://a', caPem: `${CA}\n`, pins: [PIN] }, { url: 'https://a', caPem: CA.replace(/\n/g, '\r\n'), pins: [PIN] })).toBe(true);
    expect(sameConnection({ url: 'https://a', caPem: null, pins: [] }, { url: 'https://b', caPem: null, pins: [] })).toBe(false);
    expect(sameConnection({ url: 'https://a', caPem: null, pins: [PIN] }, { url: 'https://a', caPem: null, pins: [] })).toBe(false);
  });

  it('names the transport from the URL and the trust settings', () => {
    expect(describeActiveConnection('http://127.0.0.1:1', 'embedded', { url: null, caPem: null, pins: [PIN] })).toEqual({ url: 'http://127.0.0.1:1', mode: 'embedded', transport: 'http', pinCount: 0 });
    expect(describeActiveConnection('https://a', 'configured', { url: 'https://a', caPem: CA, pins: [PIN] })).toMatchObject({ transport: 'https-custom-ca', pinCount: 1 });
    expect(describeActiveConnection('https://a', 'configured', { url: 'https://a', caPem: null, pins: [] })).toMatchObject({ transport: 'https-system-trust', pinCount: 0 });
  });

  it('accepts only this machine as loopback', () => {
    for (const url of ['http://127.0.0.1:8787', 'http://127.1.2.3', 'http://localhost:1', 'http://[::1]:80']) expect(isLoopbackUrl(url)).toBe(true);
    for (const url of ['http://10.0.0.1', 'http://localhost.example.kz', 'http://127.0.0.1.nip.io', 'not a url']) expect(isLoopbackUrl(url)).toBe(false);
  });
});
