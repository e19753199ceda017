import type { FastifyInstance } from 'fastify';
import type { BackendTrust } from '../pki/backendTrust';
import { CRL_REISSUE_AFTER_MS, type CrlPublisher } from '../pki/crlPublisher';

export interface PkiRouteDeps {
  readonly crl: CrlPublisher;
  readonly trust: Pick<BackendTrust, 'crlsDer'>;
  readonly clock: () => Date;
}

/** The CAs' CRLs for the workstation's pre-signing revocation check. Public: a CRL is signed, not secret. */
export function registerPkiRoutes(app: FastifyInstance, deps: PkiRouteDeps): void {
  // Every CA the backend trusts for operators, GOST and RSA alike: { crls: [base64 DER, …] }.
  app.get('/v1/pki/crls', async (_request, reply) => {
    const crls = deps.trust.crlsDer(deps.clock()).map((der) => Buffer.from(der).toString('base64'));
    return reply.code(200).header('cache-control', `public, max-age=${CRL_REISSUE_AFTER_MS / 1000}`).send({ crls });
  });

  app.get('/v1/pki/crl', async (_request, reply) => {
    const der = deps.crl.crlAt(deps.clock());
    // Caches may keep it as long as the backend itself serves the same CRL.
    const maxAge = CRL_REISSUE_AFTER_MS / 1000;
    return reply.code(200).type('application/pkix-crl').header('cache-control', `public, max-age=${maxAge}`).send(Buffer.from(der));
  });
}
