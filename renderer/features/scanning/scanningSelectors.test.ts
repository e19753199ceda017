import { describe, expect, it } from 'vitest';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { FAKE_FOLDER_SCANNER, FAKE_SCANNER } from '../../test-support/fakeScanning';
import { defaultResolution, offeredResolutions, selectScanSettings } from './scanningSelectors';

describe('scan settings', () => {
  it('prefers 300 dpi, else the closest (the sharper of two equally close)', () => {
    expect(defaultResolution([150, 300, 600])).toBe(300);
    expect(defaultResolution([100, 200, 500])).toBe(200);
    expect(defaultResolution([200, 400])).toBe(400);
    expect(defaultResolution([600])).toBe(600);
    expect(defaultResolution([])).toBeNull();
  });

  it('offers only the resolutions the contract accepts, once each, in order', () => {
    expect(offeredResolutions({ ...FAKE_SCANNER, resolutionsDpi: [1200, 300, 50, 75, 300, 600] })).toEqual([75, 300, 600]);
  });

  it('keeps the operator’s choices where the device offers them and falls back to its defaults elsewhere', async () => {
    const { store, fake } = await createSignedInStore({ scanners: [FAKE_SCANNER, FAKE_FOLDER_SCANNER] });
    expect(selectScanSettings(store.getState())).toBeNull();
    await store.getState().loadScanners();
    expect(selectScanSettings(store.getState())).toEqual({ deviceId: FAKE_SCANNER.deviceId, source: 'flatbed', resolutionDpi: 300, mode: 'gray' });

    store.getState().chooseScanSource('adf');
    store.getState().chooseScanResolution(600);
    store.getState().chooseScanMode('color');
    store.getState().chooseScanDevice(FAKE_FOLDER_SCANNER.deviceId);
    expect(selectScanSettings(store.getState())).toEqual({ deviceId: FAKE_FOLDER_SCANNER.deviceId, source: 'adf', resolutionDpi: 400, mode: 'color' });

    // The chosen scanner is unplugged: the first one found is used.
    fake.scanner.devices = [FAKE_SCANNER];
    await store.getState().loadScanners();
    expect(selectScanSettings(store.getState())).toEqual({ deviceId: FAKE_SCANNER.deviceId, source: 'adf', resolutionDpi: 600, mode: 'color' });
  });
});
