// The licensing backend's per-document limits (GET /v1/capabilities), learned while online and kept
// in the database for offline work (issue 16): every assembled document is checked against them
// before an application is accepted, so one the backend would refuse never waits in the queue.
import { backendLimitsSchema, type BackendLimits } from '../../core/backendApi/wire';
import { MAX_DOCUMENT_PAGES } from '../../core/contract/limits';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { getSetting, putSetting } from '../db/settings';
import type { LicensingBackend } from '../ports/LicensingBackend';

const SETTING = 'backend.limits';

/**
 * Until the backend has been asked once: the reference backend's limits, which the national
 * e-licensing gateway's published attachment limit does not exceed.
 */
export const FALLBACK_BACKEND_LIMITS: BackendLimits = { maxDocumentBytes: 30 * 1024 * 1024, maxDocumentPages: MAX_DOCUMENT_PAGES };

export interface KnownLimits {
  readonly limits: BackendLimits;
  /** `backend`: as the backend last published them; `fallback`: never learned yet. */
  readonly source: 'backend' | 'fallback';
}

export class BackendLimitsCache {
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: SqlJsDatabase,
    private readonly backend: Pick<LicensingBackend, 'capabilities'>,
    private readonly onUnexpectedError: (error: unknown) => void,
  ) {}

  /** The limits to check against now: the backend's last answer (never above the workstation's own page cap), else the fallback. */
  current(): KnownLimits {
    const stored = this.db.access.kind === 'failed' ? undefined : this.db.read((r) => getSetting(r, SETTING));
    const parsed = stored ? backendLimitsSchema.safeParse(safeJson(stored)) : null;
    if (!parsed?.success) return { limits: FALLBACK_BACKEND_LIMITS, source: 'fallback' };
    return { limits: { ...parsed.data, maxDocumentPages: Math.min(parsed.data.maxDocumentPages, MAX_DOCUMENT_PAGES) }, source: 'backend' };
  }

  /** Asks the backend and keeps a changed answer; an unreachable backend leaves the last one in place. One at a time. */
  refresh(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) return this.running;
    const run = this.fetchAndKeep().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  /** No refresh starts any more; resolves once the running one ended (before the database closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
  }

  private async fetchAndKeep(): Promise<void> {
    const answer = await this.backend.capabilities();
    if (!answer.ok || this.db.access.kind !== 'writable') return;
    const json = JSON.stringify(answer.value.limits);
    if (this.db.read((r) => getSetting(r, SETTING)) === json) return;
    await this.db.write((w) => putSetting(w, SETTING, json)).catch(this.onUnexpectedError);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
