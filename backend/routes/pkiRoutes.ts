import type { FastifyInstance } from 'fastify';
import { CRL_REISSUE_AFTER_MS, type CrlPublisher } from '../pki/crlPublisher';

export interface PkiRouteDeps {
  readonly crl: CrlPublisher;
  readonly clock: () => Date;
}

/** The CA's CRL for the workstation's pre-signing revocation check. Public: a CRL is signed, not secret. */
export function registerPkiRoutes(app: FastifyInstance, deps: PkiRouteDeps): void {
  app.get('/v1/pki/crl', async (_request, reply) => {
    const der = deps.crl.crlAt(deps.clock());
    // Caches may keep it as long as the backend itself serves the same CRL.
    const maxAge = CRL_REISSUE_AFTER_MS / 1000;
    return reply.code(200).type('application/pkix-crl').header('cache-control', `public, max-age=${maxAge}`).send(Buffer.from(der));
  });
}
