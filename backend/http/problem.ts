import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { PROBLEM_CODES, problemSchema } from '../../core/backendApi/wire';

/**
 * Codes for answers PROBLEM_CODES has no entry for (it lists only what the workstation reacts
 * to): a server fault and a request that did not arrive in time. The client treats an unknown
 * code on a 5xx/408 as "backend unavailable, retry later".
 */
export const INTERNAL_ERROR_CODE = PROBLEM_CODES.internal;
export const REQUEST_TIMEOUT_CODE = PROBLEM_CODES.requestTimeout;

export type ProblemCode =
  | (typeof PROBLEM_CODES)[keyof typeof PROBLEM_CODES]
  | typeof INTERNAL_ERROR_CODE
  | typeof REQUEST_TIMEOUT_CODE;

/** A refusal decided by backend logic, carried as a value until a route turns it into HTTP. */
export interface Refusal {
  readonly status: number;
  readonly code: ProblemCode;
  /** For logs only; never contains identifiers, names or other personal data. */
  readonly message: string;
}

/**
 * Sends `body` after parsing it with its wire schema: the workstation validates every answer
 * with the same schema, so a body that would fail there is a server bug and becomes a 500.
 */
export function sendWire<S extends z.ZodType>(reply: FastifyReply, status: number, schema: S, body: z.input<S>): FastifyReply {
  const wire = schema.parse(body);
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(wire));
}

export function sendProblem(reply: FastifyReply, refusal: Refusal): FastifyReply {
  if (refusal.status === 401) reply.header('www-authenticate', 'Bearer');
  return sendWire(reply, refusal.status, problemSchema, { code: refusal.code, message: refusal.message });
}

export function refusal(status: number, code: ProblemCode, message: string): Refusal {
  return { status, code, message };
}

/**
 * A 400 naming the offending fields by path only: zod messages are generic, but the values
 * themselves (IINs, names) must never be echoed into a message that may end up in a log.
 */
export function invalidBody(error: z.ZodError, what: string): Refusal {
  const paths = [...new Set(error.issues.map((issue) => issue.path.map(String).join('.') || '(root)'))].slice(0, 10);
  return refusal(400, PROBLEM_CODES.validation, `${what} is invalid at: ${paths.join(', ')}`);
}
