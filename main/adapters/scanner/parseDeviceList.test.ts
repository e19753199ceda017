import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeviceList } from './parseDeviceList';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/scans/sane/${name}`, import.meta.url), 'utf8');

describe('parseDeviceList', () => {
  it('reads the real test-device list', () => {
    expect(parseDeviceList(fixture('test.L.txt'))).toEqual([
      { id: 'test:0', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device', adapter: 'sane' },
      { id: 'test:1', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device', adapter: 'sane' },
    ]);
  });

  it('keeps ids with spaces, slashes, query strings and semicolons whole', () => {
    const devices = parseDeviceList(fixture('vendor.L.txt'));
    expect(devices.map((d) => d.id)).toEqual([
      'epson2:libusb:001:005',
      'hpaio:/usb/Officejet_Pro_8600?serial=CN0000TEST',
      'airscan:e0:Brother MFC-L2710DW series',
      'fujitsu:ScanSnap iX500:0000',
      'brother4:bus1;dev1',
    ]);
    expect(devices[2]).toEqual({ id: 'airscan:e0:Brother MFC-L2710DW series', vendor: 'eSCL', model: 'Brother MFC-L2710DW series', type: 'ip=192.0.2.20', adapter: 'sane' });
  });

  it('treats empty output as no devices and skips stray lines', () => {
    expect(parseDeviceList('')).toEqual([]);
    expect(parseDeviceList('\nNo scanners were identified.\n')).toEqual([]);
  });
});
