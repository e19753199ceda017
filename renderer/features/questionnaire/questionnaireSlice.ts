import type { QuestionnaireAnswers, QuestionnaireError, QuestionnaireForm } from '../../../core/contract';
import type { Language } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';
import type { WorkspaceView } from '../workflow/workflowSlice';

export type QuestionId = keyof QuestionnaireAnswers;
export type AnswerIndex = QuestionnaireAnswers[QuestionId];
/** The questionnaire is worded in the regulation's Kazakh and Russian; the applicant picks one. */
export type ApplicantLanguage = Extract<Language, 'kk' | 'ru'>;

/** Why the questionnaire cannot be filled in for this application. */
export type QuestionnaireUnavailable =
  | { readonly kind: 'no-questionnaire' }
  | { readonly kind: 'already-answered'; readonly answeredAt: string }
  | { readonly kind: 'not-found' };

export type QuestionnaireScreen =
  | { readonly kind: 'closed' }
  | { readonly kind: 'loading'; readonly applicationId: string }
  | {
      readonly kind: 'open';
      readonly form: QuestionnaireForm;
      readonly choices: { readonly quality: AnswerIndex | null; readonly accessibility: AnswerIndex | null };
      readonly isSending: boolean;
    }
  | { readonly kind: 'done'; readonly applicationId: string }
  | { readonly kind: 'unavailable'; readonly applicationId: string; readonly reason: QuestionnaireUnavailable };

export interface QuestionnaireState {
  /** Holds the application id (and the service's form): citizen data, wiped by resetCitizenData. */
  readonly questionnaire: QuestionnaireScreen;
  readonly applicantLanguage: ApplicantLanguage;
  /** The screen the questionnaire was opened from, shown again when it closes. */
  readonly questionnaireReturnView: WorkspaceView;
}

export interface QuestionnaireActions {
  /**
   * Shows the applicant-facing questionnaire of an application (after the receipt, or after the
   * hand-over), marks the visit's 'questionnaire' step and loads the service's wording. Answers
   * come in the interface language's applicant version (kk → kk, ru and en → ru).
   */
  openQuestionnaire(applicationId: string): Promise<Result<QuestionnaireForm, QuestionnaireError>>;
  chooseQuestionnaireAnswer(question: QuestionId, answer: AnswerIndex): void;
  setApplicantLanguage(language: ApplicantLanguage): void;
  /** Sends both answers once both are chosen; null when not ready or already sending. Ends the visit on success. */
  submitQuestionnaire(): Promise<Result<QuestionnaireForm, QuestionnaireError> | null>;
  /** Back to the screen it was opened from; the applicant is done, so the visit ends. */
  closeQuestionnaire(): void;
}

export type QuestionnaireSlice = QuestionnaireState & QuestionnaireActions;

export const questionnaireInitialState: QuestionnaireState = {
  questionnaire: { kind: 'closed' },
  applicantLanguage: 'kk',
  questionnaireReturnView: 'application',
};

export function applicantLanguageFor(language: Language): ApplicantLanguage {
  return language === 'kk' ? 'kk' : 'ru';
}

function unavailableOf(error: Exclude<QuestionnaireError, { kind: 'not-signed-in' }>): QuestionnaireUnavailable {
  return error.kind === 'already-answered' ? { kind: 'already-answered', answeredAt: error.answeredAt } : { kind: error.kind };
}

export const createQuestionnaireSlice: SliceCreator<QuestionnaireSlice> = ({ set, get, api }) => ({
  ...questionnaireInitialState,

  async openQuestionnaire(applicationId) {
    const before = get();
    const returnView = before.view === 'questionnaire' ? before.questionnaireReturnView : before.view;
    set({
      view: 'questionnaire',
      questionnaireReturnView: returnView,
      questionnaire: { kind: 'loading', applicationId },
      applicantLanguage: applicantLanguageFor(before.language),
    });
    before.markVisitStep('questionnaire', applicationId);
    const result = await api.questionnaire.forApplication(applicationId);
    if (get().citizenDataEpoch !== before.citizenDataEpoch) return result;
    if (!result.ok) {
      if (result.error.kind === 'not-signed-in') get().endExpiredSession();
      else set({ questionnaire: { kind: 'unavailable', applicationId, reason: unavailableOf(result.error) } });
      return result;
    }
    const form = result.value;
    if (form.answeredAt !== null) {
      set({ questionnaire: { kind: 'unavailable', applicationId, reason: { kind: 'already-answered', answeredAt: form.answeredAt } } });
    } else {
      set({ questionnaire: { kind: 'open', form, choices: { quality: null, accessibility: null }, isSending: false } });
    }
    return result;
  },

  chooseQuestionnaireAnswer(question, answer) {
    const screen = get().questionnaire;
    if (screen.kind !== 'open' || screen.isSending) return;
    set({ questionnaire: { ...screen, choices: { ...screen.choices, [question]: answer } } });
  },

  setApplicantLanguage(language) {
    set({ applicantLanguage: language });
  },

  async submitQuestionnaire() {
    const before = get();
    const screen = before.questionnaire;
    if (screen.kind !== 'open' || screen.isSending) return null;
    const { quality, accessibility } = screen.choices;
    if (quality === null || accessibility === null) return null;
    set({ questionnaire: { ...screen, isSending: true } });
    const applicationId = screen.form.applicationId;
    const result = await api.questionnaire.answer(applicationId, { quality, accessibility });
    if (get().citizenDataEpoch !== before.citizenDataEpoch) return result;
    if (result.ok) {
      set({ questionnaire: { kind: 'done', applicationId } });
      get().endVisit();
    } else if (result.error.kind === 'not-signed-in') {
      get().endExpiredSession();
    } else {
      set({ questionnaire: { kind: 'unavailable', applicationId, reason: unavailableOf(result.error) } });
    }
    return result;
  },

  closeQuestionnaire() {
    if (get().view === 'questionnaire') set({ view: get().questionnaireReturnView });
    set({ questionnaire: { kind: 'closed' } });
    get().endVisit();
  },
});
