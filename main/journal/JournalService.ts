/**
 * journal.*: times every counter visit step by step (main's clock, never the renderer's) against
 * the action-table norms and the visit budget of its service, and gives supervisors the report
 * and its CSV exports.
 *
 * A visit learns its service through its application. The first non-null `applicationId` sticks; a
 * later mark naming a different one is a renderer bug and its link is ignored (the mark itself
 * still counts), as is an id this workstation does not know. Service, numbers and status are read
 * from the linked application when the report is made, so linking late (after submission) is fine;
 * until then the norms are null. The visit's kind and operator are those of its first mark (a later
 * mark with another kind, or by another operator after a change of shift, does not rewrite them).
 * Every write is durable before the call resolves.
 */
import type { Catalog, CatalogEntry } from '../../core/catalog/catalogSchema';
import type { Language } from '../../core/contract/common';
import type {
  JournalApi, JournalCsv, JournalError, JournalExportKind, JournalFilter, JournalReport, JournalVisit, StepMark, VisitTimer,
} from '../../core/contract/journal';
import type { NotSignedIn } from '../../core/contract/common';
import type { ApplicationSummary } from '../../core/contract/submissions';
import { journalCsvFileName, questionnaireCsv, visitsCsv } from '../../core/journal/journalCsv';
import { journalStatusOf } from '../../core/journal/journalStatus';
import { isWithinKzDays, utcWindowAround } from '../../core/journal/kzDayRange';
import { budgetForVisit, normForStep } from '../../core/journal/stepNorms';
import { startsNewStep, timeVisit } from '../../core/journal/stepTimes';
import { summarizeSteps } from '../../core/journal/summarizeSteps';
import { tallyQuestionnaire } from '../../core/journal/tallyQuestionnaire';
import { err, ok, type Result } from '../../core/result';
import { findApplicationSummary } from '../db/applications';
import type { ReadableDb, SqlJsDatabase } from '../db/SqlJsDatabase';
import type { Clock } from '../ports/Clock';
import type { OperatorSession } from '../services/OperatorSession';
import { listAnswersBetween } from '../questionnaire/questionnaireRepository';
import {
  applicationExists, endVisitAt, setVisitService, findVisit, insertMark, insertVisit, lastMark, linkVisitApplication,
  listApplicationIdsAcceptedBetween, listMarksOfVisitsStartedBetween, listVisitsStartedBetween,
} from './journalRepository';

export interface JournalServiceOptions {
  /** Language of the CSV headers (the interface language chosen last). */
  readonly csvLanguage: () => Language;
}

export class JournalService implements JournalApi {
  private readonly services: ReadonlyMap<string, CatalogEntry>;

  constructor(
    private readonly db: SqlJsDatabase,
    private readonly session: OperatorSession,
    /** Every version of every service: a visit is timed by the regulation its application was accepted under. */
    catalog: Catalog,
    private readonly clock: Clock,
    private readonly options: JournalServiceOptions,
  ) {
    this.services = new Map(catalog.services.map((s) => [s.id, s]));
  }

