import type { DiagnosticsReport } from '../../../core/contract';
import { appendRendererLines } from '../../../core/diagnostics/formatDiagnostics';
import type { SliceCreator } from '../../store/storeTypes';

export type DiagnosticsLoad =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  /** `text` is main's text plus the renderer's own line (its user agent), redacted again. */
  | { readonly kind: 'loaded'; readonly report: DiagnosticsReport; readonly text: string };

export interface DiagnosticsState {
  /** Machine facts only (no citizen data), still cleared with everything else at logout. */
  readonly diagnostics: DiagnosticsLoad;
}

export interface DiagnosticsActions {
  /** Every signed-in user (operators call the helpdesk): shows the screen and collects a fresh report. */
  openDiagnostics(): void;
  /** Collects a fresh report from main (runs `scanimage -L` and a backend health check there). */
  loadDiagnostics(): Promise<void>;
}

export type DiagnosticsSlice = DiagnosticsState & DiagnosticsActions;

export const diagnosticsInitialState: DiagnosticsState = { diagnostics: { kind: 'idle' } };

/** The browser's user agent when there is one (the browser host's Chromium; Electron reports its own versions in main). */
const rendererUserAgent = (): string | null => (typeof navigator !== 'undefined' && navigator.userAgent ? navigator.userAgent : null);

export const createDiagnosticsSlice: SliceCreator<DiagnosticsSlice> = ({ set, get, api }) => ({
  ...diagnosticsInitialState,

  openDiagnostics() {
    set({ view: 'diagnostics' });
    void get().loadDiagnostics();
  },

  async loadDiagnostics() {
    if (get().diagnostics.kind === 'loading') return;
    set({ diagnostics: { kind: 'loading' } });
    const answer = await api.diagnostics.report();
    // Not signed in any more: the session slice shows the login screen; nothing to keep.
    if (!answer.ok) {
      set({ diagnostics: { kind: 'idle' } });
      return;
    }
    set({ diagnostics: { kind: 'loaded', report: answer.value, text: appendRendererLines(answer.value.text, rendererUserAgent()) } });
  },
});
