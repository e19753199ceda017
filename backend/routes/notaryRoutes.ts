import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_CODES, powerOfAttorneyAnswerSchema, type PowerOfAttorneyAnswer } from '../../core/backendApi/wire';
import type { BearerGuard } from '../http/bearerAuth';
import { refusal, sendProblem, sendWire } from '../http/problem';
import { parsePowerOfAttorneyNumber, type NotaryDirectory } from '../registry/notaryDirectory';
import type { BackendStore } from '../state/backendStore';

export interface NotaryRouteDeps {
  readonly guard: BearerGuard;
  readonly notary: NotaryDirectory;
  readonly store: BackendStore;
  readonly clock: () => Date;
}

/**
 * Notary registry look-ups (БНАЖ / ЕНИС; 2014 regulations W2/W3: a notarised PoA is checked
 * there). The record is returned whatever its state (revoked, expired): judging it is
 * checkPowerOfAttorney's job, at the counter and again when the application is submitted.
 * Each answer gets an id the backend remembers with the number it answered for.
 */
export function registerNotaryRoutes(app: FastifyInstance, deps: NotaryRouteDeps): void {
  app.get<{ Params: { number: string } }>(
    '/v1/notary/powers-of-attorney/:number',
    { onRequest: deps.guard.onRequest },
    async (request, reply) => {
      const number = parsePowerOfAttorneyNumber(request.params.number);
      if (!number.ok) return sendProblem(reply, number.error);
      const record = deps.notary.powerOfAttorney(number.value);
      if (!record) return sendProblem(reply, refusal(404, PROBLEM_CODES.notFound, 'No power of attorney with this number in the notary registry'));

      const issued = { answerId: randomUUID(), number: record.number, answeredAt: deps.clock().toISOString() };
      await deps.store.recordNotaryAnswer(issued);
      const answer: PowerOfAttorneyAnswer = { answerId: issued.answerId, answeredAt: issued.answeredAt, record };
      return sendWire(reply, 200, powerOfAttorneyAnswerSchema, answer);
    },
  );
}
