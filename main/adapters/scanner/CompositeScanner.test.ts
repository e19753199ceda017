import { describe, expect, it } from 'vitest';
import type { ScanRequest, Scanner } from '../../ports/Scanner';
import { CompositeScanner } from './CompositeScanner';
import { FakeScanner } from './FakeScanner';
import { FileImportScanner } from './FileImportScanner';

const missingSane: Scanner = {
  listDevices: async () => ({ ok: false, error: { kind: 'scanner-software-missing', program: 'scanimage', debianPackage: 'sane-utils' } }),
  capabilities: async (deviceId) => ({ ok: false, error: { kind: 'device-not-found', deviceId } }),
  scan: async (request) => ({ ok: false, error: { kind: 'device-not-found', deviceId: request.deviceId, pagesDelivered: 0 } }),
};
const request: ScanRequest = { deviceId: 'fake:0', source: 'flatbed', resolutionDpi: 50, mode: 'gray' };

describe('CompositeScanner', () => {
  it('merges devices and routes each call to the adapter that listed the device', async () => {
    const composite = new CompositeScanner([new FakeScanner(), new FileImportScanner({ pickFiles: async () => null })]);
    const devices = await composite.listDevices();
    expect(devices.ok && devices.value.map((d) => [d.id, d.adapter])).toEqual([
      ['fake:0', 'sane'],
      ['import', 'import'],
    ]);
    expect(await composite.scan(request, { onPage: async () => undefined })).toEqual({ ok: true, value: { pagesDelivered: 1, endedBy: 'complete' } });
    expect(await composite.scan({ ...request, deviceId: 'import' }, { onPage: async () => undefined })).toEqual({ ok: false, error: { kind: 'cancelled', pagesDelivered: 0 } });
    expect(await composite.capabilities('nosuch')).toEqual({ ok: false, error: { kind: 'device-not-found', deviceId: 'nosuch' } });
  });

  it('keeps other devices when scanimage is missing, and reports it when nothing else is there', async () => {
    const withFake = await new CompositeScanner([missingSane, new FakeScanner()]).listDevices();
    expect(withFake.ok && withFake.value.map((d) => d.id)).toEqual(['fake:0']);
    expect(await new CompositeScanner([missingSane]).listDevices()).toMatchObject({ ok: false, error: { kind: 'scanner-software-missing', debianPackage: 'sane-utils' } });
  });
});
