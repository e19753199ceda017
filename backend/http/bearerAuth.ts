import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { PROBLEM_CODES, type Operator } from '../../core/backendApi/wire';
import type { SessionRegistry } from '../auth/sessionRegistry';
import { refusal, sendProblem } from './problem';

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Route guard for everything except session and health (RFC 6750 bearer tokens). The operator
 * is kept per request in a WeakMap rather than by decorating fastify's request type globally.
 */
export class BearerGuard {
  private readonly operators = new WeakMap<FastifyRequest, Operator>();

  constructor(
    private readonly sessions: SessionRegistry,
    private readonly clock: () => Date,
  ) {}

  readonly preHandler: preHandlerAsyncHookHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    const operator = token === undefined ? null : this.sessions.resolve(token, this.clock());
    if (!operator) return sendProblem(reply, refusal(401, PROBLEM_CODES.unauthorized, 'Missing, unknown or expired bearer token'));
    this.operators.set(request, operator);
  };

  /** The signed-in operator of a request that passed `preHandler`. */
  operatorOf(request: FastifyRequest): Operator {
    const operator = this.operators.get(request);
    if (!operator) throw new Error('route is missing the bearer guard');
    return operator;
  }
}
