/** Both hosts' sink for unexpected errors: kind and message only, since arguments may hold personal data. */
export function reportUnexpected(error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown';
  console.error(`[workstation] unexpected error: ${message}`);
}
