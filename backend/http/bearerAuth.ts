import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { PROBLEM_CODES, type Operator } from '../../core/backendApi/wire';
import type { SessionRegistry } from '../auth/sessionRegistry';
import { refusal, sendProblem } from './problem';

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** Whether a request announces a body (Content-Length above zero, or chunked). */
export function hasRequestBody(request: FastifyRequest): boolean {
  const length = Number(request.headers['content-length'] ?? 0);
  return length > 0 || request.headers['transfer-encoding'] !== undefined;
}

/**
 * Route guard for everything except session, health and capabilities (RFC 6750 bearer tokens). It
 * runs on `onRequest`, before fastify reads a byte of the body: an unauthenticated upload of 30 MiB
 * is answered 401 at once, and the connection is closed rather than drained, so nothing of it is
 * buffered. The operator is kept per request in a WeakMap rather than by decorating fastify's
 * request type globally.
 */
export class BearerGuard {
  private readonly operators = new WeakMap<FastifyRequest, Operator>();

  constructor(
    private readonly sessions: SessionRegistry,
    private readonly clock: () => Date,
  ) {}

  readonly onRequest: onRequestAsyncHookHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    const operator = token === undefined ? null : this.sessions.resolve(token, this.clock());
    if (!operator) {
      if (hasRequestBody(request)) reply.header('connection', 'close');
      return sendProblem(reply, refusal(401, PROBLEM_CODES.unauthorized, 'Missing, unknown or expired bearer token'));
    }
    this.operators.set(request, operator);
  };

  /** The signed-in operator of a request that passed `onRequest`. */
  operatorOf(request: FastifyRequest): Operator {
    const operator = this.operators.get(request);
    if (!operator) throw new Error('route is missing the bearer guard');
    return operator;
  }
}
