import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Operator } from '../../core/backendApi/wire';
import type { BackendConnectionInput } from '../../core/contract/settings';
import { AuditLog, listAuditRecords } from '../audit/AuditLog';
import type { AdminConfig } from '../config/adminConfig';
import { MIGRATIONS } from '../db/migrations';
import { SqlJsDatabase } from '../db/SqlJsDatabase';
import type { CatalogService } from './CatalogService';
import { OperatorSession } from './OperatorSession';
import { SettingsService, type BackendConnectionTools } from './SettingsService';
import { SettingsStore, readSavedBackendConnection } from './SettingsStore';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
const NOW = new Date('2026-11-23T06:00:00.000Z');
const clock = { now: () => NOW };

const SUPERVISOR: Operator = {
  operatorId: 'sup-1', login: 'sup-1', fullName: 'Supervisor', iin: '880101300017', role: 'supervisor', workplace: { kind: 'psc', name: 'ХҚО' },
};
const PIN = `sha256/${'A'.repeat(43)}=`;

async function setup(options: { admin?: AdminConfig; role?: Operator['role'] } = {}) {
  const db = await SqlJsDatabase.open({ file: null, wasmPath, migrations: MIGRATIONS });
  const session = new OperatorSession(clock);
  session.begin({ ...SUPERVISOR, role: options.role ?? 'supervisor' }, 'token', new Date(NOW.getTime() + 3_600_000));
  const store = new SettingsStore(db, () => undefined, { admin: options.admin ?? null });
  const probes: { url: string; caPem: string | null; pins: readonly string[] }[] = [];
  const tools: BackendConnectionTools = {
    parseCaBundle: (pem) => (pem.includes('BEGIN CERTIFICATE') ? { ok: true, value: [{ subject: 'Test CA', notAfter: '2030-01-01T00:00:00.000Z', sha256: 'ab'.repeat(32) }] } : { ok: false, error: { detail: 'no certificate' } }),
    probe: async (url, tls) => {
      probes.push({ url, ...tls });
      return { ok: true, value: { latencyMs: 12, certificate: null } };
    },
    embeddedUrl: () => 'http://127.0.0.1:4000',
  };
  const service = new SettingsService(store, session, {} as CatalogService, tools, new AuditLog(db, clock));
  return { db, store, service, probes };
}

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const https = (over: Partial<BackendConnectionInput> = {}): BackendConnectionInput => ({ url: 'https://licensing.example.kz', caBundle: { kind: 'system-trust' }, pins: [], ...over });
const pem = (text: string) => ({ kind: 'pem' as const, pem: text });

