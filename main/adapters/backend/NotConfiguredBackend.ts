import { err, type Result } from '../../../core/result';
import type { BackendFailure } from '../../../core/submission/backendFailure';
import type { LicensingBackend } from '../../ports/LicensingBackend';

/**
 * The backend of an installed workstation that has none configured (issue 15 item 3): no server is
 * contacted and nothing is started. Every call fails as unreachable, so no service can register,
 * look up or send anything; the renderer shows the "not configured: call the administrator" screen
 * instead of the login (AppInfo.backend.mode = 'not-configured').
 */
export class NotConfiguredBackend implements LicensingBackend {
  readonly baseUrl = 'not-configured:';

  private async refuse<T>(): Promise<Result<T, BackendFailure>> {
    return err({ kind: 'network' });
  }

  createSession = () => this.refuse<never>();
  lookupPerson = () => this.refuse<never>();
  lookupLegalEntity = () => this.refuse<never>();
  lookupPowerOfAttorney = () => this.refuse<never>();
  hasBlob = () => this.refuse<boolean>();
  putBlob = () => this.refuse<null>();
  submitApplication = () => this.refuse<never>();
  applicationStatus = () => this.refuse<never>();
  fetchResult = () => this.refuse<Uint8Array>();
  fetchRevocationLists = () => this.refuse<readonly Uint8Array[]>();
  capabilities = () => this.refuse<never>();
  health = () => this.refuse<null>();
}
