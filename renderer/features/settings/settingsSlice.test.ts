import { describe, expect, it } from 'vitest';
import { localDate } from '../../../core/calendar/localDate';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { BOOKMAKER_2012, CASINO_2012, CASINO_2014, SUPERVISOR } from '../../test-support/fakeFixtures';
import { FAKE_CA_CERTIFICATE, FAKE_CA_PEM, FAKE_SERVER_CERTIFICATE } from '../../test-support/fakeSettings';
import { selectCalendarOverrides, selectHasUnsavedOverrides, versionChoicesOf } from './settingsSelectors';

const override = (date: string, note = 'Decree') => ({ date: localDate(date), kind: 'day-off' as const, note });

describe('settings', () => {
  it('loads the saved settings and every version of this workplace', async () => {
    const { store } = await createSignedInStore({ operator: SUPERVISOR });
    await store.getState().loadSettings();
    const load = store.getState().settingsLoad;
    expect(load.kind === 'loaded' && load.versions.map((service) => service.id)).toEqual([CASINO_2012.id, BOOKMAKER_2012.id, CASINO_2014.id]);
    expect(load.kind === 'loaded' && load.settings.currentServiceVersions).toEqual({ casino: CASINO_2014.id });
  });

  it('offers a version choice only for activities with more than one version', () => {
    const choices = versionChoicesOf([CASINO_2012, BOOKMAKER_2012, CASINO_2014], {});
    expect(choices).toEqual([{ activityId: 'casino', versions: [CASINO_2012, CASINO_2014], currentId: CASINO_2014.id }]);
    expect(versionChoicesOf([CASINO_2012, CASINO_2014], { casino: CASINO_2012.id })[0]?.currentId).toBe(CASINO_2012.id);
  });

  it('makes a version current and reloads the services operators are offered', async () => {
    const { store, fake } = await createSignedInStore({ operator: SUPERVISOR });
    await store.getState().loadSettings();
    await store.getState().chooseServiceVersion('casino', CASINO_2012.id);
    expect(fake.callsTo('settings', 'setCurrentServiceVersion')[0]?.args).toEqual(['casino', CASINO_2012.id]);
    expect(store.getState().settingsOutcome).toEqual({ kind: 'saved', setting: 'service-version' });
    expect(store.getState().services.map((service) => service.id)).toEqual([CASINO_2012.id, BOOKMAKER_2012.id]);
  });

  it('edits the overrides as a sorted draft and saves them in one call', async () => {
    const { store, fake } = await createSignedInStore({ operator: SUPERVISOR });
    await store.getState().loadSettings();
    expect(store.getState().addCalendarOverride(override('2026-03-09'))).toBe(true);
    expect(store.getState().addCalendarOverride(override('2026-01-05'))).toBe(true);
    expect(store.getState().addCalendarOverride(override('2026-01-05', 'again'))).toBe(false);
    store.getState().removeCalendarOverride('2026-03-09');
    store.getState().addCalendarOverride(override('2026-12-31'));
    expect(selectCalendarOverrides(store.getState()).map((o) => o.date)).toEqual(['2026-01-05', '2026-12-31']);
    expect(selectHasUnsavedOverrides(store.getState())).toBe(true);

    await store.getState().saveCalendarOverrides();
    expect(fake.callsTo('settings', 'setCalendarOverrides')[0]?.args).toEqual([[override('2026-01-05'), override('2026-12-31')]]);
    expect(selectHasUnsavedOverrides(store.getState())).toBe(false);
    expect(selectCalendarOverrides(store.getState())).toHaveLength(2);
    expect(await store.getState().saveCalendarOverrides()).toBeNull();
  });

  it('keeps the refusal of an operator who is not a supervisor', async () => {
    const { store } = await createSignedInStore();
    await store.getState().loadSettings();
    await store.getState().chooseServiceVersion('casino', CASINO_2012.id);
    expect(store.getState().settingsOutcome).toEqual({ kind: 'failed', setting: 'service-version', error: { kind: 'not-permitted' } });
  });

  it('saves the retention period and reports a setting the administrator fixed', async () => {
    const { store, fake } = await createSignedInStore({ operator: SUPERVISOR });
    await store.getState().loadSettings();
    await store.getState().saveRetentionDays(90);
    expect(fake.callsTo('settings', 'setRetentionDays').map((call) => call.args)).toEqual([[90]]);
    expect(store.getState().settingsOutcome).toEqual({ kind: 'saved', setting: 'retention' });
    const load = store.getState().settingsLoad;
    expect(load.kind === 'loaded' && load.settings.retentionDays).toBe(90);

    fake.settings.lock(['retentionDays'], '/etc/psc/admin.json');
    await store.getState().saveRetentionDays(60);
    expect(store.getState().settingsOutcome).toEqual({ kind: 'failed', setting: 'retention', error: { kind: 'locked', source: '/etc/psc/admin.json' } });
    expect(store.getState().settingsActivity).toEqual({ kind: 'idle' });
  });

  it('saves a backend connection that main applies at the next start', async () => {
    const { store, fake } = await createSignedInStore({ operator: SUPERVISOR });
    await store.getState().loadSettings();
    const input = { url: 'https://elicense.example.kz', caBundle: { kind: 'pem' as const, pem: FAKE_CA_PEM }, pins: [FAKE_SERVER_CERTIFICATE.pin] };
    const result = await store.getState().saveBackendConnection(input);
    expect(fake.callsTo('settings', 'setBackendConnection')[0]?.args).toEqual([input]);
    expect(result.ok).toBe(true);
    const load = store.getState().settingsLoad;
    expect(load.kind === 'loaded' && load.settings.backendConnection).toMatchObject({
      url: 'https://elicense.example.kz',
      caCertificates: [FAKE_CA_CERTIFICATE],
      pins: [FAKE_SERVER_CERTIFICATE.pin],
      restartRequired: true,
    });
    expect(store.getState().settingsOutcome).toEqual({ kind: 'saved', setting: 'backend-connection' });

    await store.getState().saveBackendConnection({ url: 'http://licensing.example.kz', caBundle: { kind: 'system-trust' }, pins: [] });
    expect(store.getState().settingsOutcome).toEqual({ kind: 'failed', setting: 'backend-connection', error: { kind: 'insecure-url' } });
  });

  it('keeps what a connection check found until the candidate changes', async () => {
    const { store, fake } = await createSignedInStore({ operator: SUPERVISOR });
    await store.getState().loadSettings();
    const pending = store.getState().checkBackendConnection({ url: 'https://elicense.example.kz', caBundle: { kind: 'system-trust' }, pins: [] });
    expect(store.getState().backendCheck).toEqual({ kind: 'checking' });
    await pending;
    expect(store.getState().backendCheck).toEqual({ kind: 'passed', check: { latencyMs: 42, certificate: FAKE_SERVER_CERTIFICATE } });
    expect(fake.callsTo('settings', 'setBackendConnection')).toHaveLength(0);

    fake.settings.answerChecksWith({ ok: false, error: { kind: 'tls', reason: 'hostname-mismatch' } });
    await store.getState().checkBackendConnection({ url: 'https://10.0.0.5', caBundle: { kind: 'system-trust' }, pins: [] });
    expect(store.getState().backendCheck).toEqual({ kind: 'failed', error: { kind: 'tls', reason: 'hostname-mismatch' } });
    store.getState().forgetBackendCheck();
    expect(store.getState().backendCheck).toEqual({ kind: 'idle' });
  });

  it('ends an expired session instead of showing a failed check', async () => {
    const { store, fake } = await createSignedInStore({ operator: SUPERVISOR });
    await store.getState().loadSettings();
    fake.expireSession();
    await store.getState().checkBackendConnection({ url: null, caBundle: { kind: 'system-trust' }, pins: [] });
    expect(store.getState().sessionNotice).toBe('session-expired');
    expect(store.getState().backendCheck).toEqual({ kind: 'idle' });
  });

  it('is forgotten on logout and on an expired session', async () => {
    const { store, fake } = await createSignedInStore({ operator: SUPERVISOR });
    await store.getState().loadSettings();
    store.getState().addCalendarOverride(override('2026-01-05'));
    await store.getState().checkBackendConnection({ url: null, caBundle: { kind: 'system-trust' }, pins: [] });
    await store.getState().logout();
    expect(store.getState().settingsLoad).toEqual({ kind: 'idle' });
    expect(store.getState().overridesDraft).toBeNull();
    expect(store.getState().backendCheck).toEqual({ kind: 'idle' });

    const again = await createSignedInStore({ operator: SUPERVISOR });
    again.fake.expireSession();
    await again.store.getState().loadSettings();
    expect(again.store.getState().sessionNotice).toBe('session-expired');
    expect(fake.callsTo('settings', 'get')).toHaveLength(1);
  });
});
