import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import type { FakeWorkstationOptions } from '../../test-support/fakeWorkstationApi';
import { createTestStore } from '../../test-support/arrangeStore';

afterEach(cleanup);

function renderWith(options: FakeWorkstationOptions) {
  const arranged = createTestStore({ language: 'en', ...options });
  render(<App store={arranged.store} />);
  return arranged;
}

describe('StorageBanner', () => {
  it('shows nothing while the database is well', async () => {
    renderWith({});
    await screen.findByTestId('login-username');
    expect(screen.queryByTestId('storage-banner')).toBeNull();
  });

  it('names the applications that may be lost when damage was found at start, before sign-in already', async () => {
    renderWith({
      storage: {
        state: { kind: 'ok' },
        openedAt: '2026-11-23T06:00:00.000Z',
        damage: [{ journalFile: 'workstation.sqlite.journal-a', offset: 90, bytes: 900, reason: 'checksum mismatch', quarantineFile: 'workstation.sqlite.quarantine-x', possiblyLostLocalNumbers: ['3F0C2A-20261123-0007'] }],
      },
    });
    const damage = await screen.findByTestId('storage-damage-0');
    expect(damage.textContent).toContain('3F0C2A-20261123-0007');
    expect(damage.textContent).toContain('workstation.sqlite.quarantine-x');
    expect(damage.getAttribute('role')).toBe('alert');
  });

  it('says why the workstation opened read-only', async () => {
    renderWith({ storage: { state: { kind: 'read-only', reason: 'disk-full' }, openedAt: '2026-11-23T06:00:00.000Z', damage: [] } });
    await waitFor(() => expect(screen.getByTestId('storage-read-only').textContent).toMatch(/disk is full/));
  });
});
