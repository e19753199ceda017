import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../app/App';
import { createSignedInStore } from '../../test-support/arrangeStore';
import type { FakeWorkstationOptions } from '../../test-support/fakeWorkstationApi';
import { QUEUE_POLL_MS } from './useQueuePolling';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  Reflect.deleteProperty(document, 'hidden');
});

const pad2 = (value: number) => String(value).padStart(2, '0');
/** The local wall-clock time of an instant, as the operator's screen shows it. */
function localTime(iso: string, withSeconds = false): string {
  const date = new Date(iso);
  const time = `${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
  return withSeconds ? `${time}:${pad2(date.getSeconds())}` : time;
}
function localDateTime(iso: string): string {
  const date = new Date(iso);
  return `${pad2(date.getDate())}.${pad2(date.getMonth() + 1)}.${date.getFullYear()} ${localTime(iso)}`;
}

/** The fake's last sync at start (fakeQueue.ts): 09:05 Kazakhstan time on the fake's today. */
const FAKE_LAST_SYNC = '2025-03-04T09:05:00+05:00';

async function renderSignedIn(options: FakeWorkstationOptions = {}) {
  const arranged = await createSignedInStore({ language: 'en', ...options });
  render(<App store={arranged.store} />);
  return arranged;
}

const text = (testId: string) => screen.getByTestId(testId).textContent;
const statusCalls = (fake: Awaited<ReturnType<typeof createSignedInStore>>['fake']) => fake.callsTo('queue', 'status').length;

describe('ConnectivityIndicator', () => {
  it('is a polite status region in the header that says the workstation is online', async () => {
    const { store, fake } = await createSignedInStore({ language: 'en' });
    fake.queue.addApplication({ state: 'accepted' });
    render(<App store={store} />);
    const indicator = screen.getByTestId('connectivity-indicator');
    expect(indicator.getAttribute('role')).toBe('status');
    expect(indicator.getAttribute('aria-live')).toBe('polite');
    expect(indicator.closest('header')).not.toBeNull();
    // Before main's first answer: not yet known, and nothing pretends to be counted.
    expect(text('connectivity-state')).toBe('Checking the connection');
    expect(text('queue-waiting-count')).toBe('Waiting to be sent: —');

    await act(() => Promise.resolve());
    await screen.findByText('Online');
    expect(indicator.dataset.state).toBe('online');
    expect(text('queue-waiting-count')).toBe('Waiting to be sent: 1');
    expect(text('queue-last-sync')).toBe(`Last sync: ${localDateTime(FAKE_LAST_SYNC)}`);
    expect(screen.queryByTestId('connectivity-next-check')).toBeNull();
  });

  it('says offline with the time of the next health check, in Kazakh by default', async () => {
    const nextCheckAt = new Date(2025, 2, 3, 10, 15, 30).toISOString();
    const { store, fake } = await renderSignedIn({ language: 'kk' });
    fake.queue.goOffline({ since: new Date(2025, 2, 3, 10, 15).toISOString(), nextCheckAt });
    fake.queue.addApplication({ state: 'accepted' });
    fake.queue.addApplication({ state: 'accepted' });
    await act(() => store.getState().refreshQueueStatus());
    expect(screen.getByTestId('connectivity-indicator').dataset.state).toBe('offline');
    expect(text('connectivity-state')).toBe('Желіден тыс · келесі тексеру: 10:15:30');
    expect(text('connectivity-next-check')).toBe(' · келесі тексеру: 10:15:30');
    expect(text('queue-waiting-count')).toBe('Жіберуді күтуде: 2');
  });

  it('says in Kazakh that the server certificate was refused and the administrator must be called', async () => {
    const { store, fake } = await renderSignedIn({ language: 'kk' });
    fake.queue.goOffline({ nextCheckAt: new Date(2025, 2, 3, 10, 15, 30).toISOString(), tlsProblem: 'untrusted-certificate' });
    await act(() => store.getState().refreshQueueStatus());
    expect(screen.getByTestId('connectivity-indicator').dataset.state).toBe('offline');
    expect(text('connectivity-state')).toBe('Желіден тыс · келесі тексеру: 10:15:30');
    expect(text('connectivity-tls-problem')).toBe('Сервердің сертификаты сенімді емес — әкімшіге хабарласыңыз');
    // Inside the polite status region, so a screen reader announces it with the state.
    expect(screen.getByTestId('connectivity-indicator').contains(screen.getByTestId('connectivity-tls-problem'))).toBe(true);
  });

  it('names each TLS refusal in Russian and English, and drops it once the server is reachable again', async () => {
    const { store, fake } = await renderSignedIn({ language: 'ru' });
    fake.queue.goOffline({ tlsProblem: 'expired-certificate' });
    await act(() => store.getState().refreshQueueStatus());
    expect(text('connectivity-tls-problem')).toBe('Сертификат сервера просрочен или ещё не действует — обратитесь к администратору');
    await act(() => store.getState().changeLanguage('en'));
    const expected = {
      'untrusted-certificate': "The server's certificate is not trusted — call the administrator",
      'expired-certificate': "The server's certificate has expired or is not valid yet — call the administrator",
      'hostname-mismatch': "The server's certificate was issued for another address — call the administrator",
      'pin-mismatch': "The server's certificate does not match the pinned key — call the administrator",
      'handshake-failed': 'A secure connection (TLS) could not be set up — call the administrator',
    } as const;
    for (const [reason, words] of Object.entries(expected) as [keyof typeof expected, string][]) {
      fake.queue.goOffline({ tlsProblem: reason });
      await act(() => store.getState().refreshQueueStatus());
      expect(text('connectivity-tls-problem'), reason).toBe(words);
    }
    fake.queue.goOffline();
    await act(() => store.getState().refreshQueueStatus());
    expect(screen.queryByTestId('connectivity-tls-problem')).toBeNull();
    fake.queue.goOnline();
    await act(() => store.getState().refreshQueueStatus());
    expect(text('connectivity-state')).toBe('Online');
    expect(screen.queryByTestId('connectivity-tls-problem')).toBeNull();
  });

  it('says it is still checking after a restart, and that it never synced, in Russian', async () => {
    const { store } = await renderSignedIn({ language: 'ru', queue: { connectivity: 'unknown' } });
    await act(() => store.getState().refreshQueueStatus());
    expect(screen.getByTestId('connectivity-indicator').dataset.state).toBe('unknown');
    expect(text('connectivity-state')).toBe('Связь проверяется');
    expect(text('queue-waiting-count')).toBe('Ожидают отправки: 0');
    expect(text('queue-last-sync')).toBe('Синхронизации ещё не было');
  });

  it('shows the last sync as HH:MM when it was today, and flags paused sending and refused applications', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.parse(FAKE_LAST_SYNC) + 60_000));
    const { store, fake } = await renderSignedIn();
    fake.queue.addApplication({ state: 'needs-attention', problemCode: 'certificate-revoked' });
    await fake.api.queue.pause();
    await act(() => store.getState().refreshQueueStatus());
    expect(text('queue-last-sync')).toBe(`Last sync: ${localTime(FAKE_LAST_SYNC)}`);
    expect(text('queue-attention-count')).toBe('Need attention: 1');
    expect(text('queue-paused-marker')).toBe('Sending paused');
  });

  it('follows main: online again after an outage, the waiting count down once the backlog is sent', async () => {
    const { store, fake } = await renderSignedIn({ queue: { connectivity: 'offline' } });
    fake.queue.addApplication({ state: 'accepted' });
    await act(() => store.getState().refreshQueueStatus());
    expect(text('connectivity-state')).toMatch(/^Offline · next check at \d{2}:\d{2}:\d{2}$/);
    expect(text('queue-waiting-count')).toBe('Waiting to be sent: 1');
    fake.queue.goOnline();
    fake.queue.drain();
    await act(() => store.getState().refreshQueueStatus());
    expect(text('connectivity-state')).toBe('Online');
    expect(text('queue-waiting-count')).toBe('Waiting to be sent: 0');
  });
});

describe('queue polling', () => {
  it(`asks main every ${QUEUE_POLL_MS} ms while signed in, and stops at logout`, async () => {
    vi.useFakeTimers();
    const { fake, store } = await renderSignedIn();
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(statusCalls(fake)).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(QUEUE_POLL_MS - 1));
    expect(statusCalls(fake)).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(statusCalls(fake)).toBe(2);
    await act(() => vi.advanceTimersByTimeAsync(2 * QUEUE_POLL_MS));
    expect(statusCalls(fake)).toBe(4);

    fireEvent.click(screen.getByTestId('logout'));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(store.getState().operator).toBeNull();
    expect(screen.queryByTestId('connectivity-indicator')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(10 * QUEUE_POLL_MS));
    expect(statusCalls(fake)).toBe(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never overlaps two calls when main is slow', async () => {
    vi.useFakeTimers();
    const { fake, store } = await createSignedInStore();
    let answer: () => void = () => undefined;
    const original = fake.impl.queue.status;
    fake.impl.queue.status = () => new Promise((resolve) => (answer = () => resolve(original())));
    render(<App store={store} />);
    await act(() => vi.advanceTimersByTimeAsync(5 * QUEUE_POLL_MS));
    expect(statusCalls(fake)).toBe(1);
    await act(async () => answer());
    await act(() => vi.advanceTimersByTimeAsync(QUEUE_POLL_MS));
    expect(statusCalls(fake)).toBe(2);
  });

  it('pauses while the window is hidden and asks at once when it shows again', async () => {
    vi.useFakeTimers();
    let isHidden = false;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => isHidden });
    const { fake } = await renderSignedIn();
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(statusCalls(fake)).toBe(1);
    isHidden = true;
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await act(() => vi.advanceTimersByTimeAsync(10 * QUEUE_POLL_MS));
    expect(statusCalls(fake)).toBe(1);
    isHidden = false;
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(statusCalls(fake)).toBe(2);
    await act(() => vi.advanceTimersByTimeAsync(QUEUE_POLL_MS));
    expect(statusCalls(fake)).toBe(3);
  });
});
