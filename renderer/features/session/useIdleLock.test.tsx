import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../app/App';
import { arrangeReadyToSubmit, createSignedInStore } from '../../test-support/arrangeStore';
import { DEFAULT_FAKE_SETTINGS } from '../../test-support/fakeWorkstationApi';
import { FAKE_KEY_PASSWORD } from '../../test-support/fakeSigningKeys';
import { OPERATOR_PASSWORD, PSC_OPERATOR } from '../../test-support/fakeFixtures';

/** The applicant's IIN, names, address, document, registration and local numbers (see resetCitizenData.test.ts). */
const CITIZEN_TRACES = ['850415312343', 'Жұмабеков', 'Ерғали', 'Жеңіс даңғылы', 'Ұлытау Ойын', 'Жеке басын куәландыратын құжат.pdf', 'KZ-LIC-2025', 'WS01-'];
const MINUTE = 60_000;

function serialisedData(state: object): string {
  return JSON.stringify(state, (_key, value: unknown) => (typeof value === 'function' ? undefined : value));
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Timers and Date only: promises (the fake api's answers) keep resolving on their own. */
function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('idle auto-lock', () => {
  it('locks after 5 minutes without activity: main ends the session and the store holds no citizen data', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    await store.getState().loadApplications();
    const before = serialisedData(store.getState());
    for (const trace of CITIZEN_TRACES) expect(before).toContain(trace);

    useFakeClock();
    render(<App store={store} />);
    await advance(3 * MINUTE);
    // Activity restarts the count: 4 more minutes are not 5 idle ones.
    fireEvent.keyDown(window, { key: 'Tab' });
    await advance(4 * MINUTE);
    fireEvent.mouseMove(window);
    await advance(4 * MINUTE + 59_000);
    expect(store.getState().operator).not.toBeNull();
    expect(fake.callsTo('session', 'lock')).toHaveLength(0);

    await advance(2_000);

    expect(fake.callsTo('session', 'lock')).toHaveLength(1);
    expect(await fake.api.session.current()).toEqual({ ok: true, value: null });
    const after = serialisedData(store.getState());
    for (const trace of CITIZEN_TRACES) expect(after).not.toContain(trace);
    expect(store.getState()).toMatchObject({ operator: null, draft: null, sessionNotice: 'idle-locked', thumbnails: {} });
    expect(screen.getByTestId('login-idle-locked').textContent).toContain('бұғатталды');
    expect(screen.getByTestId('login-username')).toBeTruthy();
  });

  it('uses the supervisor\'s timeout from the settings, and does nothing while signed out', async () => {
    const { store, fake } = await createSignedInStore({ settings: { ...DEFAULT_FAKE_SETTINGS, idleLockMinutes: 1 } });
    useFakeClock();
    render(<App store={store} />);
    await advance(59_000);
    expect(store.getState().idleLockMinutes).toBe(1);
    expect(store.getState().operator).not.toBeNull();
    await advance(2_000);
    expect(store.getState().operator).toBeNull();
    await advance(30 * MINUTE);
    expect(fake.callsTo('session', 'lock')).toHaveLength(1);

    // Signing in again re-arms it; the draft kept by main is offered back as after a logout.
    await act(async () => {
      await store.getState().login({ login: PSC_OPERATOR.login, password: OPERATOR_PASSWORD });
    });
    expect(store.getState().sessionNotice).toBeNull();
    await advance(61_000);
    expect(fake.callsTo('session', 'lock')).toHaveLength(2);
  });
});
