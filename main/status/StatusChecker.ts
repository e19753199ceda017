// One check of one registered application against the backend (GET /v1/applications/{id}),
// shared by the operator's refresh and the poller so that one application is never asked about
// twice at the same time. Stores the answer, or on failure keeps the last known status and only
// moves the schedule on (backoff from statusBackoff.ts).
import type { ApplicationStatusView } from '../../core/backendApi/wire';
import type { StatusError } from '../../core/contract/status';
import type { ApplicationSummary } from '../../core/contract/submissions';
import { err, ok, type Result } from '../../core/result';
import { classifyBackendFailure, type BackendFailure } from '../../core/submission/backendFailure';
import { findApplication, type StoredApplication } from '../db/applications';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import type { Clock } from '../ports/Clock';
import type { LicensingBackend } from '../ports/LicensingBackend';
import type { OperatorSession } from '../services/OperatorSession';
import { isStatusChange, nextCheckDelayMs, type StatusPollPolicy } from './statusBackoff';
import { findHandOver, readKnownStatus, recordStatusAnswer, recordStatusFailure } from './statusRecords';

export interface StatusCheckerOptions {
  readonly policy: StatusPollPolicy;
  /** What the check taught about the backend: answered (any HTTP status) or unreachable, with the failure when there was one. Feeds the connectivity indicator. */
  readonly onReachability?: (reachable: boolean, failure?: BackendFailure) => void;
}

/** The answer, with the backend's id of the application checked against ours. */
export type StatusAnswer = Result<{ readonly summary: ApplicationSummary; readonly view: ApplicationStatusView }, StatusError>;

function describe(failure: BackendFailure): string {
  if (failure.kind === 'http') return `http ${failure.status} ${failure.code}`;
  return failure.kind === 'tls' ? `tls ${failure.reason}` : failure.kind;
}

export class StatusChecker {
  private readonly inFlight = new Map<string, Promise<StatusAnswer>>();

  constructor(
    private readonly db: SqlJsDatabase,
    private readonly backend: Pick<LicensingBackend, 'applicationStatus'>,
    private readonly session: OperatorSession,
    private readonly clock: Clock,
    private readonly options: StatusCheckerOptions,
  ) {}

  /**
   * Asks the backend now unless a check of this application is already running, in which case that
   * one is awaited. not-found: no such application here; not-registered: still in the local queue;
   * backend-unavailable: unreachable, failing or answering nonsense (the last known status stays).
   */
  check(applicationId: string): Promise<StatusAnswer> {
    const running = this.inFlight.get(applicationId);
    if (running) return running;
    const attempt = this.checkOnce(applicationId).finally(() => this.inFlight.delete(applicationId));
    this.inFlight.set(applicationId, attempt);
    return attempt;
  }

  /** Applications being checked right now. */
  checkingIds(): readonly string[] {
    return [...this.inFlight.keys()];
  }

  /** Resolves once no check is in flight (before the database closes). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async checkOnce(applicationId: string): Promise<StatusAnswer> {
    const active = this.session.require();
    if (!active.ok) return active;
    const application = this.db.read((r) => findApplication(r, applicationId));
    if (!application) return err({ kind: 'not-found' });
    if (application.summary.state !== 'registered' || application.backendApplicationId === null) return err({ kind: 'not-registered' });

    // Signed in offline: no token, so no check (and no attempt counted) until an online login.
    if (active.value.token === null) return err({ kind: 'backend-unavailable' });
    const answer = await this.backend.applicationStatus(active.value.token, application.backendApplicationId);
    if (!answer.ok) return this.failed(application, answer.error);
    // An answer about another application is as useless as a malformed one.
    if (answer.value.applicationId !== application.backendApplicationId) return this.failed(application, { kind: 'invalid-response' });

    const view = answer.value;
    const now = this.clock.now();
    await this.db.write((w) => {
      const known = readKnownStatus(w, applicationId);
      const checkAttempts = isStatusChange(known, view) ? 0 : (known?.checkAttempts ?? 0) + 1;
      const handedOver = findHandOver(w, applicationId) !== null;
      const nextCheckAt = handedOver ? null : new Date(now.getTime() + nextCheckDelayMs(checkAttempts, this.options.policy)).toISOString();
      recordStatusAnswer(w, applicationId, view, { checkedAt: now.toISOString(), checkAttempts, nextCheckAt });
    });
    this.options.onReachability?.(true);
    return ok({ summary: this.summaryOf(applicationId), view });
  }

  private async failed(application: StoredApplication, failure: BackendFailure): Promise<StatusAnswer> {
    this.options.onReachability?.(failure.kind === 'http' || failure.kind === 'invalid-response', failure);
    const decision = classifyBackendFailure(failure);
    const retryAfterMs = decision.action === 'retry' ? decision.notBeforeMs : null;
    const applicationId = application.summary.applicationId;
    const now = this.clock.now();
    await this.db.write((w) => {
      const known = readKnownStatus(w, applicationId);
      const checkAttempts = (known?.checkAttempts ?? 0) + 1;
      const handedOver = findHandOver(w, applicationId) !== null;
      const nextCheckAt = handedOver ? null : new Date(now.getTime() + nextCheckDelayMs(checkAttempts, this.options.policy, retryAfterMs)).toISOString();
      recordStatusFailure(w, applicationId, { checkAttempts, nextCheckAt }, describe(failure));
    });
    // The token expired at the backend: the operator signs in again (as the outbox does).
    if (decision.action === 'reauthenticate') {
      this.session.end();
      return err({ kind: 'not-signed-in' });
    }
    return err({ kind: 'backend-unavailable' });
  }

  private summaryOf(applicationId: string): ApplicationSummary {
    const stored = this.db.read((r) => findApplication(r, applicationId));
    if (!stored) throw new Error('application vanished while its status was recorded');
    return stored.summary;
  }
}
