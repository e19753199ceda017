import Fastify, { type FastifyInstance } from 'fastify';
import { answerClientError, answerFrameworkError, installProblemHandlers } from './errorHandling';
import { safeLoggerOptions, type LogSink } from './safeLogging';

/** JSON bodies are small (an application lists at most 100 document refs); blobs set their own limit. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Generous enough for a 30 MiB upload over a slow PSC uplink, short enough that a stalled
 * client cannot hold a socket forever.
 */
const TIMEOUTS = {
  /** Whole request, headers and body. */
  requestTimeout: 120_000,
  /** Socket inactivity. */
  connectionTimeout: 60_000,
  keepAliveTimeout: 10_000,
} as const;

/** PEM certificate (chain, leaf first) and private key the server presents; null = plain HTTP. */
export interface BackendTlsIdentity {
  readonly certPem: string;
  readonly keyPem: string;
}

/** The fastify instance with limits, timeouts, parsers and problem-JSON error answers; no routes yet. */
export function createHttpApp(log: LogSink | null, tls: BackendTlsIdentity | null = null): FastifyInstance {
  const app = Fastify({
    ...(tls === null ? {} : { https: { cert: tls.certPem, key: tls.keyPem } }),
    logger: log ? safeLoggerOptions(log) : false,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    ...TIMEOUTS,
    // fastify's own 503 while closing is not a problem JSON; finishing in-flight requests is fine.
    return503OnClosing: false,
    frameworkErrors: (error, _request, reply) => answerFrameworkError(error, reply),
    clientErrorHandler: answerClientError,
  });
  // The API speaks JSON and raw bytes only; anything else (fastify also parses text/plain) is 415.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  installProblemHandlers(app);
  return app;
}
