import type { FastifyInstance } from 'fastify';
import { healthSchema } from '../../core/backendApi/wire';
import { sendWire } from '../http/problem';

/** Unauthenticated liveness probe; `time` lets the workstation notice a skewed clock. */
export function registerHealthRoutes(app: FastifyInstance, deps: { readonly clock: () => Date }): void {
  app.get('/v1/health', async (_request, reply) => sendWire(reply, 200, healthSchema, { status: 'ok', time: deps.clock().toISOString() }));
}
