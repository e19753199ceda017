import type { LoginError, LoginRequest, OperatorProfile, SessionApi } from '../../core/contract/session';
import type { Result } from '../../core/result';
import type { LicensingBackend } from '../ports/LicensingBackend';
import type { OperatorSession } from './OperatorSession';

export class SessionService implements SessionApi {
  constructor(
    private readonly backend: LicensingBackend,
    private readonly session: OperatorSession,
    private readonly workstationId: () => string,
  ) {}

  async login(request: LoginRequest): Promise<Result<OperatorProfile, LoginError>> {
    const answer = await this.backend.createSession({ ...request, workstationId: this.workstationId() });
    if (!answer.ok) {
      const failure = answer.error;
      if (failure.kind === 'http' && failure.status === 401) return { ok: false, error: { kind: 'invalid-credentials' } };
      return { ok: false, error: { kind: 'backend-unavailable' } };
    }
    this.session.begin(answer.value.operator, answer.value.token, new Date(answer.value.expiresAt));
    return { ok: true, value: answer.value.operator };
  }

  async logout(): Promise<Result<null, never>> {
    this.session.end();
    return { ok: true, value: null };
  }

  async current(): Promise<Result<OperatorProfile | null, never>> {
    return { ok: true, value: this.session.current()?.operator ?? null };
  }
}
