/** The counter steps of Diagram No. 2 as the operator sees them (reference/regulations.md §3, W2–W5). */
export const APPLICATION_STEPS = ['service', 'applicant', 'documents', 'review'] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

export function nextStepOf(step: ApplicationStep): ApplicationStep | null {
  return APPLICATION_STEPS[APPLICATION_STEPS.indexOf(step) + 1] ?? null;
}

export function previousStepOf(step: ApplicationStep): ApplicationStep | null {
  const index = APPLICATION_STEPS.indexOf(step);
  return index > 0 ? (APPLICATION_STEPS[index - 1] ?? null) : null;
}
