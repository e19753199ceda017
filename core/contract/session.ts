import { z } from 'zod';
import type { Result } from '../result';
import type { Operator } from '../backendApi/wire';

export const loginRequestSchema = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export type OperatorProfile = Operator & {
  /**
   * True after an offline sign-in: the backend was unreachable and the password was checked
   * against the verifier cached at the last online login. Work stays local (drafts, the outbox
   * accepts); registry lookups, sending and status checks wait for an online login.
   */
  readonly offline?: boolean;
};

export type LoginError =
  | { readonly kind: 'invalid-credentials' }
  /** The backend could not be reached or answered with a server error; retrying later may help. */
  | { readonly kind: 'backend-unavailable' }
  /** Too many failed attempts for this login: refused without asking the backend until `until` (ISO time). */
  | { readonly kind: 'locked-out'; readonly until: string };

export interface SessionApi {
  /**
   * Verifies the credentials with the licensing backend; on success main holds the session. When
   * the backend is unreachable, a password verifier cached at an online login within the last
   * days signs the operator in offline (`offline: true`); lockout counts failures of both.
   */
  login(request: LoginRequest): Promise<Result<OperatorProfile, LoginError>>;
  /** Ends the session; main forgets the backend token. Always succeeds. */
  logout(): Promise<Result<null, never>>;
  /** Idle auto-lock: ends the session like logout (the operator signs in again; drafts stay). */
  lock(): Promise<Result<null, never>>;
  /** The signed-in operator, or null. */
  current(): Promise<Result<OperatorProfile | null, never>>;
}
