import type { FastifyInstance } from 'fastify';
import { applicationStatusViewSchema, applicationSubmissionSchema, PROBLEM_CODES, registrationSchema } from '../../core/backendApi/wire';
import type { ApplicationRegistrar } from '../applications/applicationRegistrar';
import type { BearerGuard } from '../http/bearerAuth';
import { invalidBody, refusal, sendProblem, sendWire } from '../http/problem';
import { parseIdempotencyKey } from '../idempotency/idempotencyKey';
import { requestFingerprint } from '../idempotency/requestFingerprint';
import type { ProviderDesk } from '../provider/providerDesk';
import type { BackendStore } from '../state/backendStore';

export interface ApplicationRouteDeps {
  readonly guard: BearerGuard;
  readonly registrar: ApplicationRegistrar;
  readonly store: BackendStore;
  readonly provider: ProviderDesk;
}

export function registerApplicationRoutes(app: FastifyInstance, deps: ApplicationRouteDeps): void {
  /** 201 for a new registration, 200 with the same registration for an idempotent replay. */
  app.post('/v1/applications', { onRequest: deps.guard.onRequest }, async (request, reply) => {
    const key = parseIdempotencyKey(request.headers['idempotency-key']);
    if (!key.ok) return sendProblem(reply, key.error);
    const submission = applicationSubmissionSchema.safeParse(request.body);
    if (!submission.success) return sendProblem(reply, invalidBody(submission.error, 'Application'));

    const operator = deps.guard.operatorOf(request);
    const outcome = await deps.registrar.submit({
      idempotencyKey: key.value,
      // The body as received, not as parsed: any difference in what the client sent counts.
      fingerprint: requestFingerprint(request.body),
      body: request.body,
      submission: submission.data,
      operator: { operatorId: operator.operatorId, iin: operator.iin },
    });
    if (!outcome.ok) return sendProblem(reply, outcome.error);
    // The status at this instant: `registered` for a new one, possibly further along for a late replay.
    return sendWire(reply, outcome.value.replayed ? 200 : 201, registrationSchema, deps.provider.registrationNow(outcome.value.registration));
  });

  /** The registration with the provider's status history, decision and result reference as of now. */
  app.get<{ Params: { applicationId: string } }>(
    '/v1/applications/:applicationId',
    { onRequest: deps.guard.onRequest },
    async (request, reply) => {
      const registration = deps.store.registration(request.params.applicationId);
      if (!registration) return sendProblem(reply, refusal(404, PROBLEM_CODES.notFound, 'No application with this id'));
      return sendWire(reply, 200, applicationStatusViewSchema, await deps.provider.statusView(registration));
    },
  );
}
