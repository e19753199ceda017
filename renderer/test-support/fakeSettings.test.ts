import { describe, expect, it } from 'vitest';
import type { SupervisorSettings } from '../../core/contract';
import { createSignedInStore } from './arrangeStore';
import { SUPERVISOR } from './fakeFixtures';
import { DEFAULT_FAKE_SETTINGS, FAKE_CA_CERTIFICATE, FAKE_CA_PEM, FAKE_LEAF_PEM, FAKE_SERVER_CERTIFICATE } from './fakeSettings';

const SYSTEM_TRUST = { kind: 'system-trust' } as const;
const KEEP_CURRENT = { kind: 'keep-current' } as const;

/** The settings screen's tests lean on these rules of main's SettingsService, so they are pinned here. */
describe('fake settings area', () => {
  it("refuses a connection main would refuse, and records the CA bundle's certificates", async () => {
    const { fake } = await createSignedInStore({ operator: SUPERVISOR });
    const save = fake.api.settings.setBackendConnection;
    expect(await save({ url: 'http://10.1.2.3', caBundle: SYSTEM_TRUST, pins: [] })).toEqual({ ok: false, error: { kind: 'insecure-url' } });
    expect(await save({ url: 'http://localhost:8080', caBundle: SYSTEM_TRUST, pins: [FAKE_SERVER_CERTIFICATE.pin] })).toEqual({ ok: false, error: { kind: 'pins-need-https' } });
    expect(await save({ url: 'https://e.example.kz', caBundle: { kind: 'pem', pem: 'not a pem' }, pins: [] })).toEqual({
      ok: false,
      error: { kind: 'invalid-ca-bundle', detail: 'no certificate found in the file' },
    });
    expect(await save({ url: 'https://e.example.kz', caBundle: { kind: 'pem', pem: FAKE_CA_PEM + FAKE_LEAF_PEM }, pins: [] })).toEqual({
      ok: false,
      error: { kind: 'invalid-ca-bundle', detail: 'certificate 2 is not a CA certificate' },
    });
    const saved = await save({ url: 'https://e.example.kz', caBundle: { kind: 'pem', pem: FAKE_CA_PEM }, pins: [] });
    expect(saved.ok && saved.value.backendConnection).toMatchObject({ url: 'https://e.example.kz', caCertificates: [FAKE_CA_CERTIFICATE], restartRequired: true });
    const back = await save({ url: null, caBundle: SYSTEM_TRUST, pins: [] });
    expect(back.ok && back.value.backendConnection.restartRequired).toBe(false);
  });

  it('keeps the CA bundle in force for keep-current, as main does, and drops it for the system trust store', async () => {
    const configured: SupervisorSettings = {
      ...DEFAULT_FAKE_SETTINGS,
      backendConnection: {
        url: 'https://e.example.kz',
        caCertificates: [FAKE_CA_CERTIFICATE],
        pins: [],
        active: { url: 'https://e.example.kz', mode: 'configured', transport: 'https-custom-ca', pinCount: 0 },
        restartRequired: false,
      },
    };
    const { fake } = await createSignedInStore({ operator: SUPERVISOR, settings: configured });
    const save = fake.api.settings.setBackendConnection;
    // The kept bundle is a CA bundle, so it needs https like a new one.
    expect(await save({ url: 'http://localhost:8080', caBundle: KEEP_CURRENT, pins: [] })).toEqual({ ok: false, error: { kind: 'pins-need-https' } });
    expect(await fake.api.settings.checkBackendConnection({ url: 'http://localhost:8080', caBundle: KEEP_CURRENT, pins: [] })).toEqual({ ok: false, error: { kind: 'pins-need-https' } });

    const moved = await save({ url: 'https://other.example.kz', caBundle: KEEP_CURRENT, pins: [] });
    expect(moved.ok && moved.value.backendConnection).toMatchObject({ url: 'https://other.example.kz', caCertificates: [FAKE_CA_CERTIFICATE], restartRequired: true });
    const unchanged = await save({ url: 'https://e.example.kz', caBundle: KEEP_CURRENT, pins: [] });
    expect(unchanged.ok && unchanged.value.backendConnection).toMatchObject({ caCertificates: [FAKE_CA_CERTIFICATE], restartRequired: false });

    const system = await save({ url: 'https://e.example.kz', caBundle: SYSTEM_TRUST, pins: [] });
    expect(system.ok && system.value.backendConnection).toMatchObject({ caCertificates: [], restartRequired: true });
    // Nothing is kept any more: keep-current now means the system trust store, which http allows.
    expect(await save({ url: 'http://localhost:8080', caBundle: KEEP_CURRENT, pins: [] })).toMatchObject({ ok: true, value: { backendConnection: { caCertificates: [] } } });
  });

  it('answers locked for what the administrator fixed, and not-permitted to an operator', async () => {
    const { fake } = await createSignedInStore({ operator: SUPERVISOR });
    fake.settings.lock(['idleLockMinutes', 'backendConnection'], 'PSC_ADMIN_CONFIG');
    expect(await fake.api.settings.setIdleLockMinutes(10)).toEqual({ ok: false, error: { kind: 'locked', source: 'PSC_ADMIN_CONFIG' } });
    expect(await fake.api.settings.setBackendConnection({ url: null, caBundle: SYSTEM_TRUST, pins: [] })).toEqual({ ok: false, error: { kind: 'locked', source: 'PSC_ADMIN_CONFIG' } });
    expect(await fake.api.settings.checkBackendConnection({ url: null, caBundle: KEEP_CURRENT, pins: [] })).toEqual({ ok: true, value: { latencyMs: 3, certificate: null } });
    expect(await fake.api.settings.setRetentionDays(10)).toMatchObject({ ok: true, value: { retentionDays: 10 } });
    const settings = await fake.api.settings.get();
    expect(settings.ok && settings.value.locked).toEqual({ backendConnection: true, retentionDays: false, idleLockMinutes: true, source: 'PSC_ADMIN_CONFIG' });

    const operator = await createSignedInStore();
    expect(await operator.fake.api.settings.checkBackendConnection({ url: null, caBundle: SYSTEM_TRUST, pins: [] })).toEqual({ ok: false, error: { kind: 'not-permitted' } });
  });
});
