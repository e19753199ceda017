import type { ScannerDevice } from '../../ports/Scanner';

/**
 * The `--formatted-device-list` we ask `scanimage -L` for: one device per line, fields separated by a
 * tab, because vendor and model strings contain spaces, dashes and `|` but never tabs.
 */
export const DEVICE_LIST_FORMAT = '%d\t%v\t%m\t%t%n';

/** Parses `scanimage --formatted-device-list=${DEVICE_LIST_FORMAT} -L` output. Lines that do not fit are skipped. */
export function parseDeviceList(stdout: string): ScannerDevice[] {
  const devices: ScannerDevice[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const [id, vendor, model, type] = line.split('\t');
    if (id === undefined || id.trim() === '' || vendor === undefined || model === undefined) continue;
    devices.push({ id: id.trim(), vendor: vendor.trim(), model: model.trim(), type: (type ?? '').trim(), adapter: 'sane' });
  }
  return devices;
}
