import type { FastifyInstance } from 'fastify';
import { PROBLEM_CODES } from '../../core/backendApi/wire';
import type { BearerGuard } from '../http/bearerAuth';
import { refusal, sendProblem } from '../http/problem';
import type { ProviderDesk } from '../provider/providerDesk';
import type { BackendStore } from '../state/backendStore';

export interface ResultRouteDeps {
  readonly guard: BearerGuard;
  readonly store: BackendStore;
  readonly provider: ProviderDesk;
}

export function registerResultRoutes(app: FastifyInstance, deps: ResultRouteDeps): void {
  /**
   * The result PDF once the application is ready for hand-over; the same bytes every time, whose
   * SHA-256 and size the status view's `result` names. 404 `not-found` before then, as for an
   * unknown id. Never cached by intermediaries: it carries personal data.
   */
  app.get<{ Params: { applicationId: string } }>(
    '/v1/applications/:applicationId/result',
    { onRequest: deps.guard.onRequest },
    async (request, reply) => {
      const registration = deps.store.registration(request.params.applicationId);
      if (!registration) return sendProblem(reply, refusal(404, PROBLEM_CODES.notFound, 'No application with this id'));
      const result = await deps.provider.result(registration);
      if (!result) return sendProblem(reply, refusal(404, PROBLEM_CODES.notFound, 'The result is not ready for hand-over yet'));
      return reply
        .code(200)
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${result.ref.fileName}"`)
        .send(Buffer.from(result.bytes));
    },
  );
}
