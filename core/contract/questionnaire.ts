/**
 * The quality questionnaire (issue #7 item 4; regulations.md §5): two questions with three answers
 * each, worded as in the service's own regulation, answered on screen by the applicant after the
 * acceptance or the hand-over. One answer per application; exported from the journal.
 */
import { z } from 'zod';
import type { Result } from '../result';
import type { Questionnaire } from '../catalog/catalogSchema';
import type { NotSignedIn } from './common';

/** Index of the chosen answer (0 = not satisfied … 2 = satisfied), as printed in the regulation. */
export const questionnaireChoiceSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export const questionnaireAnswersSchema = z.object({
  quality: questionnaireChoiceSchema,
  accessibility: questionnaireChoiceSchema,
});
export type QuestionnaireAnswers = z.infer<typeof questionnaireAnswersSchema>;

export interface QuestionnaireForm {
  readonly applicationId: string;
  readonly serviceId: string;
  /** The regulation's questions and answers in kk, ru and en, with the clause they come from. */
  readonly questionnaire: Questionnaire;
  /** Set once the applicant has answered; the form is then read-only. */
  readonly answeredAt: string | null;
  readonly answers: QuestionnaireAnswers | null;
}

export type QuestionnaireError =
  | NotSignedIn
  | { readonly kind: 'not-found' }
  /** The service's regulation has no questionnaire ([14]). */
  | { readonly kind: 'no-questionnaire' }
  | { readonly kind: 'already-answered'; readonly answeredAt: string };

export interface QuestionnaireApi {
  forApplication(applicationId: string): Promise<Result<QuestionnaireForm, QuestionnaireError>>;
  /** Stores the applicant's answers, durably, with the time and the operator at the counter. */
  answer(applicationId: string, answers: QuestionnaireAnswers): Promise<Result<QuestionnaireForm, QuestionnaireError>>;
}
