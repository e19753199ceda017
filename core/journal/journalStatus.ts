/**
 * The status a journal row shows for an application: handed over once the result was given out,
 * else the provider's status as last heard, else the local queue state (accepted, needs-attention,
 * withdrawn, or registered before the first status poll).
 */
import type { JournalVisit } from '../contract/journal';
import type { ApplicationSummary } from '../contract/submissions';

export function journalStatusOf(summary: Pick<ApplicationSummary, 'state' | 'tracking' | 'handOver'>): NonNullable<JournalVisit['status']> {
  // `?? null`: summaries read from rows older than status tracking may lack both fields.
  if ((summary.handOver ?? null) !== null) return 'handed-over';
  return summary.tracking?.status ?? summary.state;
}
