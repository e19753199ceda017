/**
 * Defence in depth for text that leaves the workstation (the helpdesk copy of the diagnostics):
 * whatever a collector let through, no run of 12 or more digits survives — an IIN or BIN is 12
 * digits, and nothing the report means to show is that long (sizes are in MB, times ISO strings).
 * A 12-digit run inside a longer token (a UUID's last group) is masked too: a lost digit group is
 * cheaper than a leaked identifier.
 */
const LONG_DIGIT_RUN = /\d{12,}/g;

export const REDACTION_MASK = '[redacted]';

export function redactDiagnosticsText(text: string): string {
  return text.replace(LONG_DIGIT_RUN, REDACTION_MASK);
}
