/**
 * questionnaire.*: the quality questionnaire of an application's service (regulations.md §5), in
 * the wording of the regulation it was accepted under, answered once by the applicant on screen.
 * The answer is durable before it is acknowledged and records the operator at the counter.
 */
import type { Catalog, CatalogEntry } from '../../core/catalog/catalogSchema';
import type { QuestionnaireAnswers, QuestionnaireApi, QuestionnaireError, QuestionnaireForm } from '../../core/contract/questionnaire';
import { err, ok, type Result } from '../../core/result';
import { findApplication } from '../db/applications';
import type { ReadableDb, SqlJsDatabase } from '../db/SqlJsDatabase';
import type { Clock } from '../ports/Clock';
import type { OperatorSession } from '../services/OperatorSession';
import { findAnswer, insertAnswer } from './questionnaireRepository';

export class QuestionnaireService implements QuestionnaireApi {
  private readonly services: ReadonlyMap<string, CatalogEntry>;

  constructor(
    private readonly db: SqlJsDatabase,
    private readonly session: OperatorSession,
    /** Every version of every service (an application keeps the regulation it was accepted under). */
    catalog: Catalog,
    private readonly clock: Clock,
  ) {
    this.services = new Map(catalog.services.map((s) => [s.id, s]));
  }

  async forApplication(applicationId: string): Promise<Result<QuestionnaireForm, QuestionnaireError>> {
    const active = this.session.require();
    if (!active.ok) return active;
    return this.db.read((r) => this.form(r, applicationId));
  }

  async answer(applicationId: string, answers: QuestionnaireAnswers): Promise<Result<QuestionnaireForm, QuestionnaireError>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const { operator } = active.value;
    const answeredAt = this.clock.now().toISOString();
    // Check and insert in one transaction: two answers racing cannot both be stored.
    return this.db.write((w) => {
      const form = this.form(w, applicationId);
      if (!form.ok) return form;
      if (form.value.answeredAt !== null) return err({ kind: 'already-answered', answeredAt: form.value.answeredAt });
      insertAnswer(w, applicationId, { answers, answeredAt, operatorId: operator.operatorId, operatorName: operator.fullName });
      return ok({ ...form.value, answeredAt, answers });
    });
  }

  private form(db: ReadableDb, applicationId: string): Result<QuestionnaireForm, QuestionnaireError> {
    const stored = findApplication(db, applicationId);
    if (!stored) return err({ kind: 'not-found' });
    const { serviceId } = stored.summary;
    const questionnaire = this.services.get(serviceId)?.questionnaire ?? null;
    if (questionnaire === null) return err({ kind: 'no-questionnaire' });
    const answer = findAnswer(db, applicationId);
    return ok({ applicationId, serviceId, questionnaire, answeredAt: answer?.answeredAt ?? null, answers: answer?.answers ?? null });
  }
}
