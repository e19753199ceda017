import type { ScannerDeviceView, ScanSettings } from '../../../core/contract';
import type { WorkstationState } from '../../store/storeTypes';
import { selectActiveSlotId } from '../documents/documentsSelectors';

/** The contract's resolution range (scanSettingsSchema); a device may list more. */
const MIN_DPI = 75;
const MAX_DPI = 600;
/** Legible for stamps and small print, small enough to send: the counter's usual choice. */
export const PREFERRED_DPI = 300;

const NO_DEVICES: readonly ScannerDeviceView[] = [];

export function offeredResolutions(device: ScannerDeviceView): readonly number[] {
  return [...new Set(device.resolutionsDpi)].filter((dpi) => dpi >= MIN_DPI && dpi <= MAX_DPI).sort((a, b) => a - b);
}

/** 300 dpi if offered, else the closest one (the higher of two equally close: better too sharp than unreadable). */
export function defaultResolution(resolutions: readonly number[]): number | null {
  let best: number | null = null;
  for (const dpi of resolutions) {
    const distance = Math.abs(dpi - PREFERRED_DPI);
    const bestDistance = best === null ? Infinity : Math.abs(best - PREFERRED_DPI);
    if (distance < bestDistance || (distance === bestDistance && best !== null && dpi > best)) best = dpi;
  }
  return best;
}

export const selectScanners = (state: WorkstationState) => state.scanners;

export function selectScanDevices(state: WorkstationState): readonly ScannerDeviceView[] {
  return state.scanners.kind === 'loaded' ? state.scanners.devices : NO_DEVICES;
}

/** The operator's device while it is connected, else the first one found. */
export function selectScanDevice(state: WorkstationState): ScannerDeviceView | null {
  const devices = selectScanDevices(state);
  return devices.find((device) => device.deviceId === state.scanChoice.deviceId) ?? devices[0] ?? null;
}

/** The settings a scan would use now: the operator's choices where the device offers them, its defaults elsewhere. */
export function selectScanSettings(state: WorkstationState): ScanSettings | null {
  const device = selectScanDevice(state);
  if (!device) return null;
  const choice = state.scanChoice;
  const source = choice.source !== null && device.sources.includes(choice.source) ? choice.source : device.sources[0];
  const resolutions = offeredResolutions(device);
  const resolutionDpi = choice.resolutionDpi !== null && resolutions.includes(choice.resolutionDpi) ? choice.resolutionDpi : defaultResolution(resolutions);
  if (source === undefined || resolutionDpi === null) return null;
  return { deviceId: device.deviceId, source, resolutionDpi, mode: choice.mode, ...(source === 'adf' && choice.feederPages !== null ? { maxPages: choice.feederPages } : {}) };
}

export const selectScanRun = (state: WorkstationState) => state.scanRun;
export const selectScanProblem = (state: WorkstationState) => state.scanProblem;

export function selectIsScanning(state: WorkstationState): boolean {
  return state.scanRun.kind === 'starting' || state.scanRun.kind === 'running';
}

/** A scan may start: a draft, a slot to scan into, a usable device, and no scan or import under way. */
export function selectCanScan(state: WorkstationState): boolean {
  return (
    state.draft !== null &&
    selectActiveSlotId(state) !== null &&
    selectScanSettings(state) !== null &&
    !selectIsScanning(state) &&
    state.documentActivity.kind !== 'importing'
  );
}
