/** Questionnaire answers counted per service and question, for the supervisor's report. */
import type { QuestionnaireTally } from '../contract/journal';
import type { QuestionnaireAnswers } from '../contract/questionnaire';

export interface AnsweredQuestionnaire extends QuestionnaireAnswers {
  readonly serviceId: string;
}

/** One tally per service and question (quality before accessibility), services in id order; services without answers are absent. */
export function tallyQuestionnaire(answers: readonly AnsweredQuestionnaire[]): QuestionnaireTally[] {
  const byService = new Map<string, { quality: [number, number, number]; accessibility: [number, number, number] }>();
  for (const answer of answers) {
    const entry = byService.get(answer.serviceId) ?? { quality: [0, 0, 0], accessibility: [0, 0, 0] };
    entry.quality[answer.quality] += 1;
    entry.accessibility[answer.accessibility] += 1;
    byService.set(answer.serviceId, entry);
  }
  return [...byService.keys()].sort().flatMap((serviceId) => {
    const entry = byService.get(serviceId)!;
    return [
      { serviceId, question: 'quality' as const, counts: entry.quality },
      { serviceId, question: 'accessibility' as const, counts: entry.accessibility },
    ];
  });
}
