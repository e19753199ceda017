import type { Operator } from '../../core/backendApi/wire';
import type { NotSignedIn } from '../../core/contract/common';
import type { Result } from '../../core/result';
import type { Clock } from '../ports/Clock';

interface ActiveSession {
  readonly operator: Operator;
  /**
   * The backend token; null after an offline sign-in (the cached verifier, backend unreachable):
   * the operator works locally (drafts, the outbox accepts) and whatever needs the backend
   * answers as it does offline until the next online login.
   */
  readonly token: string | null;
  readonly expiresAt: Date;
}

/**
 * The signed-in operator and their backend token. Lives in main only: the renderer never sees
 * the token. One operator per workstation at a time.
 */
export class OperatorSession {
  private active: ActiveSession | null = null;
  private readonly signInListeners = new Set<() => void>();
  private readonly signOutListeners = new Set<(operatorId: string) => void>();

  constructor(private readonly clock: Clock) {}

  begin(operator: Operator, token: string | null, expiresAt: Date): void {
    this.active = { operator, token, expiresAt };
    for (const listener of this.signInListeners) listener();
  }

  end(): void {
    const ended = this.active;
    this.active = null;
    if (ended) for (const listener of this.signOutListeners) listener(ended.operator.operatorId);
  }

  /** The current session, or null when none or expired. */
  current(): ActiveSession | null {
    if (this.active && this.active.expiresAt.getTime() <= this.clock.now().getTime()) this.active = null;
    return this.active;
  }

  require(): Result<ActiveSession, NotSignedIn> {
    const session = this.current();
    return session ? { ok: true, value: session } : { ok: false, error: { kind: 'not-signed-in' } };
  }

  onDidSignIn(listener: () => void): () => void {
    this.signInListeners.add(listener);
    return () => this.signInListeners.delete(listener);
  }

  /** A session that was active ended (logout, or the backend refused its token); not fired for a silent expiry. */
  onDidSignOut(listener: (operatorId: string) => void): () => void {
    this.signOutListeners.add(listener);
    return () => this.signOutListeners.delete(listener);
  }
}
