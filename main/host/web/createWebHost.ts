import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { ContractViolation, dispatchContractCall, type WorkstationApi } from '../../../core/contract/workstationApi';
import { RENDERER_CSP, TOKEN_HEADER, checkRpcRequest } from './webHostSecurity';

export interface WebHostOptions {
  /**
   * The services, or their promise: the host can listen (and the browser fetch the renderer) while
   * the workstation is still opening its database; calls wait for it.
   */
  readonly api: WorkstationApi | Promise<WorkstationApi>;
  readonly rendererDir: string;
  /** 0 picks a free port. Always bound to 127.0.0.1. */
  readonly port: number;
  /** Fixed token for tests; a fresh random one per launch otherwise. */
  readonly token?: string;
  readonly onUnexpectedError: (error: unknown) => void;
}

export interface WebHost {
  /** Address to open, with the launch token in the fragment (never sent to the server by browsers). */
  readonly launchUrl: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * The browser host: the same services as the Electron host, the same renderer, served on
 * 127.0.0.1. Calls arrive as `POST /rpc/<area>/<method>` with `{"args": [...]}` and go through
 * the contract's dispatcher, which parses every argument.
 */
export async function createWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  // forceCloseConnections: closing the host must not wait for a browser's keep-alive connections.
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 40 * 1024 * 1024, forceCloseConnections: true });
  let port = options.port;

  app.addHook('onSend', async (_request, reply) => {
    reply.header('Content-Security-Policy', RENDERER_CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Cache-Control', 'no-store');
  });

  // Before a byte of any body is read: anything but fetching the renderer's files must be a call of
  // ours (Host, Origin, token, JSON). A refused request with a body gets its 403 at once and the
  // connection is closed instead of drained, so a stranger's 40 MB upload is never buffered.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const rejection = checkRpcRequest(
      {
        host: request.headers.host,
        origin: request.headers.origin,
        token: request.headers[TOKEN_HEADER] as string | undefined,
        contentType: request.headers['content-type'],
      },
      { port, token },
    );
    if (!rejection) return;
    if (Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined) reply.header('connection', 'close');
    return reply.code(403).send({ error: rejection });
  });

  app.post<{ Params: { area: string; method: string } }>('/rpc/:area/:method', async (request, reply) => {
    const body = request.body as { args?: unknown } | null;
    try {
      return await dispatchContractCall(await options.api, request.params.area, request.params.method, body?.args);
    } catch (error) {
      if (error instanceof ContractViolation) return reply.code(400).send({ error: 'contract-violation', detail: error.message });
      options.onUnexpectedError(error);
      return reply.code(500).send({ error: 'internal' });
    }
  });

  await app.register(fastifyStatic, { root: options.rendererDir, index: ['index.html'], serve: true, wildcard: false });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not-found' }));
  app.setErrorHandler((error, _request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) options.onUnexpectedError(error);
    return reply.code(status).send({ error: status >= 500 ? 'internal' : 'bad-request' });
  });

  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    launchUrl: `${origin}/#token=${token}`,
    origin,
    token,
    close: () => app.close(),
  };
}
