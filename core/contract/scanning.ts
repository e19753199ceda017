import { z } from 'zod';
import type { Result } from '../result';
import type { DraftError } from './drafts';
import type { NotSignedIn } from './common';

export interface ScannerDeviceView {
  readonly deviceId: string;
  readonly label: string;
  readonly adapter: 'sane' | 'escl' | 'folder';
  readonly sources: readonly ('flatbed' | 'adf')[];
  readonly resolutionsDpi: readonly number[];
}

/** What the scanner reported, each with its own operator message. */
export type ScanFailureKind =
  | 'device-not-found'
  | 'device-busy'
  | 'paper-jam'
  | 'feeder-empty'
  | 'cover-open'
  | 'io-error'
  | 'access-denied'
  | 'scanner-software-missing'
  /** The device does not offer the requested source, mode or resolution. */
  | 'unsupported-setting'
  | 'unknown';

export const scanSettingsSchema = z.object({
  deviceId: z.string().min(1).max(200),
  source: z.enum(['flatbed', 'adf']),
  resolutionDpi: z.number().int().min(75).max(600),
  mode: z.enum(['color', 'gray', 'bw']),
  /** Flatbed: pages to scan one after another (1 by default); ADF: an upper bound. */
  maxPages: z.number().int().min(1).max(200).optional(),
});
export type ScanSettings = z.infer<typeof scanSettingsSchema>;

export interface ScanJobView {
  readonly jobId: string;
  readonly draftId: string;
  readonly slotId: string;
  readonly state: 'running' | 'completed' | 'failed' | 'cancelled';
  /** Pages stored in the draft so far; each is on disk before it is counted. */
  readonly pagesDone: number;
  /** Pages the image pipeline refused (e.g. unreadable); the others are kept. */
  readonly pagesRejected: number;
  readonly endedBy: 'complete' | 'feeder-empty' | null;
  readonly failure: ScanFailureKind | null;
}

export interface ScanningApi {
  listDevices(): Promise<Result<readonly ScannerDeviceView[], NotSignedIn | { readonly kind: 'scanner-software-missing' }>>;
  /**
   * Starts a scan into a slot and returns at once; poll `job` for progress. Pages go through the
   * image pipeline and into the draft one by one, so a jam or a crash keeps every earlier page.
   */
  start(draftId: string, slotId: string, settings: ScanSettings): Promise<Result<ScanJobView, DraftError | { readonly kind: 'scan-in-progress' }>>;
  job(jobId: string): Promise<Result<ScanJobView, NotSignedIn | { readonly kind: 'job-not-found' }>>;
  cancel(jobId: string): Promise<Result<ScanJobView, NotSignedIn | { readonly kind: 'job-not-found' }>>;
}
