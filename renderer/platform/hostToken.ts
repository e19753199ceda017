/**
 * The browser host hands the renderer its per-launch token once, in the URL fragment
 * (`#token=…`), because a fragment is never sent to a server or written to its access log.
 */
const TOKEN_STORAGE_KEY = 'psc-workstation.host-token';

export interface HostTokenSources {
  readonly location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
  /** sessionStorage: survives a reload of this tab, never shared with other tabs or written to disk for long. */
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * Takes the token from the fragment (keeping it for reloads and removing it from the address bar,
 * where it would otherwise end up in history and in any copied link), or falls back to the one kept
 * by an earlier load of this tab. Null when there is none: every call will then be refused.
 */
export function takeHostToken({ location, history, storage }: HostTokenSources): string | null {
  const fromFragment = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromFragment) {
    storage.setItem(TOKEN_STORAGE_KEY, fromFragment);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return fromFragment;
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
}
