import type { FastifyInstance } from 'fastify';
import { PROBLEM_CODES, sessionRequestSchema, sessionResponseSchema } from '../../core/backendApi/wire';
import type { OperatorDirectory } from '../auth/operatorDirectory';
import type { SessionRegistry } from '../auth/sessionRegistry';
import { invalidBody, refusal, sendProblem, sendWire } from '../http/problem';

export interface SessionRouteDeps {
  readonly operators: OperatorDirectory;
  readonly sessions: SessionRegistry;
  readonly clock: () => Date;
}

/** Operator login. A wrong login and a wrong password get the same 401, so logins cannot be probed. */
export function registerSessionRoutes(app: FastifyInstance, deps: SessionRouteDeps): void {
  app.post('/v1/session', async (request, reply) => {
    const body = sessionRequestSchema.safeParse(request.body);
    if (!body.success) return sendProblem(reply, invalidBody(body.error, 'Session request'));

    const operator = await deps.operators.authenticate(body.data.login, body.data.password);
    if (!operator) return sendProblem(reply, refusal(401, PROBLEM_CODES.invalidCredentials, 'Login or password is wrong'));

    const session = await deps.sessions.issue(operator, deps.clock());
    return sendWire(reply, 200, sessionResponseSchema, { token: session.token, expiresAt: session.expiresAt.toISOString(), operator });
  });
}
