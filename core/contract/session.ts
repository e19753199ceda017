import { z } from 'zod';
import type { Result } from '../result';
import type { Operator } from '../backendApi/wire';

export const loginRequestSchema = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export type OperatorProfile = Operator;

export type LoginError =
  | { readonly kind: 'invalid-credentials' }
  /** The backend could not be reached or answered with a server error; retrying later may help. */
  | { readonly kind: 'backend-unavailable' };

export interface SessionApi {
  /** Verifies the credentials with the licensing backend; on success main holds the session. */
  login(request: LoginRequest): Promise<Result<OperatorProfile, LoginError>>;
  /** Ends the session; main forgets the backend token. Always succeeds. */
  logout(): Promise<Result<null, never>>;
  /** The signed-in operator, or null. */
  current(): Promise<Result<OperatorProfile | null, never>>;
}
