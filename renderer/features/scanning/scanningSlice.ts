import type { DraftError, NotSignedIn, ScanJobView, ScannerDeviceView, ScanSettings } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';
import { selectActiveSlotId } from '../documents/documentsSelectors';
import { selectCanScan, selectScanSettings } from './scanningSelectors';

/** How often a running scan is asked for progress; each page shows up within this time. */
export const SCAN_POLL_MS = 300;

export type ScannerList =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly devices: readonly ScannerDeviceView[] }
  /** No scanner software (SANE) on this workstation: files can still be imported. */
  | { readonly kind: 'software-missing' };

/** The operator's picks; null means the device's default (see selectScanSettings). */
export interface ScanChoice {
  readonly deviceId: string | null;
  readonly source: ScanSettings['source'] | null;
  readonly resolutionDpi: number | null;
  readonly mode: ScanSettings['mode'];
  /** Feeder only: stop after this many sheets; null = until the feeder is empty. */
  readonly feederPages: number | null;
}

export type ScanRun =
  | { readonly kind: 'idle' }
  | { readonly kind: 'starting'; readonly slotId: string }
  | { readonly kind: 'running'; readonly job: ScanJobView; readonly isCancelling: boolean }
  /** completed, failed or cancelled: what the batch brought, until the next scan. */
  | { readonly kind: 'ended'; readonly job: ScanJobView };

export type ScanStartError = DraftError | { readonly kind: 'scan-in-progress' };
export type ScanProblem = Exclude<ScanStartError, NotSignedIn> | { readonly kind: 'job-not-found' };

export interface ScannerState {
  /** The workstation's scanners: not citizen data, kept across applications. */
  readonly scanners: ScannerList;
  readonly scanChoice: ScanChoice;
}

export interface ScanRunState {
  readonly scanRun: ScanRun;
  /** Why a scan could not start or be followed; a failure of the scanner itself is in the ended job. */
  readonly scanProblem: ScanProblem | null;
}

export interface ScanningActions {
  loadScanners(): Promise<void>;
  chooseScanDevice(deviceId: string): void;
  chooseScanSource(source: ScanSettings['source']): void;
  chooseScanResolution(resolutionDpi: number): void;
  chooseScanMode(mode: ScanSettings['mode']): void;
  chooseFeederPages(pages: number | null): void;
  /**
   * Scans into the active slot and follows the job until it ends, reloading the draft as pages
   * arrive so their thumbnails appear one by one. Null when a scan cannot start now.
   */
  startScan(): Promise<Result<ScanJobView, ScanStartError> | null>;
  /** Stops the batch; the pages stored so far stay in the draft. */
  cancelScan(): Promise<void>;
}

export type ScanningSlice = ScannerState & ScanRunState & ScanningActions;

export const scannerInitialState: ScannerState = {
  scanners: { kind: 'idle' },
  scanChoice: { deviceId: null, source: null, resolutionDpi: null, mode: 'gray', feederPages: null },
};

export const scanRunInitialState: ScanRunState = { scanRun: { kind: 'idle' }, scanProblem: null };

export const createScanningSlice: SliceCreator<ScanningSlice> = ({ set, get, api, sleep }) => {
  const choose = (patch: Partial<ScanChoice>) => set({ scanChoice: { ...get().scanChoice, ...patch } });

  /** Polls the job until it ends; stops following when the draft on screen is no longer the job's. */
  async function follow(started: ScanJobView, epoch: number): Promise<void> {
    let job = started;
    let delivered = 0;
    const isStillFollowed = () => get().citizenDataEpoch === epoch && get().draft?.draftId === started.draftId;
    while (job.state === 'running') {
      await sleep(SCAN_POLL_MS);
      if (!isStillFollowed()) return;
      const polled = await api.scanning.job(started.jobId);
      if (!isStillFollowed()) return;
      if (!polled.ok) {
        if (polled.error.kind === 'not-signed-in') get().endExpiredSession();
        else set({ scanRun: { kind: 'idle' }, scanProblem: polled.error });
        await get().refreshDraft();
        return;
      }
      job = polled.value;
      if (job.pagesDone + job.pagesRejected !== delivered || job.state !== 'running') {
        delivered = job.pagesDone + job.pagesRejected;
        await get().refreshDraft();
        if (!isStillFollowed()) return;
      }
      const run = get().scanRun;
      set({ scanRun: job.state === 'running' ? { kind: 'running', job, isCancelling: run.kind === 'running' && run.isCancelling } : { kind: 'ended', job } });
    }
  }

  return {
    ...scannerInitialState,
    ...scanRunInitialState,

    async loadScanners() {
      set({ scanners: { kind: 'loading' } });
      const result = await api.scanning.listDevices();
      if (result.ok) set({ scanners: { kind: 'loaded', devices: result.value } });
      else if (result.error.kind === 'scanner-software-missing') set({ scanners: { kind: 'software-missing' } });
      else {
        set({ scanners: { kind: 'idle' } });
        get().endExpiredSession();
      }
    },

    chooseScanDevice: (deviceId) => choose({ deviceId }),
    chooseScanSource: (source) => choose({ source }),
    chooseScanResolution: (resolutionDpi) => choose({ resolutionDpi }),
    chooseScanMode: (mode) => choose({ mode }),
    chooseFeederPages: (feederPages) => choose({ feederPages }),

    async startScan() {
      const before = get();
      const draft = before.draft;
      const slotId = selectActiveSlotId(before);
      const settings = selectScanSettings(before);
      if (!draft || !slotId || !settings || !selectCanScan(before)) return null;

      set({ scanRun: { kind: 'starting', slotId }, scanProblem: null });
      const started = await api.scanning.start(draft.draftId, slotId, settings);
      if (get().citizenDataEpoch !== before.citizenDataEpoch) return started;
      if (!started.ok) {
        if (started.error.kind === 'not-signed-in') get().endExpiredSession();
        else set({ scanRun: { kind: 'idle' }, scanProblem: started.error });
        return started;
      }
      set({ scanRun: { kind: 'running', job: started.value, isCancelling: false } });
      await follow(started.value, before.citizenDataEpoch);
      return started;
    },

    async cancelScan() {
      const before = get();
      const run = before.scanRun;
      if (run.kind !== 'running' || run.isCancelling) return;
      set({ scanRun: { ...run, isCancelling: true } });
      const result = await api.scanning.cancel(run.job.jobId);
      if (get().citizenDataEpoch !== before.citizenDataEpoch) return;
      if (result.ok) return;
      if (result.error.kind === 'not-signed-in') get().endExpiredSession();
      else set({ scanProblem: result.error });
      // The follow loop sees the end at its next poll and reloads the pages stored before the cancel.
    },
  };
};
