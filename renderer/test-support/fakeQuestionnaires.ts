/**
 * Quality questionnaires of the fake catalog entries, worded as in regulations.md §5 (kk verbatim;
 * ru and en are translations). [14] has none.
 */
import type { Questionnaire } from '../../core/catalog/catalogSchema';

const PRESENT_TENSE_ANSWERS = [
  { kk: 'қанағаттанбаймын', ru: 'не удовлетворён', en: 'not satisfied' },
  { kk: 'ішінара қанағаттанамын', ru: 'частично удовлетворён', en: 'partially satisfied' },
  { kk: 'қанағаттанамын', ru: 'удовлетворён', en: 'satisfied' },
];

const PAST_TENSE_ANSWERS = [
  { kk: 'қанағаттанған жоқпын', ru: 'не был удовлетворён', en: 'was not satisfied' },
  { kk: 'ішінара қанағаттандым', ru: 'был удовлетворён частично', en: 'was partially satisfied' },
  { kk: 'қанағаттандым', ru: 'был удовлетворён', en: 'was satisfied' },
];

/** §5 A: 000 annexes 1 and 2. */
export const QUESTIONNAIRE_000_A: Questionnaire = {
  source: '000_633c90a07688dd66.txt, 1-қосымша, 2-қосымша',
  questions: [
    {
      id: 'quality',
      text: {
        kk: 'Сіз электрондық мемлекеттік қызмет көрсету үдерісінің сапасына және нәтижесіне қанағаттанасыз ба?',
        ru: 'Удовлетворены ли вы качеством и результатом процесса оказания электронной государственной услуги?',
        en: 'Are you satisfied with the quality and result of the e-service process?',
      },
      answers: PRESENT_TENSE_ANSWERS,
    },
    {
      id: 'accessibility',
      text: {
        kk: 'Сіз электрондық мемлекеттік қызмет көрсету тәртібі туралы ақпараттың сапасына қанағаттанасыз ба?',
        ru: 'Удовлетворены ли вы качеством информации о порядке оказания электронной государственной услуги?',
        en: 'Are you satisfied with the quality of information about the procedure?',
      },
      answers: PRESENT_TENSE_ANSWERS,
    },
  ],
};

/** §5 B: 000 annexes 3 and 4. */
export const QUESTIONNAIRE_000_B: Questionnaire = {
  source: '000_633c90a07688dd66.txt, 3-қосымша, 4-қосымша',
  questions: [
    {
      id: 'quality',
      text: {
        kk: 'Сіз электронды мемлекеттік қызметтің барысына және нәтижесіне қанағаттанасыз ба?',
        ru: 'Удовлетворены ли вы ходом и результатом электронной государственной услуги?',
        en: 'Are you satisfied with the course and result of the e-service?',
      },
      answers: PRESENT_TENSE_ANSWERS,
    },
    {
      id: 'accessibility',
      text: {
        kk: 'Сіз электронды мемлекеттік қызмет көрсету тәртібі туралы ақпаратқа қанағаттанасыз ба?',
        ru: 'Удовлетворены ли вы информацией о порядке оказания электронной государственной услуги?',
        en: 'Are you satisfied with the information about the procedure?',
      },
      answers: PRESENT_TENSE_ANSWERS,
    },
  ],
};

/** §5 C: 001, past tense. */
export const QUESTIONNAIRE_001: Questionnaire = {
  source: '001_b92f528bf720474f.txt, 3-қосымша',
  questions: [
    {
      id: 'quality',
      text: {
        kk: 'Сіз электрондық мемлекеттік қызмет көрсету процессі мен нәтижесіне қанағаттандыңыз ба?',
        ru: 'Были ли вы удовлетворены процессом и результатом оказания электронной государственной услуги?',
        en: 'Were you satisfied with the e-service process and result?',
      },
      answers: PAST_TENSE_ANSWERS,
    },
    {
      id: 'accessibility',
      text: {
        kk: 'Сіз электрондық мемлекеттік қызметті көрсету тәртібі туралы ақпарат сапасына қанағаттандыңыз ба?',
        ru: 'Были ли вы удовлетворены качеством информации о порядке оказания электронной государственной услуги?',
        en: 'Were you satisfied with the quality of information about the procedure?',
      },
      answers: PAST_TENSE_ANSWERS,
    },
  ],
};
