import { describe, expect, it, vi } from 'vitest';
import { takeHostToken } from './hostToken';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
}

describe('takeHostToken', () => {
  it('takes the token from the fragment, keeps it for a reload and removes it from the address bar', () => {
    const storage = memoryStorage();
    const history = { state: null, replaceState: vi.fn() };
    const token = takeHostToken({ location: { hash: '#token=abc123', pathname: '/index.html', search: '?x=1' }, history, storage });
    expect(token).toBe('abc123');
    expect([...storage.values.values()]).toEqual(['abc123']);
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/index.html?x=1');
  });

  it('falls back to the token kept by an earlier load of this tab after a reload', () => {
    const storage = memoryStorage();
    const history = { state: null, replaceState: vi.fn() };
    takeHostToken({ location: { hash: '#token=first', pathname: '/', search: '' }, history, storage });
    const afterReload = takeHostToken({ location: { hash: '', pathname: '/', search: '' }, history, storage });
    expect(afterReload).toBe('first');
    expect(history.replaceState).toHaveBeenCalledTimes(1);
  });

  it('returns null when the host never gave one', () => {
    const history = { state: null, replaceState: vi.fn() };
    expect(takeHostToken({ location: { hash: '', pathname: '/', search: '' }, history, storage: memoryStorage() })).toBeNull();
    expect(history.replaceState).not.toHaveBeenCalled();
  });
});