describe('SettingsService: retention and backend connection', () => {
  it('saves the retention period and the backend connection, records who changed them, and reads them back', async () => {
    const s = await setup();
    expect((await s.service.get()).ok && (await s.service.get())).toMatchObject({ value: { retentionDays: 30, locked: { backendConnection: false, retentionDays: false, idleLockMinutes: false, source: null } } });
    expect(await s.service.setRetentionDays(90)).toMatchObject({ ok: true, value: { retentionDays: 90 } });
    expect(s.store.retentionDays()).toBe(90);
    const saved = await s.service.setBackendConnection(https({ caBundle: pem(CA), pins: [PIN] }));
    expect(saved.ok).toBe(true);
    expect(readSavedBackendConnection(s.db)).toEqual({ url: 'https://licensing.example.kz', caBundlePem: CA, pins: [PIN] });
    // Changing only the URL keeps the CA bundle in force (the renderer never holds its PEM).
    expect((await s.service.setBackendConnection(https({ url: 'https://other.example.kz', caBundle: { kind: 'keep-current' } }))).ok).toBe(true);
    expect(readSavedBackendConnection(s.db)).toEqual({ url: 'https://other.example.kz', caBundlePem: CA, pins: [] });
    const records = s.db.read((r) => listAuditRecords(r)).filter((r) => r.action === 'settings-change');
    expect(records.map((r) => [r.operatorId, JSON.parse(r.detail).setting])).toEqual([
      ['sup-1', 'retentionDays'],
      ['sup-1', 'backendConnection'],
      ['sup-1', 'backendConnection'],
    ]);
  });

  it('refuses plain http to anything but this machine, pins or a CA without https, and an unreadable CA bundle', async () => {
    const s = await setup();
    expect(await s.service.setBackendConnection(https({ url: 'http://licensing.example.kz' }))).toEqual({ ok: false, error: { kind: 'insecure-url' } });
    expect(await s.service.setBackendConnection(https({ url: 'http://10.0.0.5:8080' }))).toEqual({ ok: false, error: { kind: 'insecure-url' } });
    expect((await s.service.setBackendConnection(https({ url: 'http://127.0.0.1:8787' }))).ok).toBe(true);
    expect((await s.service.setBackendConnection(https({ url: 'http://localhost:8787' }))).ok).toBe(true);
    expect(await s.service.setBackendConnection(https({ url: 'http://127.0.0.1:8787', pins: [PIN] }))).toEqual({ ok: false, error: { kind: 'pins-need-https' } });
    expect(await s.service.setBackendConnection(https({ url: null, caBundle: pem(CA) }))).toEqual({ ok: false, error: { kind: 'pins-need-https' } });
    expect(await s.service.setBackendConnection(https({ caBundle: pem('garbage') }))).toEqual({ ok: false, error: { kind: 'invalid-ca-bundle', detail: 'no certificate' } });
    expect((await s.service.setBackendConnection(https({ url: null }))).ok).toBe(true);
    expect(readSavedBackendConnection(s.db)).toEqual({ url: null, caBundlePem: null, pins: [] });
  });

  it('answers locked for whatever the admin file fixed, and reports the admin values', async () => {
    const admin: AdminConfig = { file: '/etc/psc-workstation/admin.json', backend: { url: 'https://e-licensing.gov.kz', caPem: null, pins: [] }, retentionDays: 14, idleLockMinutes: 3 };
    const s = await setup({ admin });
    const settings = await s.service.get();
    expect(settings).toMatchObject({ ok: true, value: { retentionDays: 14, idleLockMinutes: 3, locked: { backendConnection: true, retentionDays: true, idleLockMinutes: true, source: admin.file } } });
    const locked = { ok: false, error: { kind: 'locked', source: admin.file } };
    expect(await s.service.setRetentionDays(60)).toEqual(locked);
    expect(await s.service.setIdleLockMinutes(10)).toEqual(locked);
    expect(await s.service.setBackendConnection(https())).toEqual(locked);
    expect(readSavedBackendConnection(s.db)).toBeNull();
    expect(s.store.retentionDays()).toBe(14);
  });

  it('checks a candidate connection without saving it; no URL means the running embedded backend', async () => {
    const s = await setup();
    expect(await s.service.checkBackendConnection(https({ pins: [PIN] }))).toEqual({ ok: true, value: { latencyMs: 12, certificate: null } });
    expect(await s.service.checkBackendConnection(https({ url: null }))).toMatchObject({ ok: true });
    expect(await s.service.checkBackendConnection(https({ url: 'http://example.kz' }))).toEqual({ ok: false, error: { kind: 'insecure-url' } });
    expect(s.probes).toEqual([
      { url: 'https://licensing.example.kz', caPem: null, pins: [PIN] },
      { url: 'http://127.0.0.1:4000', caPem: null, pins: [] },
    ]);
    expect(readSavedBackendConnection(s.db)).toBeNull();
  });

  it('lets only a supervisor change or check these settings', async () => {
    const s = await setup({ role: 'operator' });
    const refused = { ok: false, error: { kind: 'not-permitted' } };
    expect(await s.service.setRetentionDays(5)).toEqual(refused);
    expect(await s.service.setBackendConnection(https())).toEqual(refused);
    expect(await s.service.checkBackendConnection(https())).toEqual(refused);
    expect(s.probes).toEqual([]);
  });
});
