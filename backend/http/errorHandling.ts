import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { PROBLEM_CODES, problemSchema, type Problem } from '../../core/backendApi/wire';
import { INTERNAL_ERROR_CODE, REQUEST_TIMEOUT_CODE, refusal, sendProblem } from './problem';

/**
 * Fixed messages per status: fastify's own messages can quote parts of the request, and a
 * request may carry an IIN, so none of them is echoed back or logged.
 */
const CLIENT_ERROR_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Malformed request',
  404: 'No such resource',
  413: 'Request body too large',
  415: 'Unsupported content type; expected application/json or application/octet-stream',
};

/** Every non-2xx answer, including framework-level ones, is a problem JSON: never HTML or a stack. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => sendProblem(reply, refusal(404, PROBLEM_CODES.notFound, 'No such resource')));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return sendProblem(reply, refusal(status, PROBLEM_CODES.validation, CLIENT_ERROR_MESSAGES[status] ?? 'Bad request'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, refusal(500, INTERNAL_ERROR_CODE, 'Internal error'));
  });
}

/** For fastify's `frameworkErrors` option: a URL the router cannot decode, or a too-long parameter. */
export function answerFrameworkError(_error: FastifyError, reply: FastifyReply): void {
  void sendProblem(reply, refusal(400, PROBLEM_CODES.validation, 'Malformed request URL'));
}

/**
 * For fastify's `clientErrorHandler`: the HTTP parser gave up before a request existed, so the
 * answer is written to the socket by hand (same shape as every other answer).
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, problem]: [number, string, Problem] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', { code: REQUEST_TIMEOUT_CODE, message: 'Request not received in time' }]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', { code: PROBLEM_CODES.validation, message: 'Request headers too large' }]
        : [400, 'Bad Request', { code: PROBLEM_CODES.validation, message: 'Malformed HTTP request' }];
  const body = JSON.stringify(problemSchema.parse(problem));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
