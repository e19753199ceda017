import { describe, expect, it } from 'vitest';
import { localDate } from '../../../core/calendar/localDate';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { BOOKMAKER_2012, CASINO_2012, CASINO_2014, SUPERVISOR } from '../../test-support/fakeFixtures';
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
    expect(store.getState().settingsOutcome).toEqual({ kind: 'saved' });
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
    expect(store.getState().settingsOutcome).toEqual({ kind: 'failed', error: { kind: 'not-permitted' } });
  });

  it('is forgotten on logout and on an expired session', async () => {
    const { store, fake } = await createSignedInStore({ operator: SUPERVISOR });
    await store.getState().loadSettings();
    store.getState().addCalendarOverride(override('2026-01-05'));
    await store.getState().logout();
    expect(store.getState().settingsLoad).toEqual({ kind: 'idle' });
    expect(store.getState().overridesDraft).toBeNull();

    const again = await createSignedInStore({ operator: SUPERVISOR });
    again.fake.expireSession();
    await again.store.getState().loadSettings();
    expect(again.store.getState().sessionNotice).toBe('session-expired');
    expect(fake.callsTo('settings', 'get')).toHaveLength(1);
  });
});
