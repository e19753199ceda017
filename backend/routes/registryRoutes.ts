import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_CODES, registryAnswerSchema, type RegistryAnswer, type RegistryRecord } from '../../core/backendApi/wire';
import type { BearerGuard } from '../http/bearerAuth';
import { refusal, sendProblem, sendWire } from '../http/problem';
import { parseIdentifier, type RegistryDirectory } from '../registry/registryDirectory';
import type { BackendStore } from '../state/backendStore';

export interface RegistryRouteDeps {
  readonly guard: BearerGuard;
  readonly directory: RegistryDirectory;
  readonly store: BackendStore;
  readonly clock: () => Date;
}

/**
 * State registry look-ups. Each answer gets an id the backend remembers with the identifier it
 * answered for; an application must cite an answer about its own applicant.
 */
export function registerRegistryRoutes(app: FastifyInstance, deps: RegistryRouteDeps): void {
  const answer = async (record: RegistryRecord, identifier: string): Promise<RegistryAnswer> => {
    const issued = { answerId: randomUUID(), kind: record.kind, identifier, answeredAt: deps.clock().toISOString() };
    await deps.store.recordRegistryAnswer(issued);
    return { answerId: issued.answerId, answeredAt: issued.answeredAt, record };
  };

  app.get<{ Params: { iin: string } }>('/v1/registry/persons/:iin', { onRequest: deps.guard.onRequest }, async (request, reply) => {
    const iin = parseIdentifier(request.params.iin);
    if (!iin.ok) return sendProblem(reply, iin.error);
    const record = deps.directory.person(iin.value);
    if (!record) return sendProblem(reply, refusal(404, PROBLEM_CODES.notFound, 'No person with this IIN in the registry'));
    return sendWire(reply, 200, registryAnswerSchema, await answer(record, iin.value));
  });

  app.get<{ Params: { bin: string } }>('/v1/registry/legal-entities/:bin', { onRequest: deps.guard.onRequest }, async (request, reply) => {
    const bin = parseIdentifier(request.params.bin);
    if (!bin.ok) return sendProblem(reply, bin.error);
    const record = deps.directory.legalEntity(bin.value);
    if (!record) return sendProblem(reply, refusal(404, PROBLEM_CODES.notFound, 'No legal entity with this BIN in the registry'));
    return sendWire(reply, 200, registryAnswerSchema, await answer(record, bin.value));
  });
}
