/**
 * The fake scanning area: a scanner whose jobs deliver one page per poll of `job`, each page
 * stored in the draft before it is counted (as main does), so a test sees pages arrive, can jam
 * the feeder after N pages, fail at the start, flag blank pages, or hold the scanner mid-batch.
 */
import type { ScanFailureKind, ScanJobView, ScannerDeviceView, ScanningApi, ScanSettings } from '../../core/contract';
import { err, ok } from '../../core/result';
import type { FakeDraftStore } from './fakeDrafts';
import { NOT_SIGNED_IN, type FakeMain } from './fakeMain';

/** A sheet-fed scanner with a flatbed, as at most counters. */
export const FAKE_SCANNER: ScannerDeviceView = {
  deviceId: 'canon_dr:libusb:001:004',
  label: 'Canon DR-F120',
  adapter: 'sane',
  sources: ['flatbed', 'adf'],
  resolutionsDpi: [150, 200, 300, 600],
};

/** A network MFP scanning to a shared folder: no 300 dpi on offer. */
export const FAKE_FOLDER_SCANNER: ScannerDeviceView = {
  deviceId: 'folder:mfp-hall-2',
  label: 'МФУ, 2-зал (желілік қалта)',
  adapter: 'folder',
  sources: ['adf'],
  resolutionsDpi: [200, 400],
};

/** How the next scan goes. By default the feeder holds 3 sheets and the flatbed scans the 1 page asked. */
export interface FakeScanBatch {
  readonly pages?: number;
  /** The feeder jams after this many pages; the pages before it stay in the draft. */
  readonly jamAfter?: number;
  /** The scanner fails before the first page. */
  readonly failure?: ScanFailureKind;
  /** 0-based pages that blank-page detection flags. */
  readonly blankPages?: readonly number[];
  /** 0-based pages the image pipeline refuses. */
  readonly rejectedPages?: readonly number[];
}

export interface FakeScannerController {
  /** The devices listDevices answers with; replace to plug a scanner in or out. */
  devices: readonly ScannerDeviceView[];
  /** listDevices answers scanner-software-missing (no SANE on the workstation). */
  isSoftwareMissing: boolean;
  loadBatch(batch: FakeScanBatch): void;
  /** The scanner stops delivering pages (a slow device) until release(). */
  hold(): void;
  release(): void;
}

interface FakeJob {
  view: ScanJobView;
  readonly operatorId: string;
  readonly settings: ScanSettings;
  readonly batch: FakeScanBatch;
}

const A4_INCHES = { width: 8.27, height: 11.69 } as const;

function settingsProblem(devices: readonly ScannerDeviceView[], settings: ScanSettings): ScanFailureKind | null {
  const device = devices.find((candidate) => candidate.deviceId === settings.deviceId);
  if (!device) return 'device-not-found';
  if (!device.sources.includes(settings.source) || !device.resolutionsDpi.includes(settings.resolutionDpi)) return 'unsupported-setting';
  return null;
}

export function createFakeScanning(
  main: FakeMain,
  drafts: FakeDraftStore,
  initial: { readonly devices?: readonly ScannerDeviceView[]; readonly isSoftwareMissing?: boolean },
): { readonly api: ScanningApi; readonly controller: FakeScannerController } {
  const jobs = new Map<string, FakeJob>();
  let nextBatch: FakeScanBatch = {};
  let isHeld = false;

  const controller: FakeScannerController = {
    devices: initial.devices ?? [FAKE_SCANNER],
    isSoftwareMissing: initial.isSoftwareMissing ?? false,
    loadBatch(batch) {
      nextBatch = batch;
    },
    hold() {
      isHeld = true;
    },
    release() {
      isHeld = false;
    },
  };

  function pageCountOf(job: FakeJob): number {
    const asked = job.batch.pages ?? (job.settings.source === 'adf' ? 3 : 1);
    return job.settings.maxPages === undefined ? asked : Math.min(asked, job.settings.maxPages);
  }

  /** One event of the scanner: a page stored (or refused), the end of the batch, or a failure. */
  function advance(job: FakeJob): void {
    const update = (patch: Partial<ScanJobView>) => (job.view = { ...job.view, ...patch });
    const draft = drafts.ownOpen(job.view.draftId);
    if (!draft.ok) return void update({ state: 'failed', failure: 'io-error' });
    const delivered = job.view.pagesDone + job.view.pagesRejected;
    const total = pageCountOf(job);
    const failure = delivered === 0 ? (job.batch.failure ?? settingsProblem(controller.devices, job.settings)) : null;
    if (failure) return void update({ state: 'failed', failure });
    if (job.settings.source === 'adf' && total === 0) return void update({ state: 'failed', failure: 'feeder-empty' });
    if (job.batch.jamAfter !== undefined && delivered >= job.batch.jamAfter) return void update({ state: 'failed', failure: 'paper-jam' });
    if (delivered >= total) {
      const feederRanOut = job.settings.source === 'adf' && (job.settings.maxPages === undefined || total < job.settings.maxPages);
      return void update({ state: 'completed', endedBy: feederRanOut ? 'feeder-empty' : 'complete' });
    }
    if (job.batch.rejectedPages?.includes(delivered)) return void update({ pagesRejected: job.view.pagesRejected + 1 });
    const dpi = job.settings.resolutionDpi;
    drafts.addPage(
      draft.value,
      job.view.slotId,
      { kind: 'image', widthPx: Math.round(A4_INCHES.width * dpi), heightPx: Math.round(A4_INCHES.height * dpi), blank: job.batch.blankPages?.includes(delivered) ?? false },
      'scanner',
    );
    update({ pagesDone: job.view.pagesDone + 1 });
  }

  function ownJob(jobId: string) {
    const operator = main.operator();
    if (!operator) return err(NOT_SIGNED_IN);
    const job = jobs.get(jobId);
    return job && job.operatorId === operator.operatorId ? ok(job) : err({ kind: 'job-not-found' as const });
  }

  const api: ScanningApi = {
    async listDevices() {
      if (!main.operator()) return err(NOT_SIGNED_IN);
      return controller.isSoftwareMissing ? err({ kind: 'scanner-software-missing' }) : ok(controller.devices);
    },
    async start(draftId, slotId, settings) {
      const draft = drafts.ownOpen(draftId);
      if (!draft.ok) return draft;
      if (!drafts.slotExists(draft.value, slotId)) return err({ kind: 'unknown-slot' });
      if ([...jobs.values()].some((job) => job.view.draftId === draftId && job.view.state === 'running')) return err({ kind: 'scan-in-progress' });
      const view: ScanJobView = { jobId: main.nextId(), draftId, slotId, state: 'running', pagesDone: 0, pagesRejected: 0, endedBy: null, failure: null };
      jobs.set(view.jobId, { view, operatorId: draft.value.operatorId, settings, batch: nextBatch });
      nextBatch = {};
      return ok(view);
    },
    async job(jobId) {
      const job = ownJob(jobId);
      if (!job.ok) return job;
      if (job.value.view.state === 'running' && !isHeld) advance(job.value);
      return ok(job.value.view);
    },
    async cancel(jobId) {
      const job = ownJob(jobId);
      if (!job.ok) return job;
      if (job.value.view.state === 'running') job.value.view = { ...job.value.view, state: 'cancelled' };
      return ok(job.value.view);
    },
  };

  return { api, controller };
}
