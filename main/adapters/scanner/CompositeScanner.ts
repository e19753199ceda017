import { err, ok, type Result } from '../../../core/result';
import type { ScanError, ScanFailure, ScanHandlers, ScanRequest, ScanSummary, Scanner, ScannerCapabilities, ScannerDevice } from '../../ports/Scanner';

/**
 * Several adapters (SANE, watched folders, file import) behind one Scanner, so a service needs only one.
 * Devices are routed by id to the adapter that listed them; on an id clash the earlier adapter wins.
 */
export class CompositeScanner implements Scanner {
  private readonly owners = new Map<string, Scanner>();

  constructor(private readonly adapters: readonly Scanner[]) {}

  /**
   * Every adapter's devices, in adapter order. One adapter failing (e.g. `scanimage` missing) does not hide
   * the others' devices; its error is returned only when no adapter listed any device.
   */
  async listDevices(): Promise<Result<ScannerDevice[], ScanError>> {
    const results = await Promise.all(this.adapters.map((a) => a.listDevices()));
    const devices: ScannerDevice[] = [];
    let firstError: ScanError | null = null;
    this.owners.clear();
    results.forEach((result, i) => {
      const adapter = this.adapters[i];
      if (!result.ok) {
        firstError ??= result.error;
        return;
      }
      for (const device of result.value) {
        if (this.owners.has(device.id) || !adapter) continue;
        this.owners.set(device.id, adapter);
        devices.push(device);
      }
    });
    return devices.length === 0 && firstError !== null ? err(firstError) : ok(devices);
  }

  async capabilities(deviceId: string): Promise<Result<ScannerCapabilities, ScanError>> {
    const owner = await this.ownerOf(deviceId);
    return owner ? owner.capabilities(deviceId) : err({ kind: 'device-not-found', deviceId });
  }

  async scan(request: ScanRequest, handlers: ScanHandlers): Promise<Result<ScanSummary, ScanFailure>> {
    const owner = await this.ownerOf(request.deviceId);
    return owner ? owner.scan(request, handlers) : err({ kind: 'device-not-found', deviceId: request.deviceId, pagesDelivered: 0 });
  }

  private async ownerOf(deviceId: string): Promise<Scanner | undefined> {
    if (!this.owners.has(deviceId)) await this.listDevices();
    return this.owners.get(deviceId);
  }
}
