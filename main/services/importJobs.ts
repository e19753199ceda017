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
/** Cancels that arrived before their import (the file was still on its way from the renderer). */
const KEPT_EARLY_CANCELS = 20;

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  private readonly earlyCancels = new Map<string, string>();

  /** Registers an import; a second import under a running id is refused (null). */
  begin(importId: string, operatorId: string): { readonly signal: AbortSignal; update(patch: Partial<Omit<ImportProgress, 'importId'>>): void } | null {
    const existing = this.jobs.get(importId);
    if (existing && (existing.progress.state === 'opening' || existing.progress.state === 'importing')) return null;
    const job: ImportJob = { progress: { importId, state: 'opening', pagesDone: 0, pageCount: null }, operatorId, abort: new AbortController() };
    if (this.earlyCancels.get(importId) === operatorId) job.abort.abort();
    this.earlyCancels.delete(importId);
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

  /**
   * Asks an import to stop before its next page and returns its progress; null if it is another
   * operator's. An id not seen yet is remembered, so an import whose file is still on its way starts cancelled.
   */
  cancel(importId: string, operatorId: string): ImportProgress | null {
    const job = this.jobs.get(importId);
    if (!job) {
      this.earlyCancels.set(importId, operatorId);
      for (const id of [...this.earlyCancels.keys()].slice(0, Math.max(0, this.earlyCancels.size - KEPT_EARLY_CANCELS))) this.earlyCancels.delete(id);
      return { importId, state: 'cancelled', pagesDone: 0, pageCount: null };
    }
    if (job.operatorId !== operatorId) return null;
    job.abort.abort();
    return job.progress;
  }

  private forgetOldEnded(): void {
    const ended = [...this.jobs.values()].filter((job) => job.progress.state !== 'opening' && job.progress.state !== 'importing');
    for (const job of ended.slice(0, Math.max(0, ended.length - KEPT_ENDED))) this.jobs.delete(job.progress.importId);
  }
}
