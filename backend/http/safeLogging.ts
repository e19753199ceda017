import type { FastifyRequest } from 'fastify';

/** Where log lines go when logging is on (one JSON object per line, pino format). */
export interface LogSink {
  write(line: string): void;
}

/**
 * Logger options for fastify when a sink is given. URLs carry IINs and BINs
 * (/v1/registry/persons/{iin}), so requests are logged by route template, never by URL, and
 * client errors by type and code only: their messages may quote the request (a JSON syntax
 * error quotes the body it choked on).
 */
export function safeLoggerOptions(sink: LogSink) {
  return {
    level: 'info',
    stream: sink,
    serializers: {
      req: (request: Pick<FastifyRequest, 'method'> & { routeOptions?: { url?: string } }) => ({
        method: request.method,
        route: request.routeOptions?.url ?? '(unmatched)',
      }),
      res: (reply: { statusCode: number | string }) => ({ statusCode: reply.statusCode }),
      err: serializeError,
    },
  };
}

function serializeError(error: Error & { code?: unknown; statusCode?: unknown }) {
  const statusCode = typeof error.statusCode === 'number' ? error.statusCode : 500;
  const ours = statusCode >= 500;
  return {
    type: error.name,
    code: typeof error.code === 'string' ? error.code : undefined,
    statusCode,
    message: ours ? error.message : '(client error; message withheld)',
    stack: ours ? (error.stack ?? '') : '',
  };
}
