import { randomUUID } from 'node:crypto';
import type { NotSignedIn } from '../../core/contract/common';
import type { DraftError } from '../../core/contract/drafts';
import type { ScanFailureKind, ScanJobView, ScanningApi, ScanSettings, ScannerDeviceView } from '../../core/contract/scanning';
import type { Result } from '../../core/result';
import type { ScanError, Scanner, ScannedPage } from '../ports/Scanner';
import type { DraftService } from './DraftService';
import type { OperatorSession } from './OperatorSession';
import type { IncomingPage, PageStore } from './PageStore';
import type { AuditLog } from '../audit/AuditLog';

/** Live job record: `view` is replaced on every update, so readers always see the latest state. */
interface Job {
  view: ScanJobView;
  readonly operatorId: string;
  readonly abort: AbortController;
  done: Promise<void>;
}

const KEPT_JOBS = 50;

/** Scanner errors the operator sees; cancelled is a job state, not a failure. */
function failureKind(error: ScanError): ScanFailureKind {
  switch (error.kind) {
    case 'device-not-found':
    case 'device-busy':
    case 'paper-jam':
    case 'feeder-empty':
    case 'cover-open':
    case 'io-error':
    case 'access-denied':
    case 'scanner-software-missing':
    case 'unsupported-setting':
      return error.kind;
    case 'cancelled':
    case 'unsupported-file':
    case 'corrupt-file':
    case 'unknown':
      return 'unknown';
  }
}

/**
 * Scans into a draft's slot in the background. Each page goes through the image pipeline and is
 * committed to the draft before the scanner is allowed to deliver the next one, so a jam, a
 * cancel or a crash keeps every page scanned before it. One scan per draft at a time.
 */
export class ScanningService implements ScanningApi {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly scanner: Scanner,
    private readonly session: OperatorSession,
    private readonly drafts: DraftService,
    private readonly pages: PageStore,
    private readonly audit: AuditLog,
  ) {}

  async listDevices(): Promise<Result<readonly ScannerDeviceView[], NotSignedIn | { readonly kind: 'scanner-software-missing' }>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const devices = await this.scanner.listDevices();
    if (!devices.ok) {
      if (devices.error.kind === 'scanner-software-missing') return { ok: false, error: { kind: 'scanner-software-missing' } };
      return { ok: true, value: [] };
    }
    const views: ScannerDeviceView[] = [];
    for (const device of devices.value) {
      const caps = await this.scanner.capabilities(device.id);
      if (!caps.ok || device.adapter === 'import') continue;
      views.push({
        deviceId: device.id,
        label: `${device.vendor} ${device.model}`.trim(),
        adapter: device.adapter,
        sources: caps.value.sources,
        resolutionsDpi: caps.value.resolutionsDpi,
      });
    }
    return { ok: true, value: views };
  }

  async start(draftId: string, slotId: string, settings: ScanSettings): Promise<Result<ScanJobView, DraftError | { readonly kind: 'scan-in-progress' }>> {
    const draft = this.drafts.ownOpenDraft(draftId);
    if (!draft.ok) return draft;
    if (!this.drafts.slotExists(draft.value, slotId)) return { ok: false, error: { kind: 'unknown-slot' } };
    if ([...this.jobs.values()].some((j) => j.view.draftId === draftId && j.view.state === 'running')) return { ok: false, error: { kind: 'scan-in-progress' } };

    const jobId = randomUUID();
    const abort = new AbortController();
    const view: ScanJobView = { jobId, draftId, slotId, state: 'running', pagesDone: 0, pagesRejected: 0, endedBy: null, failure: null };
    const job: Job = { view, operatorId: draft.value.operatorId, abort, done: Promise.resolve() };
    const update = (patch: Partial<ScanJobView>) => {
      job.view = { ...job.view, ...patch };
    };
    // Gray scanning thresholded by the pipeline gives cleaner black-and-white than the device's lineart.
    const pipelineOptions = { mode: settings.mode, normalise: true, deskew: true, rotateDegrees: 0, detectBlank: true } as const;
    const onPage = async (page: ScannedPage) => {
      const incoming: IncomingPage =
        page.format === 'pdf' ? { kind: 'pdf', bytes: page.bytes, page: page.page ?? 0 } : page.page === undefined ? { kind: 'raster', bytes: page.bytes } : { kind: 'raster', bytes: page.bytes, page: page.page };
      const added = await this.pages.add(draftId, slotId, incoming, 'scanner', pipelineOptions);
      update(added.ok ? { pagesDone: job.view.pagesDone + 1 } : { pagesRejected: job.view.pagesRejected + 1 });
    };
    const run = this.scanner
      .scan(
        { deviceId: settings.deviceId, source: settings.source, resolutionDpi: settings.resolutionDpi, mode: settings.mode === 'color' ? 'color' : 'gray', ...(settings.maxPages ? { maxPages: settings.maxPages } : {}) },
        { onPage, signal: abort.signal },
      )
      .then((result) => {
        if (result.ok) update({ state: 'completed', endedBy: result.value.endedBy });
        else if (result.error.kind === 'cancelled') update({ state: 'cancelled' });
        else update({ state: 'failed', failure: failureKind(result.error) });
      })
      .catch(() => update({ state: 'failed', failure: 'io-error' }))
      // One record per scan job, once it ended (pages kept, the outcome); `settle` waits for it too.
      .then(() =>
        this.audit.record({
          operatorId: job.operatorId,
          action: 'scan',
          subject: draftId,
          detail: { slotId, state: job.view.state, pages: job.view.pagesDone, rejected: job.view.pagesRejected },
        }),
      )
      // A failed write fails the database for every later write too (DatabaseDurabilityError): the next action reports it.
      .catch(() => undefined);
    job.done = run;
    this.remember(job);
    return { ok: true, value: job.view };
  }

  async job(jobId: string): Promise<Result<ScanJobView, NotSignedIn | { readonly kind: 'job-not-found' }>> {
    const job = this.ownJob(jobId);
    return job.ok ? { ok: true, value: job.value.view } : job;
  }

  async cancel(jobId: string): Promise<Result<ScanJobView, NotSignedIn | { readonly kind: 'job-not-found' }>> {
    const job = this.ownJob(jobId);
    if (!job.ok) return job;
    job.value.abort.abort();
    await job.value.done;
    return { ok: true, value: job.value.view };
  }

  /** Waits for every running scan (shutdown, tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.done));
  }

  private remember(job: Job): void {
    this.jobs.set(job.view.jobId, job);
    while (this.jobs.size > KEPT_JOBS) {
      const oldest = [...this.jobs.values()].find((j) => j.view.state !== 'running');
      if (!oldest) break;
      this.jobs.delete(oldest.view.jobId);
    }
  }

  private ownJob(jobId: string): Result<Job, NotSignedIn | { readonly kind: 'job-not-found' }> {
    const active = this.session.require();
    if (!active.ok) return active;
    const job = this.jobs.get(jobId);
    if (!job || job.operatorId !== active.value.operator.operatorId) return { ok: false, error: { kind: 'job-not-found' } };
    return { ok: true, value: job };
  }
}
