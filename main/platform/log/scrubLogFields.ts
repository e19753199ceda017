/**
 * The log's redaction (issue 15 item 4): applied to every field and message before a line is
 * written. Two rules, both deliberately blunt:
 * - keys that name personal data or secrets (iin, bin, name, address, password, token, key, pem, …)
 *   lose their value whatever it is;
 * - in every string that is kept, a run of 12+ digits (an IIN or BIN) is masked, and the string is
 *   cut to a bounded length (a stray document text cannot flood the file).
 * Objects are walked to a bounded depth; arrays to a bounded length; anything else becomes its type.
 */
export const LOG_REDACTED = '[redacted]';

/** Keys whose values never reach the log, matched case-insensitively against the whole key or its camelCase parts. */
const SENSITIVE_KEY =
  /^(iin|bin|identifier|idnumber|name|names|fullname|firstname|lastname|middlename|displayname|tradename|surname|patronymic|address|addresses|street|phone|email|password|passwd|passphrase|secret|token|authorization|cookie|key|privatekey|blobkey|blobkeybase64|pem|p12|pfx|certificate|cert|signature|cms|pdf|pdfbase64|bytes|base64|payload|body|applicant|representative|head|person|operatorname|fullnames|poa|powerofattorney|query|searchtext|filename|path)$/i;
const SENSITIVE_SUFFIX = /(iin|bin|name|address|password|token|secret|key|pem|base64|signature)$/i;
const LONG_DIGIT_RUN = /\d{12,}/g;
const MAX_STRING = 300;
const MAX_DEPTH = 5;
const MAX_ARRAY = 20;

export function isSensitiveKey(key: string): boolean {
  if (SENSITIVE_KEY.test(key)) return true;
  // camelCase endings: applicantIin, operatorFullName, apiToken, blobKey (but not "kind", "pins" or "bins" as counts).
  return /[a-z0-9][A-Z]/.test(key) && SENSITIVE_SUFFIX.test(key);
}

export function scrubLogString(text: string): string {
  const masked = text.replace(LONG_DIGIT_RUN, LOG_REDACTED);
  return masked.length > MAX_STRING ? `${masked.slice(0, MAX_STRING)}…` : masked;
}

export function scrubLogValue(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') return scrubLogString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return scrubError(value);
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (depth >= MAX_DEPTH) return '[deep]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ARRAY).map((item) => scrubLogValue(item, depth + 1));
    return value.length > MAX_ARRAY ? [...items, `[+${value.length - MAX_ARRAY}]`] : items;
  }
  if (typeof value === 'object') return scrubLogFields(value as Record<string, unknown>, depth + 1);
  return `[${typeof value}]`;
}

export function scrubLogFields(fields: Readonly<Record<string, unknown>>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'err') out.err = value instanceof Error ? scrubError(value) : scrubLogValue(value, depth);
    else out[key] = isSensitiveKey(key) ? LOG_REDACTED : scrubLogValue(value, depth);
  }
  return out;
}

/** An error as the log keeps it: its class, scrubbed message, `code`/`kind` if any, and the first frames of its scrubbed stack. */
export function scrubError(error: Error): Record<string, unknown> {
  const withCode = error as Error & { code?: unknown; kind?: unknown };
  const stack = typeof error.stack === 'string' ? error.stack.split('\n').slice(1, 9).map((line) => scrubLogString(line.trim())) : [];
  return {
    type: error.name,
    message: scrubLogString(error.message),
    ...(typeof withCode.code === 'string' || typeof withCode.code === 'number' ? { code: withCode.code } : {}),
    ...(typeof withCode.kind === 'string' ? { kind: withCode.kind } : {}),
    stack,
  };
}
