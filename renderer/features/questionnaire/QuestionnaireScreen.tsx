import { useEffect, useMemo } from 'react';
import type { QuestionnaireForm } from '../../../core/contract';
import { createTranslator, type Translator } from '../../i18n/translator';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import type { AnswerIndex, ApplicantLanguage, QuestionId, QuestionnaireScreen as Screen, QuestionnaireUnavailable } from './questionnaireSlice';

const ANSWER_INDICES: readonly AnswerIndex[] = [0, 1, 2];
const DIGIT_ANSWERS: Readonly<Record<string, AnswerIndex>> = { Digit1: 0, Digit2: 1, Digit3: 2, Numpad1: 0, Numpad2: 1, Numpad3: 2 };

type OpenScreen = Extract<Screen, { kind: 'open' }>;

/** The question keys 1–3 answer: the first one still open, else the last one (to change it). */
function activeQuestionOf(screen: OpenScreen): QuestionId {
  const questions = screen.form.questionnaire.questions;
  return (questions.find((question) => screen.choices[question.id] === null) ?? questions[questions.length - 1]!).id;
}

function LanguageToggle({ language, t }: { readonly language: ApplicantLanguage; readonly t: Translator['t'] }) {
  const setApplicantLanguage = useWorkstation((state) => state.setApplicantLanguage);
  const other: ApplicantLanguage = language === 'kk' ? 'ru' : 'kk';
  return (
    <button
      type="button"
      className="button questionnaire__language"
      data-testid="questionnaire-language"
      lang={other}
      data-language={language}
      onClick={() => setApplicantLanguage(other)}
    >
      {t(other === 'kk' ? 'questionnaire.switchToKk' : 'questionnaire.switchToRu')}
    </button>
  );
}

function UnavailableMessage({ reason, t, formatDateTime }: { readonly reason: QuestionnaireUnavailable } & Pick<Translator, 't' | 'formatDateTime'>) {
  switch (reason.kind) {
    case 'no-questionnaire':
      return <p data-testid="questionnaire-unavailable" data-reason={reason.kind}>{t('questionnaire.none')}</p>;
    case 'already-answered':
      return (
        <p data-testid="questionnaire-unavailable" data-reason={reason.kind}>
          {t('questionnaire.alreadyAnswered', { time: formatDateTime(reason.answeredAt) })}
        </p>
      );
    case 'not-found':
      return <p data-testid="questionnaire-unavailable" data-reason={reason.kind}>{t('questionnaire.notFound')}</p>;
  }
}

function QuestionnaireQuestions({ screen, form, applicant }: { readonly screen: OpenScreen; readonly form: QuestionnaireForm; readonly applicant: Translator }) {
  const choose = useWorkstation((state) => state.chooseQuestionnaireAnswer);
  const submit = useWorkstation((state) => state.submitQuestionnaire);
  const run = useRunAction();
  const language = applicant.language === 'kk' ? 'kk' : 'ru';
  const isComplete = screen.choices.quality !== null && screen.choices.accessibility !== null;
  return (
    <>
      {form.questionnaire.questions.map((question, number) => (
        <fieldset key={question.id} className="questionnaire__question" data-testid={`questionnaire-question-${question.id}`}>
          <legend className="questionnaire__text">
            {number + 1}. {question.text[language]}
          </legend>
          <div className="questionnaire__answers">
            {ANSWER_INDICES.map((index) => (
              <button
                key={index}
                type="button"
                className={`questionnaire__answer${screen.choices[question.id] === index ? ' questionnaire__answer--chosen' : ''}`}
                data-testid={`questionnaire-answer-${question.id}-${index}`}
                aria-pressed={screen.choices[question.id] === index}
                disabled={screen.isSending}
                onClick={() => choose(question.id, index)}
              >
                <span className="questionnaire__key" aria-hidden="true">
                  {index + 1}
                </span>
                {question.answers[index]?.[language]}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
      <p className="questionnaire__hint muted">{applicant.t('questionnaire.keysHint')}</p>
      <button
        type="button"
        className="button button--primary button--large"
        data-testid="questionnaire-submit"
        disabled={!isComplete || screen.isSending}
        onClick={() => run(submit())}
      >
        {screen.isSending ? applicant.t('questionnaire.sending') : applicant.t('questionnaire.submit')}
      </button>
    </>
  );
}

/**
 * The applicant-facing quality questionnaire (regulations.md §5): the service's two questions with
 * three answers each, in the regulation's Kazakh or Russian as the applicant chooses (independent
 * of the interface language). Answer by click or keys 1–3 (the first open question), Enter sends.
 */
export function QuestionnaireScreen() {
  const screen = useWorkstation((state) => state.questionnaire);
  const language = useWorkstation((state) => state.applicantLanguage);
  const choose = useWorkstation((state) => state.chooseQuestionnaireAnswer);
  const submit = useWorkstation((state) => state.submitQuestionnaire);
  const close = useWorkstation((state) => state.closeQuestionnaire);
  const run = useRunAction();
  const applicant = useMemo(() => createTranslator(language), [language]);
  const { t } = applicant;

  useEffect(() => {
    if (screen.kind !== 'open') return undefined;
    // On the window: the applicant's keypad presses land wherever the focus happens to be.
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const answer = DIGIT_ANSWERS[event.code];
      if (answer !== undefined) {
        event.preventDefault();
        choose(activeQuestionOf(screen), answer);
      } else if ((event.code === 'Enter' || event.code === 'NumpadEnter') && screen.choices.quality !== null && screen.choices.accessibility !== null) {
        event.preventDefault();
        run(submit());
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [screen, choose, submit, run]);

  return (
    <section className="questionnaire" data-testid="questionnaire-screen" lang={language} aria-live="polite">
      <header className="questionnaire__header">
        <h2 className="questionnaire__title">{t('questionnaire.title')}</h2>
        {screen.kind === 'open' && <LanguageToggle language={language} t={t} />}
      </header>
      {screen.kind === 'loading' && <p role="status">{t('questionnaire.loading')}</p>}
      {screen.kind === 'open' && <QuestionnaireQuestions screen={screen} form={screen.form} applicant={applicant} />}
      {screen.kind === 'done' && (
        <p className="questionnaire__thanks" data-testid="questionnaire-done">
          {t('questionnaire.thanks')}
        </p>
      )}
      {screen.kind === 'unavailable' && <UnavailableMessage reason={screen.reason} t={t} formatDateTime={applicant.formatDateTime} />}
      {(screen.kind === 'done' || screen.kind === 'unavailable') && (
        <button type="button" className="button button--large" data-testid="questionnaire-back" autoFocus onClick={close}>
          {t('questionnaire.back')}
        </button>
      )}
    </section>
  );
}
