/**
 * The local outbox as the operator and supervisor see it (issue #6): is the backend reachable,
 * what is waiting, what needs a person, and the levers — retry now, pause/resume, withdraw, re-sign.
 * Applications are "accepted at the counter" the moment they are durable, online or not; "registered"
 * once the backend confirms.
 */
import type { Result } from '../result';
import type { NotSignedIn } from './common';
import type { TlsFailureReason } from '../submission/backendFailure';
import type { SigningMethod, SigningRefusal } from './signing';
import type { ApplicationSummary } from './submissions';

export type Connectivity =
  /** No check has finished yet since start. */
  | { readonly state: 'unknown' }
  | { readonly state: 'online'; readonly since: string }
  /**
   * `nextCheckAt`: when the next health check runs (backoff while the backend stays away).
   * `tlsProblem`: the last failed attempt reached a server but refused its TLS certificate (or the
   * handshake failed): an administrator must act, waiting will not help. Absent for plain outages.
   */
  | { readonly state: 'offline'; readonly since: string; readonly nextCheckAt: string; readonly tlsProblem?: TlsFailureReason };

export interface QueueStatus {
  readonly connectivity: Connectivity;
  /** The last time the backend registered an application or answered a health check. */
  readonly lastSyncAt: string | null;
  /** Sending is paused by the operator/supervisor; applications are still accepted. */
  readonly paused: boolean;
  readonly counts: {
    readonly accepted: number;
    /** Being sent right now (a subset of accepted). */
    readonly sending: number;
    readonly registered: number;
    readonly needsAttention: number;
    readonly withdrawn: number;
  };
  /** Ids of the applications being sent right now. */
  readonly sendingIds: readonly string[];
  /** The backlog since it last was empty: total, and how many of those are still waiting (drives the progress bar). */
  readonly backlog: { readonly total: number; readonly remaining: number };
}

export type QueueActionError =
  | NotSignedIn
  | { readonly kind: 'not-found' }
  /** The application is registered (or withdrawn): nothing to do. */
  | { readonly kind: 'not-pending' };

export interface QueueApi {
  status(): Promise<Result<QueueStatus, NotSignedIn>>;
  /** Sends this application now (ignoring its backoff); resolves with its state afterwards. */
  retryNow(applicationId: string): Promise<Result<ApplicationSummary, QueueActionError>>;
  pause(): Promise<Result<QueueStatus, NotSignedIn>>;
  resume(): Promise<Result<QueueStatus, NotSignedIn>>;
  /**
   * Takes an application that is waiting or needs attention out of the queue for good (the applicant
   * withdrew, or the backend refused it and it will be taken anew). Never for a registered one.
   */
  withdraw(applicationId: string): Promise<Result<ApplicationSummary, QueueActionError>>;
  /**
   * After the backend refused the signature (revoked, expired, not the session's operator…): the
   * signed-in operator signs the same payload again with their own key and it goes back in the queue
   * under the same idempotency key.
   */
  resign(applicationId: string, signing: SigningMethod): Promise<Result<ApplicationSummary, QueueActionError | SigningRefusal | { readonly kind: 'not-signed-payload' }>>;
}
