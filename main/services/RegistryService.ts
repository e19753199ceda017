import { randomUUID } from 'node:crypto';
import { validateKzIdentifier } from '../../core/identifiers/kzIdentifier';
import type { ApplicantCard, ApplicantQuery, LookupError, RegistryApi } from '../../core/contract/registry';
import type { Result } from '../../core/result';
import type { LicensingBackend } from '../ports/LicensingBackend';
import type { Clock } from '../ports/Clock';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { insertRegistrySnapshot } from '../db/registrySnapshots';
import type { OperatorSession } from './OperatorSession';

export class RegistryService implements RegistryApi {
  constructor(
    private readonly backend: LicensingBackend,
    private readonly session: OperatorSession,
    private readonly db: SqlJsDatabase,
    private readonly clock: Clock,
  ) {}

  async lookupApplicant(query: ApplicantQuery): Promise<Result<ApplicantCard, LookupError>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const id = query.kind === 'individual' ? query.iin : query.bin;
    if (!validateKzIdentifier(id).ok) return { ok: false, error: { kind: 'invalid-identifier' } };

    const { token, operator } = active.value;
    const answer = query.kind === 'individual' ? await this.backend.lookupPerson(token, id) : await this.backend.lookupLegalEntity(token, id);
    if (!answer.ok) {
      const failure = answer.error;
      if (failure.kind === 'http' && failure.status === 404) return { ok: false, error: { kind: 'not-found' } };
      if (failure.kind === 'http' && failure.status === 401) {
        this.session.end();
        return { ok: false, error: { kind: 'not-signed-in' } };
      }
      return { ok: false, error: { kind: 'registry-unavailable' } };
    }
    const returnedId = answer.value.record.kind === 'individual' ? answer.value.record.iin : answer.value.record.bin;
    if (answer.value.record.kind !== query.kind || returnedId !== id) return { ok: false, error: { kind: 'registry-unavailable' } };

    const snapshotId = randomUUID();
    await this.db.write((w) =>
      insertRegistrySnapshot(w, { id: snapshotId, operatorId: operator.operatorId, answer: answer.value, createdAt: this.clock.now().toISOString() }),
    );
    return { ok: true, value: { snapshotId, answeredAt: answer.value.answeredAt, record: answer.value.record } };
  }
}
