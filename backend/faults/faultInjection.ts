import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemSchema } from '../../core/backendApi/wire';
import { sendWire } from '../http/problem';
import type { FaultKind } from './decideFault';
import type { FaultController } from './faultController';

/**
 * Problem codes of injected answers. Not in PROBLEM_CODES (the workstation does not react to a
 * code here, only to the status): a client must treat them as any 5xx / 429, "retry later".
 */
export const FAULT_PROBLEM_CODES: Readonly<Record<number, string>> = {
  429: 'rate-limited',
  500: 'internal-error',
  502: 'bad-gateway',
  503: 'service-unavailable',
  504: 'gateway-timeout',
};

/**
 * Installs the fault hooks on a fastify app; call before the routes are registered. `onRequest`
 * decides (route template and method only, never the URL: it can carry an IIN) and acts before
 * authentication and body parsing; `onSend` drops the answer of a registration marked to lose it;
 * `preClose` releases hung connections so the server can close.
 */
export function installFaultInjection(app: FastifyInstance, control: FaultController): void {
  const hung = new Set<Socket>();
  const losing = new WeakSet<FastifyRequest>();

  const applied = (request: FastifyRequest, kind: Exclude<FaultKind, 'none'>) => {
    control.record(kind);
    request.log.info({ fault: kind, route: request.routeOptions.url ?? '(unmatched)' }, 'fault injected');
  };

  app.addHook('onRequest', async (request, reply) => {
    const decision = control.decide({ method: request.method, route: request.routeOptions.url ?? null });
    if (decision === null) return;
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    const action = decision.action;
    switch (action.kind) {
      case 'none':
        return;
      case 'lose-response':
        losing.add(request);
        return;
      case 'reset':
        applied(request, 'reset');
        return resetConnection(request, reply);
      case 'server-error':
        applied(request, 'server-error');
        return sendFaultProblem(reply, action.status, 'Injected fault: server error');
      case 'rate-limit':
        applied(request, 'rate-limit');
        reply.header('retry-after', String(action.retryAfterSeconds));
        return sendFaultProblem(reply, 429, 'Injected fault: too many requests');
      case 'hang': {
        applied(request, 'hang');
        reply.hijack();
        const socket = request.raw.socket;
        hung.add(socket);
        socket.once('close', () => hung.delete(socket));
        return;
      }
      case 'outage':
        applied(request, 'outage');
        if (action.mode === 'reset') return resetConnection(request, reply);
        return sendFaultProblem(reply, 503, 'Injected fault: backend unavailable');
    }
  });

  // Runs after the handler has registered and committed: the registration exists, its answer never arrives.
  app.addHook('onSend', async (request, reply, payload) => {
    if (losing.has(request) && reply.statusCode === 201) {
      applied(request, 'lose-response');
      resetSocket(request.raw.socket);
    }
    return payload;
  });

  app.addHook('preClose', async () => {
    for (const socket of hung) socket.destroy();
    hung.clear();
  });
}

function resetConnection(request: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  resetSocket(request.raw.socket);
}

/** A TCP RST, as a crashed peer or a middlebox sends; a plain destroy where there is no TCP handle (a pipe). */
function resetSocket(socket: Socket): void {
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

function sendFaultProblem(reply: FastifyReply, status: number, message: string): FastifyReply {
  return sendWire(reply, status, problemSchema, { code: FAULT_PROBLEM_CODES[status] ?? 'internal-error', message });
}
