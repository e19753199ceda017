import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogSchema } from '../../core/catalog/catalogSchema';
import { sampleCatalog } from '../testing/sampleCatalog';
import { loadCatalogServices, readBackendEnvironment, readTlsIdentity, StartupError } from './startupConfig';

describe('readBackendEnvironment', () => {
  it('defaults to 127.0.0.1:8787, in-memory state, no logging', () => {
    expect(readBackendEnvironment({})).toEqual({ host: '127.0.0.1', port: 8787, stateDir: null, logToStderr: false, faults: null, providerDayMs: null, tls: null, trustDir: null });
    expect(readBackendEnvironment({ PSC_BACKEND_STATE_DIR: '' }).stateDir).toBeNull();
  });

  it('reads host, port, state dir and logging from the environment', () => {
    expect(
      readBackendEnvironment({ PSC_BACKEND_HOST: '0.0.0.0', PSC_BACKEND_PORT: '9000', PSC_BACKEND_STATE_DIR: '/var/psc', PSC_BACKEND_LOG: '1' }),
    ).toEqual({ host: '0.0.0.0', port: 9000, stateDir: '/var/psc', logToStderr: true, faults: null, providerDayMs: null, tls: null, trustDir: null });
  });

  it('reads the simulated provider day from PSC_PROVIDER_DAY_MS; empty means the default', () => {
    expect(readBackendEnvironment({ PSC_PROVIDER_DAY_MS: '28800000' }).providerDayMs).toBe(28_800_000);
    expect(readBackendEnvironment({ PSC_PROVIDER_DAY_MS: '' }).providerDayMs).toBeNull();
    for (const bad of ['0', '-5', '1.5', 'minute']) {
      expect(() => readBackendEnvironment({ PSC_PROVIDER_DAY_MS: bad }), bad).toThrow(new StartupError('Invalid backend environment: PSC_PROVIDER_DAY_MS'));
    }
  });

  it('reads a fault plan from PSC_BACKEND_FAULTS (JSON), defaults filled in; empty means none', () => {
    const { faults } = readBackendEnvironment({ PSC_BACKEND_FAULTS: '{"seed":7,"errorRate":0.3,"rateLimitRate":0.1,"retryAfterSeconds":2}' });
    expect(faults).toMatchObject({ seed: 7, errorRate: 0.3, errorStatuses: [500, 502, 503, 504], rateLimitRate: 0.1, retryAfterSeconds: 2, resetRate: 0 });
    expect(readBackendEnvironment({ PSC_BACKEND_FAULTS: '' }).faults).toBeNull();
  });

  it('names a bad fault plan and what is wrong with it in one line', () => {
    const message = (value: string) => {
      try {
        readBackendEnvironment({ PSC_BACKEND_FAULTS: value });
      } catch (error) {
        expect(error).toBeInstanceOf(StartupError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(message('{errorRate:0.3}')).toBe('Invalid backend environment: PSC_BACKEND_FAULTS is an invalid fault plan (not JSON)');
    expect(message('{"errorRate":1.5}')).toMatch(/^Invalid backend environment: PSC_BACKEND_FAULTS is an invalid fault plan \(errorRate: .+\)$/);
    expect(message('{"errorRate":0.6,"resetRate":0.6}')).toMatch(/must not exceed 1\)$/);
    expect(message('{"eror":0.3}')).toMatch(/eror/);
    for (const value of ['{errorRate:0.3}', '{"errorRate":1.5}', '[]']) expect(message(value)).not.toContain('\n');
  });

  it('serves https when PSC_BACKEND_TLS_CERT and PSC_BACKEND_TLS_KEY are both set, and refuses just one', () => {
    expect(readBackendEnvironment({ PSC_BACKEND_TLS_CERT: '/etc/psc/cert.pem', PSC_BACKEND_TLS_KEY: '/etc/psc/key.pem' }).tls).toEqual({
      certPath: '/etc/psc/cert.pem',
      keyPath: '/etc/psc/key.pem',
    });
    expect(readBackendEnvironment({ PSC_BACKEND_TLS_CERT: '', PSC_BACKEND_TLS_KEY: '' }).tls).toBeNull();
    for (const env of [{ PSC_BACKEND_TLS_CERT: '/etc/psc/cert.pem' }, { PSC_BACKEND_TLS_KEY: '/etc/psc/key.pem' }]) {
      expect(() => readBackendEnvironment(env)).toThrow(new StartupError('Invalid backend environment: PSC_BACKEND_TLS_CERT and PSC_BACKEND_TLS_KEY must be set together'));
    }
  });

  it('names the bad variable in one line', () => {
    expect(() => readBackendEnvironment({ PSC_BACKEND_PORT: 'eighty' })).toThrow(new StartupError('Invalid backend environment: PSC_BACKEND_PORT'));
    expect(() => readBackendEnvironment({ PSC_BACKEND_PORT: '70000' })).toThrow(StartupError);
  });
});

describe('readTlsIdentity', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'psc-backend-tls-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads both PEM files, and names the variable and path of one that is missing', async () => {
    await writeFile(path.join(dir, 'cert.pem'), 'CERT');
    await writeFile(path.join(dir, 'key.pem'), 'KEY');
    expect(await readTlsIdentity({ certPath: path.join(dir, 'cert.pem'), keyPath: path.join(dir, 'key.pem') })).toEqual({ certPem: 'CERT', keyPem: 'KEY' });
    await expect(readTlsIdentity({ certPath: path.join(dir, 'cert.pem'), keyPath: path.join(dir, 'nope.pem') })).rejects.toThrow(
      new StartupError(`PSC_BACKEND_TLS_KEY file ${path.join(dir, 'nope.pem')} is unreadable (ENOENT)`),
    );
  });
});

describe('loadCatalogServices', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'psc-backend-catalog-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('returns the ids of a valid catalog, those that require the operator\'s EDS, and the titles results print', async () => {
    const sample = sampleCatalog(['001-alpha', '002-beta', '003-gamma']);
    // As for services a provider's employee accepts: no operator EDS.
    const catalog = { ...sample, services: sample.services.map((s) => (s.id === '002-beta' ? { ...s, operatorEdsRequired: false } : s)) };
    expect(catalogSchema.safeParse(catalog).success).toBe(true);
    await writeFile(path.join(dir, 'services.json'), JSON.stringify(catalog));
    expect(await loadCatalogServices(path.join(dir, 'services.json'))).toEqual({
      serviceIds: new Set(['001-alpha', '002-beta', '003-gamma']),
      signatureRequiredServiceIds: new Set(['001-alpha', '003-gamma']),
      serviceTitles: new Map(['001-alpha', '002-beta', '003-gamma'].map((id) => [id, { title: { kk: 'Сынақ', ru: 'Тест' }, provider: { kk: 'Сынақ', ru: 'Тест' } }])),
    });
  });

  it('fails with one clear line when the file is missing, not JSON, or not a catalog', async () => {
    const file = path.join(dir, 'services.json');
    await expect(loadCatalogServices(file)).rejects.toThrow(new StartupError(`Service catalog not found at ${file} (ENOENT)`));
    await writeFile(file, '{');
    await expect(loadCatalogServices(file)).rejects.toThrow(/is not valid JSON$/);
    await writeFile(file, JSON.stringify({ version: 1, services: [] }));
    await expect(loadCatalogServices(file)).rejects.toThrow(/does not match catalogSchema/);
  });
});