  async markStep(mark: StepMark): Promise<Result<VisitTimer, NotSignedIn | { readonly kind: 'visit-closed' }>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const { operator } = active.value;
    const now = this.clock.now().toISOString();
    return this.db.write((w): Result<VisitTimer, { readonly kind: 'visit-closed' }> => {
      const existing = findVisit(w, mark.visitId);
      if (existing?.endedAt) return err({ kind: 'visit-closed' });
      const link = mark.applicationId !== null && applicationExists(w, mark.applicationId) ? mark.applicationId : null;
      if (!existing) {
        insertVisit(w, {
          visitId: mark.visitId, kind: mark.kind, operatorId: operator.operatorId, operatorName: operator.fullName, applicationId: link, serviceId: this.knownService(mark.serviceId), startedAt: now,
        });
      } else {
        if (existing.applicationId === null && link !== null) linkVisitApplication(w, mark.visitId, link);
        const serviceId = this.knownService(mark.serviceId);
        if (serviceId !== null && serviceId !== existing.serviceId) setVisitService(w, mark.visitId, serviceId);
      }
      const last = lastMark(w, mark.visitId);
      let stepStartedAt = last?.at ?? now;
      if (!last || startsNewStep(last.step, mark.step)) {
        insertMark(w, mark.visitId, { seq: (last?.seq ?? 0) + 1, step: mark.step, at: now });
        stepStartedAt = now;
      }
      const visit = findVisit(w, mark.visitId)!;
      const entry = this.entryOfApplication(w, visit.applicationId) ?? this.entryOf(visit.serviceId);
      return ok({
        visitId: visit.visitId,
        visitStartedAt: visit.startedAt,
        step: mark.step,
        stepStartedAt,
        stepNorm: normForStep(entry, mark.step),
        budgetMinutes: budgetForVisit(entry, visit.kind),
      });
    });
  }

  async endVisit(visitId: string): Promise<Result<null, NotSignedIn>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const now = this.clock.now().toISOString();
    await this.db.write((w) => endVisitAt(w, visitId, now));
    return ok(null);
  }

  async report(filter: JournalFilter): Promise<Result<JournalReport, JournalError>> {
    const allowed = this.requireSupervisor();
    if (!allowed.ok) return allowed;
    return ok(this.db.read((r) => this.buildReport(r, filter)));
  }

  async exportCsv(filter: JournalFilter, kind: JournalExportKind): Promise<Result<JournalCsv, JournalError>> {
    const allowed = this.requireSupervisor();
    if (!allowed.ok) return allowed;
    const language = this.options.csvLanguage();
    const csv = this.db.read((r) => {
      if (kind === 'visits') return visitsCsv(this.visits(r, filter), language);
      return questionnaireCsv(this.answers(r, filter), language);
    });
    return ok({ fileName: journalCsvFileName(kind, filter.from, filter.to), csv });
  }

  private requireSupervisor(): Result<null, JournalError> {
    const active = this.session.require();
    if (!active.ok) return active;
    return active.value.operator.role === 'supervisor' ? ok(null) : err({ kind: 'not-supervisor' });
  }

  private buildReport(db: ReadableDb, filter: JournalFilter): JournalReport {
    const visits = this.visits(db, filter);
    const window = utcWindowAround(filter.from, filter.to);
    const countsByStatus: Record<string, number> = {};
    for (const id of listApplicationIdsAcceptedBetween(db, window.fromIso, window.toIso, filter.operatorId, filter.serviceId)) {
      const summary = findApplicationSummary(db, id);
      if (!summary || !isWithinKzDays(summary.acceptedAt, filter.from, filter.to)) continue;
      const status = journalStatusOf(summary);
      countsByStatus[status] = (countsByStatus[status] ?? 0) + 1;
    }
    // Every operator with a visit in the range, whatever the operator/service filter: the filter's choices.
    const operators = new Map<string, string>();
    for (const v of listVisitsStartedBetween(db, window.fromIso, window.toIso, null)) {
      if (isWithinKzDays(v.startedAt, filter.from, filter.to)) operators.set(v.operatorId, v.operatorName);
    }
    return {
      filter,
      countsByStatus,
      visits,
      steps: summarizeSteps(visits),
      questionnaire: tallyQuestionnaire(this.answers(db, filter).flatMap((a) => (a.serviceId === null ? [] : [{ ...a, serviceId: a.serviceId }]))),
      operators: [...operators].map(([operatorId, operatorName]) => ({ operatorId, operatorName })).sort((a, b) => a.operatorName.localeCompare(b.operatorName)),
    };
  }

  /** Visits started on the filter's Kazakhstan days, oldest first, with service, numbers and status from their application. */
  private visits(db: ReadableDb, filter: JournalFilter): JournalVisit[] {
    const window = utcWindowAround(filter.from, filter.to);
    const rows = listVisitsStartedBetween(db, window.fromIso, window.toIso, filter.operatorId).filter((v) => isWithinKzDays(v.startedAt, filter.from, filter.to));
    const marks = listMarksOfVisitsStartedBetween(db, window.fromIso, window.toIso);
    const applications = new Map<string, ApplicationSummary | null>();
    const summaryOf = (id: string | null): ApplicationSummary | null => {
      if (id === null) return null;
      if (!applications.has(id)) applications.set(id, findApplicationSummary(db, id));
      return applications.get(id) ?? null;
    };
    return rows.flatMap((row): JournalVisit[] => {
      const application = summaryOf(row.applicationId);
      const serviceId = application?.serviceId ?? row.serviceId;
      if (filter.serviceId !== null && serviceId !== filter.serviceId) return [];
      const entry = serviceId === null ? null : (this.services.get(serviceId) ?? null);
      const budgetMinutes = budgetForVisit(entry, row.kind);
      const timing = timeVisit(marks.get(row.visitId) ?? [], row.endedAt, (step) => normForStep(entry, step), budgetMinutes);
      return [{
        visitId: row.visitId,
        kind: row.kind,
        operatorId: row.operatorId,
        operatorName: row.operatorName,
        serviceId,
        applicationId: row.applicationId,
        localNumber: application?.localNumber ?? null,
        registrationNumber: application?.registrationNumber ?? null,
        status: application ? journalStatusOf(application) : null,
        startedAt: row.startedAt,
        totalSeconds: timing.totalSeconds,
        budgetMinutes,
        overBudget: timing.overBudget,
        steps: timing.steps,
      }];
    });
  }

  private answers(db: ReadableDb, filter: JournalFilter) {
    const window = utcWindowAround(filter.from, filter.to);
    return listAnswersBetween(db, window.fromIso, window.toIso, filter.operatorId, filter.serviceId).filter((a) => isWithinKzDays(a.answeredAt, filter.from, filter.to));
  }

  /** A service id the catalog knows, else null (a stale renderer's id must not break the journal). */
  private knownService(serviceId: string | null): string | null {
    return serviceId !== null && this.services.has(serviceId) ? serviceId : null;
  }

  private entryOf(serviceId: string | null): CatalogEntry | null {
    return serviceId === null ? null : (this.services.get(serviceId) ?? null);
  }

  private entryOfApplication(db: ReadableDb, applicationId: string | null): CatalogEntry | null {
    if (applicationId === null) return null;
    const serviceId = findApplicationSummary(db, applicationId)?.serviceId;
    return serviceId === undefined ? null : (this.services.get(serviceId) ?? null);
  }
}
