// The imports running or recently ended, for drafts.importProgress and drafts.cancelImport: each
// belongs to the operator who started it; the last few are kept after they end so the renderer's
// last poll still finds them.
import type { ImportProgress } from '../../core/contract/drafts';

interface ImportJob {
  progress: ImportProgress;
  readonly operatorId: string;
  readonly abort: AbortController;
}

const KEPT_ENDED = 20;

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  /** Registers an import; a second import under a running id is refused (null). */
  begin(importId: string, operatorId: string): { readonly signal: AbortSignal; update(patch: Partial<Omit<ImportProgress, 'importId'>>): void } | null {
    const existing = this.jobs.get(importId);
    if (existing && (existing.progress.state === 'opening' || existing.progress.state === 'importing')) return null;
    const job: ImportJob = { progress: { importId, state: 'opening', pagesDone: 0, pageCount: null }, operatorId, abort: new AbortController() };
    this.jobs.set(importId, job);
    this.forgetOldEnded();
    return {
      signal: job.abort.signal,
      update: (patch) => {
        job.progress = { ...job.progress, ...patch };
      },
    };
  }

  /** The progress of an import the operator started, or null. */
  find(importId: string, operatorId: string): ImportProgress | null {
    const job = this.jobs.get(importId);
    return job && job.operatorId === operatorId ? job.progress : null;
  }

  /** Asks a running import to stop before its next page; returns its progress, or null if not this operator's. */
  cancel(importId: string, operatorId: string): ImportProgress | null {
    const job = this.jobs.get(importId);
    if (!job || job.operatorId !== operatorId) return null;
    job.abort.abort();
    return job.progress;
  }

  private forgetOldEnded(): void {
    const ended = [...this.jobs.values()].filter((job) => job.progress.state !== 'opening' && job.progress.state !== 'importing');
    for (const job of ended.slice(0, Math.max(0, ended.length - KEPT_ENDED))) this.jobs.delete(job.progress.importId);
  }
}
