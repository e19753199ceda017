/**
 * Which backend a workstation may start with (DESIGN.md §7, issue 15 item 3). An installed
 * (packaged) workstation must never "register" a real citizen's application on the embedded demo
 * server just because nobody wrote a backend URL: it only runs the embedded reference backend when
 * the administrator's file turns on training mode, and otherwise opens on a "not configured" screen.
 * A developer's checkout (`npm start`, `npm run web`) keeps the embedded backend as before.
 */
export type BackendStart =
  | { readonly kind: 'configured'; readonly url: string }
  /** The embedded reference (demo) backend: in a developer's checkout, or in training mode. */
  | { readonly kind: 'embedded'; readonly reason: 'development' | 'training' }
  /** Installed, no backend URL, no training mode: nothing is started; the operator is told to call the administrator. */
  | { readonly kind: 'not-configured' };

export interface BackendStartFacts {
  /** The effective backend URL (admin file, environment, supervisor's setting, config.json); null = none. */
  readonly url: string | null;
  /** A packaged build (Electron `app.isPackaged`), or a browser host started with PSC_INSTALLED=1. */
  readonly installed: boolean;
  /** The administrator's file says `"trainingMode": true`. */
  readonly trainingMode: boolean;
}

export function decideBackendStart(facts: BackendStartFacts): BackendStart {
  // Training always runs on the embedded backend: nothing from a training room may reach a real server.
  if (facts.trainingMode) return { kind: 'embedded', reason: 'training' };
  if (facts.url !== null) return { kind: 'configured', url: facts.url };
  return facts.installed ? { kind: 'not-configured' } : { kind: 'embedded', reason: 'development' };
}

/**
 * The one flag the rest of the composition asks (trust anchors, banner, watermark): is the embedded
 * demo backend — and so its demo CA and demo data — in use in this run?
 */
export function embeddedDemoBackendInUse(start: BackendStart): boolean {
  return start.kind === 'embedded';
}
