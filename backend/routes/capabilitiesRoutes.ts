import type { FastifyInstance } from 'fastify';
import { capabilitiesSchema, type BackendLimits } from '../../core/backendApi/wire';
import { sendWire } from '../http/problem';

/** Unauthenticated: the workstation learns the limits while online and keeps them for offline work. */
export function registerCapabilitiesRoutes(app: FastifyInstance, deps: { readonly limits: BackendLimits }): void {
  app.get('/v1/capabilities', async (_request, reply) => sendWire(reply, 200, capabilitiesSchema, { limits: deps.limits }));
}
