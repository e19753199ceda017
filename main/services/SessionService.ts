import type { Operator } from '../../core/backendApi/wire';
import type { LoginError, LoginRequest, OperatorProfile, SessionApi } from '../../core/contract/session';
import type { Result } from '../../core/result';
import type { BackendFailure } from '../../core/submission/backendFailure';
import { normaliseLogin, type AccountStore } from '../accounts/AccountStore';
import { activeLockout, afterFailure, DEFAULT_LOCKOUT_POLICY, type LockoutPolicy } from '../accounts/lockoutPolicy';
import { createPasswordVerifier, DEFAULT_SCRYPT_PARAMS, verifyPassword, type ScryptParams } from '../accounts/passwordVerifier';
import type { Clock } from '../ports/Clock';
import type { LicensingBackend } from '../ports/LicensingBackend';
import type { OperatorSession } from './OperatorSession';

export interface SessionServiceOptions {
  /** An offline verifier is refused this many days after the last online login of its operator. */
  readonly verifierMaxAgeDays: number;
  /** How long an offline sign-in lasts (there is no backend token to say). */
  readonly offlineSessionMs: number;
  readonly lockout: LockoutPolicy;
  readonly scrypt: ScryptParams;
  /** Storing the verifier failed: the online login stands, the operator just cannot sign in offline. */
  readonly onUnexpectedError: (error: unknown) => void;
}

export const DEFAULT_SESSION_OPTIONS: Omit<SessionServiceOptions, 'onUnexpectedError'> = {
  verifierMaxAgeDays: 7,
  offlineSessionMs: 12 * 60 * 60_000,
  lockout: DEFAULT_LOCKOUT_POLICY,
  scrypt: DEFAULT_SCRYPT_PARAMS,
};

const DAY_MS = 86_400_000;

export class SessionService implements SessionApi {
  constructor(
    private readonly backend: Pick<LicensingBackend, 'createSession'>,
    private readonly session: OperatorSession,
    private readonly workstationId: () => string,
    private readonly accounts: AccountStore,
    private readonly clock: Clock,
    private readonly options: SessionServiceOptions,
  ) {}

  async login(request: LoginRequest): Promise<Result<OperatorProfile, LoginError>> {
    const login = normaliseLogin(request.login);
    const lockedUntil = activeLockout(this.accounts.readLockout(login), this.clock.now());
    // Refused before the backend is asked: a locked login cannot be used to probe passwords.
    if (lockedUntil) return { ok: false, error: { kind: 'locked-out', until: lockedUntil.toISOString() } };

    const answer = await this.backend.createSession({ ...request, workstationId: this.workstationId() });
    if (answer.ok) {
      const { operator, token, expiresAt } = answer.value;
      await this.accounts.writeLockout(login, null);
      this.session.begin(operator, token, new Date(expiresAt));
      await this.rememberVerifier(login, operator, request.password);
      return { ok: true, value: { ...operator, offline: false } };
    }
    if (answer.error.kind === 'http' && answer.error.status === 401) return this.failed(login);
    if (!isUnreachable(answer.error)) return { ok: false, error: { kind: 'backend-unavailable' } };
    return this.loginOffline(login, request.password);
  }

  async logout(): Promise<Result<null, never>> {
    this.session.end();
    return { ok: true, value: null };
  }

  async lock(): Promise<Result<null, never>> {
    this.session.end();
    return { ok: true, value: null };
  }

  async current(): Promise<Result<OperatorProfile | null, never>> {
    const active = this.session.current();
    return { ok: true, value: active ? { ...active.operator, offline: active.token === null } : null };
  }

  private async loginOffline(login: string, password: string): Promise<Result<OperatorProfile, LoginError>> {
    const account = this.accounts.findAccount(login);
    const now = this.clock.now();
    const isFresh = account !== null && now.getTime() - account.onlineLoginAt.getTime() <= this.options.verifierMaxAgeDays * DAY_MS;
    if (!account || !isFresh) return { ok: false, error: { kind: 'backend-unavailable' } };
    if (!(await verifyPassword(password, account.verifier))) return this.failed(login);
    await this.accounts.writeLockout(login, null);
    this.session.begin(account.profile, null, new Date(now.getTime() + this.options.offlineSessionMs));
    return { ok: true, value: { ...account.profile, offline: true } };
  }

  /** Counts a wrong password; the attempt that reaches the limit already answers `locked-out`. */
  private async failed(login: string): Promise<Result<OperatorProfile, LoginError>> {
    const next = afterFailure(this.accounts.readLockout(login), this.clock.now(), this.options.lockout);
    await this.accounts.writeLockout(login, next);
    if (next.lockedUntil) return { ok: false, error: { kind: 'locked-out', until: next.lockedUntil.toISOString() } };
    return { ok: false, error: { kind: 'invalid-credentials' } };
  }

  private async rememberVerifier(login: string, operator: Operator, password: string): Promise<void> {
    try {
      const verifier = await createPasswordVerifier(password, this.options.scrypt);
      await this.accounts.saveAccount(login, { profile: operator, verifier, onlineLoginAt: this.clock.now() });
    } catch (error) {
      this.options.onUnexpectedError(error);
    }
  }
}

/**
 * Only an unreachable backend allows an offline sign-in; any answer it gave (403, 400…) stands. A
 * refused TLS certificate counts as unreachable: the password never left the workstation, and
 * the offline verifier is checked locally just the same.
 */
function isUnreachable(failure: BackendFailure): boolean {
  return failure.kind === 'network' || failure.kind === 'timeout' || failure.kind === 'tls' || (failure.kind === 'http' && failure.status >= 500);
}
