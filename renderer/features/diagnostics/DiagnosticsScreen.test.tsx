import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../app/App';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { FAKE_SCANIMAGE_OUTPUT } from '../../test-support/fakeDiagnostics';
import { PSC_OPERATOR } from '../../test-support/fakeFixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function openDiagnostics(language: 'en' | 'kk' = 'en') {
  const arranged = await createSignedInStore({ language });
  render(<App store={arranged.store} />);
  fireEvent.click(screen.getByTestId('nav-diagnostics'));
  await screen.findByTestId('diagnostics-screen');
  await waitFor(() => expect((screen.getByTestId('diagnostics-text') as HTMLTextAreaElement).value).not.toBe(''));
  return arranged;
}

const textOf = () => (screen.getByTestId('diagnostics-text') as HTMLTextAreaElement).value;

describe('DiagnosticsScreen', () => {
  it('opens for an operator from the menu and shows the sections and the helpdesk text', async () => {
    const { store } = await openDiagnostics();
    expect(screen.getByTestId('nav-diagnostics').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-diagnostics').getAttribute('aria-keyshortcuts')).toBe('Alt+I');
    expect(screen.getByTestId('diagnostics-health').textContent).toContain('Answered in 12 ms');
    expect(screen.getByTestId('diagnostics-scanners').textContent).toContain('test:0: Noname frontend-tester (virtual device)');
    expect(textOf()).toContain(FAKE_SCANIMAGE_OUTPUT.trim());
    expect(textOf()).toContain('sharp: 0.33.5');
    expect(textOf()).toContain(`Operator: ${PSC_OPERATOR.operatorId} (operator)`);
    // The renderer adds its own user agent (jsdom here, Chromium in the browser host).
    expect(textOf()).toContain('User agent: ');
    expect(textOf()).not.toContain(PSC_OPERATOR.fullName);
    expect(store.getState().view).toBe('diagnostics');
  });

  it('opens with Alt+I', async () => {
    const { store } = await createSignedInStore({ language: 'en' });
    render(<App store={store} />);
    fireEvent.keyDown(window, { code: 'KeyI', key: 'i', altKey: true });
    expect(await screen.findByTestId('diagnostics-screen')).toBeTruthy();
  });

  it('copies the text to the clipboard and says so', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.stubGlobal('navigator', { ...navigator, userAgent: navigator.userAgent, clipboard: { writeText } });
    await openDiagnostics();
    fireEvent.click(screen.getByTestId('diagnostics-copy'));
    expect(await screen.findByTestId('diagnostics-copied')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(textOf());
  });

  it('selects the text for Ctrl+C when the clipboard is refused', async () => {
    vi.stubGlobal('navigator', { ...navigator, userAgent: navigator.userAgent, clipboard: { writeText: async () => Promise.reject(new Error('NotAllowedError')) } });
    await openDiagnostics();
    fireEvent.click(screen.getByTestId('diagnostics-copy'));
    expect(await screen.findByTestId('diagnostics-select-manually')).toBeTruthy();
    const field = screen.getByTestId('diagnostics-text') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(field);
    expect(field.selectionEnd - field.selectionStart).toBe(field.value.length);
    expect(screen.queryByTestId('diagnostics-copied')).toBeNull();
  });

  it('collects a fresh report on Refresh and tells when scanimage is missing', async () => {
    const { fake } = await openDiagnostics();
    expect(fake.diagnostics.reports()).toBe(1);
    fake.diagnostics.setScanimage({ kind: 'missing', program: 'scanimage' });
    fireEvent.click(screen.getByTestId('diagnostics-refresh'));
    expect(await screen.findByText('scanimage is not installed (package sane-utils)')).toBeTruthy();
    expect(fake.diagnostics.reports()).toBe(2);
    expect(textOf()).toContain('scanimage -L: scanimage is not installed');
  });

  it('is in Kazakh by default and forgets the report at logout', async () => {
    const { store } = await openDiagnostics('kk');
    expect(screen.getByText('Жүйе диагностикасы', { selector: 'h2' })).toBeTruthy();
    await store.getState().logout();
    expect(store.getState().diagnostics).toEqual({ kind: 'idle' });
  });
});
