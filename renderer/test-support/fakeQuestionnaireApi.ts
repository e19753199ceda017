/**
 * The fake questionnaire area: main's QuestionnaireService over the fake journal. The form is the
 * application's service's catalog wording (fakeQuestionnaires.ts); [14] has none, so the 2014
 * casino service answers no-questionnaire. One answer per application, like main's table.
 */
import type { QuestionnaireAnswers, QuestionnaireApi, QuestionnaireError, QuestionnaireForm } from '../../core/contract';
import { err, ok, type Result } from '../../core/result';
import { NOT_SIGNED_IN, type FakeMain } from './fakeMain';

export interface FakeQuestionnaireController {
  /** The answers stored so far, by application id. */
  readonly answers: ReadonlyMap<string, { readonly answers: QuestionnaireAnswers; readonly answeredAt: string }>;
}

export function createFakeQuestionnaire(main: FakeMain): { readonly api: QuestionnaireApi; readonly controller: FakeQuestionnaireController } {
  const answers = new Map<string, { readonly answers: QuestionnaireAnswers; readonly answeredAt: string }>();

  const formOf = (applicationId: string): Result<QuestionnaireForm, QuestionnaireError> => {
    if (!main.operator()) return err(NOT_SIGNED_IN);
    const application = main.applications.find((candidate) => candidate.applicationId === applicationId);
    if (!application) return err({ kind: 'not-found' });
    const questionnaire = main.serviceById(application.serviceId)?.questionnaire ?? null;
    if (questionnaire === null) return err({ kind: 'no-questionnaire' });
    const stored = answers.get(applicationId);
    return ok({
      applicationId,
      serviceId: application.serviceId,
      questionnaire,
      answeredAt: stored?.answeredAt ?? null,
      answers: stored?.answers ?? null,
    });
  };

  const api: QuestionnaireApi = {
    async forApplication(applicationId) {
      return formOf(applicationId);
    },
    async answer(applicationId, given) {
      const form = formOf(applicationId);
      if (!form.ok) return form;
      if (form.value.answeredAt !== null) return err({ kind: 'already-answered', answeredAt: form.value.answeredAt });
      const stored = { answers: given, answeredAt: main.now() };
      answers.set(applicationId, stored);
      return ok({ ...form.value, answeredAt: stored.answeredAt, answers: given });
    },
  };
  return { api, controller: { answers } };
}
